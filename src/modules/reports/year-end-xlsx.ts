import ExcelJS from 'exceljs';
import { rowHeightFor } from '../../kernel/spreadsheet';
import { COMPLETED_AS_LABELS, PROJECT_STATUS_LABELS } from '../progress/assessment.rules';
import { addSatisfactionSheets, finishSheet, headerRow, titleRows } from './satisfaction-xlsx';
import { addSupervisionSheet } from './supervision-xlsx';
import { overall, type YearEndReport } from './year-end.rules';

/**
 * The year-end report as a workbook: 完成情况 (one row per project, money in yuan as numbers),
 * 群众参与 (the funnel's steps), 满意度测评 and, with sub-regions, 分地区.
 */
export async function yearEndXlsx(report: YearEndReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '民生实事平台';
  const title = `${report.region.name}${report.year}年民生实事`;

  const sheet = book.addWorksheet('完成情况', { views: [{ state: 'frozen', ySplit: 3 }] });
  const widths = [6, 10, 30, 16, 22, 10, 16, 16, 10];
  sheet.columns = widths.map((width) => ({ width }));
  titleRows(sheet, widths.length, `${report.title}${report.demo ? '（演示数据）' : ''}`, overall(report));
  sheet.getRow(2).height = 60;
  headerRow(sheet.getRow(3), [
    '序号',
    '领域',
    '项目名称',
    '牵头单位',
    '完成情况',
    '完成度',
    '计划投资（元）',
    '完成投资（元）',
    '投资完成率',
  ]);
  report.projects.forEach((p, i) => {
    const row = sheet.addRow([
      i + 1,
      p.field,
      p.name,
      p.leadUnits.join('、'),
      p.completedAs ? COMPLETED_AS_LABELS[p.completedAs] : `未完成（${PROJECT_STATUS_LABELS[p.status]}）`,
      p.completion,
      p.budget === null ? '' : Number(p.budget),
      p.investment === null ? '' : Number(p.investment),
      p.budget !== null && p.investment !== null && Number(p.budget) > 0
        ? Number(p.investment) / Number(p.budget)
        : '',
    ]);
    row.getCell(6).numFmt = '0.00%';
    row.getCell(7).numFmt = '#,##0.00';
    row.getCell(8).numFmt = '#,##0.00';
    row.getCell(9).numFmt = '0.00%';
    row.alignment = { vertical: 'middle', wrapText: true };
    // Tall enough for every wrapped line (未完成（进度严重滞后） takes two in its column).
    row.height = rowHeightFor(
      [1, 2, 3, 4, 5].map((c) => String(row.getCell(c).value ?? '')),
      widths,
    );
  });
  const { planned, done, rate } = report.investment;
  const sum = sheet.addRow([
    '',
    '',
    `合计 ${report.total} 件，完成 ${report.completed} 件`,
    '',
    '',
    '',
    planned === null ? '' : Number(planned),
    done === null ? '' : Number(done),
    rate ?? '',
  ]);
  sum.font = { bold: true };
  sum.getCell(7).numFmt = '#,##0.00';
  sum.getCell(8).numFmt = '#,##0.00';
  sum.getCell(9).numFmt = '0.00%';
  finishSheet(sheet, 3, '3:3');

  const funnel = book.addWorksheet('群众参与');
  funnel.columns = [{ width: 24 }, { width: 10 }, { width: 14 }];
  titleRows(funnel, 3, `${title}群众参与情况`, '从群众建议到当选项目的各环节数量');
  headerRow(funnel.getRow(3), ['环节', '数量', '占上一环节']);
  report.funnel.steps.forEach((step, i) => {
    const before = i > 0 ? report.funnel.steps[i - 1]!.value : 0;
    const row = funnel.addRow([step.label, step.value, i > 0 && before > 0 ? step.value / before : '']);
    row.getCell(3).numFmt = '0.0%';
  });
  funnel.addRow(['已答复的建议组', report.funnel.answered, '']);
  funnel.addRow(['当选项目吸纳的群众建议', report.funnel.suggestionsInElected, '']);
  finishSheet(funnel, 3, '3:3');

  addSatisfactionSheets(book, report.satisfaction, title);
  if (report.supervision) addSupervisionSheet(book, report.supervision, title);
  return Buffer.from(await book.xlsx.writeBuffer());
}
