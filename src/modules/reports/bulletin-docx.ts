import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { TABLE_GRID_BORDERS } from '../../kernel/document-styles';

/**
 * The bulletin (and the year-end report) as a Word document laid out like an official one (公文): a
 * centred title in a song typeface, the date line, numbered sections in 黑体 and 楷体 headings, text
 * in 仿宋 with first-line indent, and the tables. It renders the document's own Markdown, so text and
 * document never say different things.
 */
const TITLE_FONT = 'SimSun';
const BODY_FONT = 'FangSong';
const BODY_SIZE = 32; // 三号 = 16pt, in half-points
const TABLE_SIZE = 21; // 五号 = 10.5pt, as 公文 tables print
/** The width between the 公文 margins on A4, in twips. */
const TEXT_WIDTH = 11906 - 1588 - 1474;

export async function bulletinDocx(markdown: string): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('|')) {
      const block: string[] = [];
      while (i < lines.length && lines[i]!.startsWith('|')) block.push(lines[i++]!);
      i--;
      children.push(table(block));
    } else if (line.startsWith('# ')) {
      children.push(
        new Paragraph({
          heading: HeadingLevel.TITLE,
          alignment: AlignmentType.CENTER,
          spacing: { after: 240 },
          children: [
            new TextRun({ text: line.slice(2), font: TITLE_FONT, size: 44, bold: true, color: '000000' }),
          ],
        }),
      );
    } else if (line.startsWith('## ')) {
      children.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          // A section's heading never ends a page alone.
          keepNext: true,
          spacing: { before: 240, after: 120 },
          indent: { firstLine: 640 },
          children: [new TextRun({ text: line.slice(3), font: 'SimHei', size: BODY_SIZE, color: '000000' })],
        }),
      );
    } else if (line.startsWith('### ')) {
      // 公文 second-level headings: （一）… in 楷体.
      children.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_3,
          keepNext: true,
          spacing: { before: 120, after: 60 },
          indent: { firstLine: 640 },
          children: [new TextRun({ text: line.slice(4), font: 'KaiTi', size: BODY_SIZE, color: '000000' })],
        }),
      );
    } else if (/^（.*）$/.test(line)) {
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 240 },
          children: [new TextRun({ text: line, font: BODY_FONT, size: BODY_SIZE })],
        }),
      );
    } else if (line.trim()) {
      children.push(
        new Paragraph({
          indent: { firstLine: 640 },
          // 28 pt exactly, as 公文 body text is set (without the rule Word reads 560 as 2.33 lines).
          spacing: { line: 560, lineRule: LineRuleType.EXACT },
          children: [new TextRun({ text: line, font: BODY_FONT, size: BODY_SIZE })],
        }),
      );
    }
  }
  const document = new Document({
    creator: '民生实事平台',
    title: lines[0]?.replace(/^# /, '') || '民生实事进展情况通报',
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        // A4 with the 公文 margins: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (in twips).
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        // 公文 page numbers: 4号 半角 digits between dashes, centred at the foot.
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: 'SimSun', size: 28 }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function table(block: string[]): Table {
  const rows = block
    .filter((line) => !/^\|[-|\s]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
  const widths = columnWidths(rows);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: TABLE_GRID_BORDERS,
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: r === 0,
          children: cells.map(
            (text, c) =>
              new TableCell({
                width: { size: widths[c] ?? 0, type: WidthType.DXA },
                children: [
                  new Paragraph({
                    alignment: AlignmentType.CENTER,
                    children: [new TextRun({ text, font: BODY_FONT, size: TABLE_SIZE, bold: r === 0 })],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

/**
 * Each column first gets what its longest short cell needs on one line (a number, 已完成目标任务,
 * 4200万元: up to twelve characters), then the room left goes to the columns of long text (a project's
 * name) in proportion to how much more they hold. Only a table too wide for even that is scaled down.
 * Word and LibreOffice both read the grid.
 */
function columnWidths(rows: string[][]): number[] {
  const count = Math.max(...rows.map((r) => r.length));
  // In 五号 half-characters: a Chinese character is two, a digit or letter a little over one.
  const span = (text: string) =>
    [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : ch === '%' ? 2.4 : 1.4), 0);
  const longest = Array.from({ length: count }, (_, c) => Math.max(2, ...rows.map((r) => span(r[c] ?? ''))));
  const HALF_CHAR = 105; // twips
  const PADDING = 300; // the cell's own margins, and a little air
  const must = longest.map((w) => Math.min(w, 24) * HALF_CHAR + PADDING);
  const mustTotal = must.reduce((a, b) => a + b, 0);
  if (mustTotal >= TEXT_WIDTH) return must.map((w) => Math.floor((TEXT_WIDTH * w) / mustTotal));
  const extra = longest.map((w) => Math.max(0, w - 24));
  const extraTotal = extra.reduce((a, b) => a + b, 0);
  const room = TEXT_WIDTH - mustTotal;
  return must.map((w, c) =>
    Math.floor(w + (extraTotal > 0 ? (room * extra[c]!) / extraTotal : room / count)),
  );
}
