import type ExcelJS from 'exceljs';
import type { SupervisionAsOf } from '../supervision';
import { finishSheet, headerRow, titleRows } from './satisfaction-xlsx';

const OVERDUE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };

/** 督办台账: one row per order as it stood on the bulletin's date, the overdue ones filled red. */
export function addSupervisionSheet(book: ExcelJS.Workbook, section: SupervisionAsOf, title: string): void {
  const sheet = book.addWorksheet('督办台账', { views: [{ state: 'frozen', ySplit: 3 }] });
  const widths = [16, 30, 16, 10, 12, 12, 12, 8, 10, 8, 12, 8];
  sheet.columns = widths.map((width) => ({ width }));
  const t = section.totals;
  titleRows(
    sheet,
    widths.length,
    `${title}督办台账`,
    `截至 ${section.asOf}　共 ${t.total} 件，已办结 ${t.closed} 件（按时 ${t.closedOnTime} 件），在办 ${t.open} 件，逾期 ${t.overdue} 件，退回重办 ${t.returned} 次`,
  );
  headerRow(sheet.getRow(3), [
    '编号',
    '督办项目',
    '督办单位',
    '事项类别',
    '下达日期',
    '办理环节',
    '当前期限',
    '逾期天数',
    '逾期处置',
    '评定',
    '办结日期',
    '退回次数',
  ]);
  for (const o of section.orders) {
    const row = sheet.addRow([
      o.number,
      o.projectName,
      o.unitName,
      o.gravityLabel,
      o.issuedOn,
      o.stageLabel,
      o.dueOn,
      o.overdueDays || null,
      o.escalation?.label ?? null,
      o.grade,
      o.closedOn,
      o.rounds || null,
    ]);
    row.alignment = { vertical: 'middle', wrapText: true };
    if (o.overdueDays > 0) row.getCell(8).fill = OVERDUE_FILL;
  }
  finishSheet(sheet, 3, '3:3');
}
