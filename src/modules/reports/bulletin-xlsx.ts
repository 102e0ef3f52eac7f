import ExcelJS from 'exceljs';
import { formatYuanChinese } from '../../kernel/money';
import { printOnA4 } from '../../kernel/spreadsheet';
import { COMPLETED_AS_LABELS, PROJECT_STATUS_LABELS } from '../progress/assessment.rules';
import { INDICATOR_KIND_LABELS } from '../progress/indicator.rules';
import { LIGHT_LABELS, type Light } from '../progress/lights.rules';
import type { PlanDocument } from '../progress/plan-format.schema';
import type { SupervisionAsOf } from '../supervision';
import type { PlanAssessment } from './bulletin.rules';
import { hasSatisfactionResults, type SatisfactionSection } from './satisfaction.rules';
import { addSatisfactionSheets } from './satisfaction-xlsx';
import { addSupervisionSheet } from './supervision-xlsx';

/** Fill colours of the traffic lights in the ledger. */
const LIGHT_FILL: Record<Light, string> = {
  green: 'FFC6EFCE',
  yellow: 'FFFFEB9C',
  orange: 'FFFFD8A8',
  red: 'FFFFC7CE',
  blue: 'FFBDD7EE',
};

const COLUMNS: Array<{ header: string; key: string; width: number }> = [
  { header: '序号', key: 'seq', width: 6 },
  { header: '项目名称', key: 'project', width: 34 },
  { header: '领域', key: 'field', width: 10 },
  { header: '牵头单位', key: 'lead', width: 16 },
  { header: '指标', key: 'indicator', width: 30 },
  { header: '类型', key: 'kind', width: 8 },
  { header: '计量单位', key: 'unit', width: 8 },
  { header: '年度目标', key: 'target', width: 14 },
  { header: '累计完成', key: 'value', width: 14 },
  { header: '完成率', key: 'completion', width: 10 },
  { header: '项目状态', key: 'status', width: 14 },
  { header: '计划进度', key: 'planned', width: 10 },
  { header: '亮灯', key: 'light', width: 8 },
];

/**
 * The tracking ledger (台账): one row per project and indicator, the project cells merged down its
 * indicators, rates as percentages Excel can compute with, lights as fills.
 */
export async function bulletinXlsx(
  assessment: PlanAssessment,
  plan: PlanDocument,
  satisfaction?: SatisfactionSection,
  supervision?: SupervisionAsOf | null,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '民生实事平台';
  const sheet = book.addWorksheet('台账', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.columns = COLUMNS.map(({ key, width }) => ({ key, width }));
  const title = `${plan.title ?? `${plan.year}年${plan.region.name}民生实事`}推进台账`;
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { size: 16, bold: true };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, COLUMNS.length);
  sheet.getCell(2, 1).value =
    `截至 ${assessment.asOf}　序时进度 ${(assessment.elapsed * 100).toFixed(2)}%　共 ${assessment.total} 项，已完成 ${assessment.completed} 项，推进中 ${assessment.inProgress} 项，滞后 ${assessment.lagging} 项`;
  const header = sheet.getRow(3);
  header.values = COLUMNS.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });

  assessment.projects.forEach((p, index) => {
    const project = plan.projects.find((x) => x.ref === p.ref);
    const first = sheet.rowCount + 1;
    const indicatorRows = p.indicators.length ? p.indicators : [null];
    for (const ind of indicatorRows) {
      const def = project?.indicators.find((i) => i.ref === ind?.ref);
      const amount = def?.kind === 'amount';
      const row = sheet.addRow({
        seq: index + 1,
        project: p.name,
        field: project?.field ?? '',
        lead: project?.leadUnits.join('、') ?? '',
        indicator: def?.name ?? '',
        kind: def ? INDICATOR_KIND_LABELS[def.kind] : '',
        unit: def?.unit ?? '',
        target:
          ind?.target === null || ind === null
            ? ''
            : amount
              ? formatYuanChinese(String(ind.target))
              : Number(ind.target),
        value: ind === null ? '' : amount ? formatYuanChinese(String(ind.value)) : Number(ind.value),
        completion: ind?.completion ?? '',
        status: p.completedAs ? COMPLETED_AS_LABELS[p.completedAs] : PROJECT_STATUS_LABELS[p.status],
        planned: p.planned ?? '',
        light: LIGHT_LABELS[p.light],
      });
      row.getCell('completion').numFmt = '0.00%';
      row.getCell('planned').numFmt = '0.00%';
      row.getCell('light').fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: LIGHT_FILL[p.light] },
      };
      row.alignment = { vertical: 'middle', wrapText: true };
      // Excel does not grow rows for wrapped text in merged cells: size them for two lines.
      row.height = 30;
    }
    const last = sheet.rowCount;
    if (last > first) {
      for (const key of ['seq', 'project', 'field', 'lead', 'status', 'planned', 'light']) {
        const col = COLUMNS.findIndex((c) => c.key === key) + 1;
        sheet.mergeCells(first, col, last, col);
      }
    }
  });
  sheet.eachRow((row, n) => {
    if (n < 3) return;
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
    });
  });
  // Landscape, one page wide, the column header on every page and the page number at the foot.
  printOnA4(sheet, { orientation: 'landscape', titleRows: '3:3' });
  const planTitle = plan.title ?? `${plan.year}年${plan.region.name}民生实事`;
  if (supervision) addSupervisionSheet(book, supervision, planTitle);
  if (satisfaction && hasSatisfactionResults(satisfaction))
    addSatisfactionSheets(book, satisfaction, planTitle);
  return Buffer.from(await book.xlsx.writeBuffer());
}
