import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { TABLE_GRID_BORDERS } from '../../kernel/document-styles';

/**
 * The bulletin as a Word document laid out like an official one (公文): a centred title in a song
 * typeface, the date line, numbered sections in 仿宋 with first-line indent, and the summary table.
 * It renders the bulletin's own Markdown, so text and document never say different things.
 */
const TITLE_FONT = 'SimSun';
const BODY_FONT = 'FangSong';
const BODY_SIZE = 32; // 三号 = 16pt, in half-points
const TABLE_SIZE = 24;

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
          spacing: { before: 240, after: 120 },
          indent: { firstLine: 640 },
          children: [new TextRun({ text: line.slice(3), font: 'SimHei', size: BODY_SIZE, color: '000000' })],
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
          spacing: { line: 560 },
          children: [new TextRun({ text: line, font: BODY_FONT, size: BODY_SIZE })],
        }),
      );
    }
  }
  const document = new Document({
    creator: '民生实事平台',
    title: lines[0]?.replace(/^# /, '') ?? '民生实事进展情况通报',
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        // A4 with the 公文 margins: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (in twips).
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
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
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TABLE_GRID_BORDERS,
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: r === 0,
          children: cells.map(
            (text) =>
              new TableCell({
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
