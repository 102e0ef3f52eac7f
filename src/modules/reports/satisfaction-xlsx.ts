import type ExcelJS from 'exceljs';
import { printOnA4 } from '../../kernel/spreadsheet';
import { type SatisfactionSection, VERDICTS } from './satisfaction.rules';

/**
 * Sheets shared by the bulletin's ledger and the year-end workbook: 满意度测评 (one row per project,
 * the deputies' counts and verdict beside the survey's) and, with sub-regions, 分地区. Rates are
 * stored as fractions formatted as percentages, so Excel can compute with them.
 */
const GRID: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

export function titleRows(sheet: ExcelJS.Worksheet, width: number, title: string, note: string): void {
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { size: 16, bold: true };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, width);
  sheet.getCell(2, 1).value = note;
  sheet.getCell(2, 1).alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(2).height = 36;
}

export function headerRow(row: ExcelJS.Row, values: string[]): void {
  row.values = values;
  row.font = { bold: true };
  row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
}

/** Thin borders on every cell from `fromRow` down, and A4 landscape fitted to the page width. */
export function finishSheet(sheet: ExcelJS.Worksheet, fromRow: number, repeatRows: string): void {
  sheet.eachRow((row, n) => {
    if (n < fromRow) return;
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = GRID;
    });
  });
  printOnA4(sheet, { orientation: 'landscape', titleRows: repeatRows });
}

const fraction = (rate: number | null) => (rate === null ? '' : rate / 100);

export function addSatisfactionSheets(
  book: ExcelJS.Workbook,
  section: SatisfactionSection,
  title: string,
): void {
  const sheet = book.addWorksheet('满意度测评', { views: [{ state: 'frozen', ySplit: 4 }] });
  const widths = [6, 34, 12, 14, 12, 8, 10, 10, 10, 8, 10, 8, 10];
  sheet.columns = widths.map((width) => ({ width }));
  const s = section.session;
  const note = s
    ? `人大代表测评：${s.title}，应到 ${s.roll} 人，收回 ${s.returned} 张${s.valid ? '' : '（测评无效）'}；规则：${s.ruleText}`
    : '人大代表测评：尚未计票';
  titleRows(sheet, widths.length, `${title}满意度测评结果`, note);
  sheet.mergeCells(3, 1, 4, 1);
  sheet.mergeCells(3, 2, 4, 2);
  sheet.mergeCells(3, 3, 3, 8);
  sheet.mergeCells(3, 9, 3, 13);
  headerRow(sheet.getRow(3), ['序号', '项目', '人大代表测评', '', '', '', '', '', '群众满意度调查']);
  // A group heading spans its columns: never wrap it inside the first one.
  sheet.getRow(3).alignment = { horizontal: 'center', vertical: 'middle' };
  headerRow(sheet.getRow(4), [
    '',
    '',
    '满意',
    '基本满意',
    '不满意',
    '未评',
    '满意率',
    '测评结果',
    '评价份数',
    '满意',
    '基本满意',
    '不满意',
    '满意率',
  ]);
  section.projects.forEach((p, i) => {
    const d = p.deputies;
    const row = sheet.addRow([
      i + 1,
      p.name,
      d?.satisfied ?? '',
      d?.basicallySatisfied ?? '',
      d?.dissatisfied ?? '',
      d?.blank ?? '',
      d ? fraction(d.rate) : '',
      d?.verdict ?? '未测评',
      p.survey.total,
      p.survey.satisfied,
      p.survey.basicallySatisfied,
      p.survey.dissatisfied,
      fraction(p.survey.rate),
    ]);
    row.getCell(7).numFmt = '0.0%';
    row.getCell(13).numFmt = '0.0%';
    row.alignment = { vertical: 'middle', wrapText: true };
  });
  const total = section.survey;
  const sum = sheet.addRow([
    '',
    '合计',
    ...VERDICTS.map((v) => `${section.deputyVerdicts[v]} 项${v}`),
    '',
    '',
    '',
    total.total,
    total.satisfied,
    total.basicallySatisfied,
    total.dissatisfied,
    fraction(total.rate),
  ]);
  sum.font = { bold: true };
  sum.getCell(13).numFmt = '0.0%';
  finishSheet(sheet, 3, '3:4');

  if (section.regions.length > 1) {
    const regions = book.addWorksheet('分地区', { views: [{ state: 'frozen', ySplit: 3 }] });
    const w = [16, 8, 10, 10, 10, 12, 10, 10, 10, 10];
    regions.columns = w.map((width) => ({ width }));
    titleRows(
      regions,
      w.length,
      `${title}满意度测评分地区情况`,
      '代表测评列为测评结果为满意、基本满意、不满意的项目数',
    );
    headerRow(regions.getRow(3), [
      '地区',
      '项目数',
      '代表测评满意',
      '基本满意',
      '不满意',
      '群众评价份数',
      '满意',
      '基本满意',
      '不满意',
      '群众满意率',
    ]);
    for (const r of section.regions) {
      const row = regions.addRow([
        r.name,
        r.projects,
        ...(r.sessionCounted ? VERDICTS.map((v) => r.deputyVerdicts[v]) : ['尚未测评', '', '']),
        r.survey.total,
        r.survey.satisfied,
        r.survey.basicallySatisfied,
        r.survey.dissatisfied,
        fraction(r.survey.rate),
      ]);
      row.getCell(10).numFmt = '0.0%';
    }
    finishSheet(regions, 3, '3:3');
  }
}
