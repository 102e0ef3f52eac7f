import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { TABLE_GRID_BORDERS } from '../../kernel/document-styles';
import { formatYuanChinese } from '../../kernel/money';
import { printOnA4, rowHeightFor } from '../../kernel/spreadsheet';
import { COLUMN_LABELS } from './candidate-columns.rules';
import type { ExportedCandidate } from './use-cases/candidate-list';

/**
 * The list as the official appendix table: the same columns, the same wording of units and people,
 * and the 序号 the list itself gives (1..N on the shortlist), not the draft's.
 */
export function officialCells(c: ExportedCandidate): string[] {
  const units = [
    c.units.lead.length ? `牵头：${c.units.lead.join(' ')}` : '',
    c.units.implementers.length ? `实施：${c.units.implementers.join(' ')}` : '',
    c.units.partners.length ? `配合：${c.units.partners.join(' ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return [
    String(c.no),
    c.name,
    c.annualTask,
    c.planText,
    units,
    c.countyLeaders.join(' '),
    c.responsibleLeaders.join(' '),
    c.supervisingLeaders.join(' '),
    c.contacts.map((p) => (p.phone ? `${p.name} ${p.phone}` : p.name)).join('\n'),
    c.budget === null ? '' : formatYuanChinese(c.budget),
    c.remarks,
  ];
}

const HEADERS = Object.values(COLUMN_LABELS);
const WIDTHS = [6, 22, 40, 58, 22, 10, 10, 10, 20, 14, 10];
/**
 * On paper a phone number (11 digits) must stay on one line in its column, and so must a leader's
 * name of three characters and an amount such as "1000万元" (checked in LibreOffice).
 */
// 序号 wide enough for two digits on one line (at 5 parts "13" printed as 1 over 3).
const DOCX_WIDTHS = [7, 20, 35, 41, 22, 12, 12, 12, 25, 17, 8];

export async function candidateListXlsx(title: string, rows: ExportedCandidate[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '民生实事平台';
  const sheet = book.addWorksheet('候选项目', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  sheet.mergeCells(1, 1, 1, HEADERS.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { size: 16, bold: true };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  const header = sheet.getRow(2);
  header.values = HEADERS;
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.height = rowHeightFor(HEADERS, WIDTHS);
  for (const c of rows) {
    const cells = officialCells(c);
    const row = sheet.addRow(cells);
    row.alignment = { vertical: 'top', wrapText: true };
    row.height = rowHeightFor(cells, WIDTHS);
  }
  sheet.eachRow((row, n) => {
    if (n < 2) return;
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
    });
  });
  printOnA4(sheet, { orientation: 'landscape', titleRows: '2:2' });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The 附件 of the report to the congress: a landscape A4 table in 仿宋, fit to print. */
export async function candidateListDocx(title: string, rows: ExportedCandidate[]): Promise<Buffer> {
  const cell = (text: string, bold = false) =>
    new TableCell({
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            alignment: bold ? AlignmentType.CENTER : AlignmentType.LEFT,
            children: [new TextRun({ text: line, font: 'FangSong', size: 18, bold })],
          }),
      ),
    });
  // Landscape A4 less margins is 14,570 twips; the plan text needs the most room, as on paper.
  const total = DOCX_WIDTHS.reduce((a, b) => a + b, 0);
  const columnWidths = DOCX_WIDTHS.map((w) => Math.floor((w / total) * 14570));
  const table = new Table({
    width: { size: 14570, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_GRID_BORDERS,
    rows: [
      new TableRow({ tableHeader: true, children: HEADERS.map((h) => cell(h, true)) }),
      ...rows.map(
        (c) => new TableRow({ cantSplit: false, children: officialCells(c).map((text) => cell(text)) }),
      ),
    ],
  });
  const document = new Document({
    creator: '民生实事平台',
    title,
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        children: [
          new Paragraph({ children: [new TextRun({ text: '附件', font: 'SimHei', size: 32 })] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 200, after: 300 },
            children: [new TextRun({ text: title, font: 'SimSun', size: 36, bold: true })],
          }),
          table,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
