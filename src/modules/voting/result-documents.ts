import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { TABLE_GRID_BORDERS } from '../../kernel/document-styles';
import { printOnA4, rowHeightFor } from '../../kernel/spreadsheet';
import type { Choices } from './ballot.rules';
import type { SessionResult } from './result.rules';
import type { BallotCandidate } from './voting-session.rules';

/**
 * The result of a vote as documents: the .xlsx the congress office files (result and, in random
 * order, every ballot), and the resolution draft (决议草案) as a Word document laid out like an
 * official one, as the bulletin is (reports/bulletin-docx.ts): 宋体 title, 仿宋 三号 body with
 * first-line indent, the 公文 margins.
 */
export interface ResultDocumentInput {
  congress: string;
  sitting: string;
  title: string;
  year: number;
  closedAt: Date;
  result: SessionResult;
  candidates: readonly BallotCandidate[];
  /** Every ballot, in the order to list them (not the order cast). */
  ballots?: ReadonlyArray<{ receiptHash: string | null; paperNo: string | null; choices: Choices }>;
}

const CN_DIGITS = '〇一二三四五六七八九';

function chineseOrdinal(n: number): string {
  const d = '零一二三四五六七八九';
  if (n < 10) return d[n]!;
  if (n < 20) return `十${n % 10 ? d[n % 10] : ''}`;
  return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`;
}

/** 2023年2月21日 (Beijing time). */
export function chineseDate(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3600_000);
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
}

/** 二〇二三年二月二十一日, as the date line of a resolution is written. */
function officialDate(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3600_000);
  const year = [...String(local.getUTCFullYear())].map((c) => CN_DIGITS[Number(c)]).join('');
  return `${year}年${chineseOrdinal(local.getUTCMonth() + 1)}月${chineseOrdinal(local.getUTCDate())}日`;
}

/** 沁水县第十七届人民代表大会 → 沁水县人民政府. */
function governmentOf(congress: string): string {
  const place = congress.replace(/第.+届人民代表大会$/, '').replace(/人民代表大会$/, '');
  return place && place !== congress ? `${place}人民政府` : '人民政府';
}

function figures(result: SessionResult, c: SessionResult['candidates'][number]): string[] {
  return result.method === 'ranking'
    ? [String(c.points ?? 0), String(c.ranked ?? 0)]
    : [String(c.yes ?? 0), String(c.no ?? 0), String(c.abstain ?? 0)];
}

function figureHeaders(result: SessionResult): string[] {
  return result.method === 'ranking' ? ['得分', '列入排序票数'] : ['赞成', '反对', '弃权'];
}

export function resolutionText(input: ResultDocumentInput): {
  title: string;
  dateLine: string;
  paragraphs: string[];
} {
  const { result } = input;
  const government = governmentOf(input.congress);
  const meeting = `${input.congress}${input.sitting}`;
  const paragraphs: string[] = [];
  paragraphs.push(
    `${meeting}听取和审议了${government}关于${input.year}年民生实事候选项目情况的报告，采取无记名投票方式，对 ${result.candidates.length} 个民生实事候选项目进行了${result.method === 'ranking' ? '排序' : ''}票决，应选 ${result.seats} 项。`,
  );
  paragraphs.push(
    `本次会议应到代表 ${result.roll} 名，实到代表 ${result.present} 名，发出表决票 ${result.issued} 张，收回 ${result.returned} 张，其中有效票 ${result.validBallots} 张、无效票 ${result.voidBallots} 张。${result.rule}。`,
  );
  if (!result.valid) {
    paragraphs.push(`${result.invalidReasons.join('；')}。本次票决未产生结果，须另行组织表决。`);
  } else {
    const support = (c: { candidateId: string }) => {
      const row = result.candidates.find((x) => x.candidateId === c.candidateId)!;
      return result.method === 'ranking' ? `得 ${row.points} 分` : `赞成 ${row.yes} 票`;
    };
    paragraphs.push(
      result.elected.length
        ? `根据票决结果，会议确定以下 ${result.elected.length} 个项目为${input.year}年民生实事项目：`
        : '根据票决结果，没有候选项目获得通过。',
    );
    result.elected.forEach((c, i) => {
      paragraphs.push(`${chineseOrdinal(i + 1)}、${c.name}（${support(c)}）`);
    });
    if (result.tied.length) {
      paragraphs.push(
        `另有${result.tied.map((c) => `“${c.name}”`).join('、')}等 ${result.tied.length} 个候选项目得票相同，尚余 ${result.openSeats} 个名额，须另行表决确定。`,
      );
    } else if (result.openSeats > 0) {
      paragraphs.push(`通过的项目少于应选名额，尚余 ${result.openSeats} 个名额未产生。`);
    }
    paragraphs.push(
      `会议要求，${government}要把人民代表大会票决确定的民生实事项目作为重要工作抓紧抓实，逐项明确牵头单位、责任人和时间节点，加强资金保障，确保按期保质完成；要定期向本级人民代表大会常务委员会报告项目推进情况，主动接受人大代表和人民群众监督。`,
    );
  }
  return {
    title: `${meeting}关于${input.year}年民生实事项目票决结果的决议（草案）`,
    dateLine: `（${officialDate(input.closedAt)}${meeting}通过）`,
    paragraphs,
  };
}

const TITLE_FONT = 'SimSun';
const BODY_FONT = 'FangSong';
const BODY_SIZE = 32; // 三号
const TABLE_SIZE = 24;

function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560 },
    children: [new TextRun({ text, font: BODY_FONT, size: BODY_SIZE })],
  });
}

/** A4 portrait less the 公文 margins (28 mm left, 26 mm right), in twips. */
const TEXT_WIDTH = 11906 - 1588 - 1474;

function resultTable(input: ResultDocumentInput): Table {
  const { result } = input;
  const header = ['序号', '项目名称', ...figureHeaders(result), '结果'];
  const rows = [
    header,
    ...result.candidates.map((c) => [String(c.ballotNo), c.name, ...figures(result, c), c.outcomeLabel]),
  ];
  // The project name takes the room; figures and the outcome keep to one line where they can.
  const figureWidth = result.method === 'ranking' ? 1300 : 900;
  const fixed = 700 + figureWidth * figureHeaders(result).length + 1700;
  const columnWidths = [700, TEXT_WIDTH - fixed, ...figureHeaders(result).map(() => figureWidth), 1700];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_GRID_BORDERS,
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: r === 0,
          cantSplit: true,
          children: cells.map(
            (text, col) =>
              new TableCell({
                width: { size: columnWidths[col]!, type: WidthType.DXA },
                verticalAlign: VerticalAlign.CENTER,
                children: [
                  new Paragraph({
                    alignment: col === 1 && r > 0 ? AlignmentType.LEFT : AlignmentType.CENTER,
                    children: [new TextRun({ text, font: BODY_FONT, size: TABLE_SIZE, bold: r === 0 })],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

function titleLines(title: string, meeting: string): string[] {
  return title.startsWith(meeting) && title.length > meeting.length
    ? [meeting, title.slice(meeting.length)]
    : [title];
}

export async function resolutionDocx(input: ResultDocumentInput): Promise<Buffer> {
  const text = resolutionText(input);
  const children: Array<Paragraph | Table> = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      // Broken after the meeting's name, as such titles are set, not wherever the line runs out.
      children: titleLines(text.title, `${input.congress}${input.sitting}`).map(
        (line, i) =>
          new TextRun({
            text: line,
            break: i > 0 ? 1 : 0,
            font: TITLE_FONT,
            size: 44,
            bold: true,
            color: '000000',
          }),
      ),
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: text.dateLine, font: BODY_FONT, size: BODY_SIZE })],
    }),
    ...text.paragraphs.map(bodyParagraph),
    new Paragraph({
      spacing: { before: 480, after: 240 },
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: '附：票决结果', font: 'SimHei', size: BODY_SIZE, color: '000000' })],
    }),
    resultTable(input),
  ];
  const document = new Document({
    creator: '民生实事平台',
    title: text.title,
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

const MARK_WORDS: Record<string, string> = { yes: '赞成', no: '反对', abstain: '弃权' };

const THIN = { style: 'thin' as const };
const GRID = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function gridFrom(sheet: ExcelJS.Worksheet, firstRow: number): void {
  sheet.eachRow((row, n) => {
    if (n < firstRow) return;
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = GRID;
    });
  });
}

/**
 * The .xlsx the congress office files: the result (portrait A4, the header row on each page) and
 * every ballot in random order (landscape A4, one page wide: candidate names wrap in their header,
 * the receipt hash in two short lines), each sheet sized so LibreOffice and Excel print it whole.
 */
export async function resultXlsx(input: ResultDocumentInput): Promise<Buffer> {
  const { result } = input;
  const book = new ExcelJS.Workbook();
  book.creator = '民生实事平台';
  const sheet = book.addWorksheet('票决结果', { views: [{ state: 'frozen', ySplit: 4 }] });
  const header = ['序号', '项目名称', ...figureHeaders(result), '是否通过', '结果'];
  const widths = header.map((_, i) => (i === 0 ? 6 : i === 1 ? 40 : i === header.length - 1 ? 24 : 9));
  const fullWidth = widths.reduce((a, b) => a + b, 0);
  sheet.columns = widths.map((width) => ({ width }));
  const banner = (row: number, text: string, font: Partial<ExcelJS.Font> = {}) => {
    sheet.mergeCells(row, 1, row, header.length);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: row === 1 ? 'center' : 'left', vertical: 'middle', wrapText: true };
    sheet.getRow(row).height = rowHeightFor([text], [fullWidth], row === 1 ? 24 : 17);
  };
  banner(1, `${input.congress}${input.sitting} ${input.title}`, { size: 16, bold: true });
  banner(
    2,
    `${chineseDate(input.closedAt)}　应到 ${result.roll} 人，实到 ${result.present} 人，发出 ${result.issued} 张，收回 ${result.returned} 张（电子 ${result.electronicBallots}，纸质 ${result.paperBallots}），有效 ${result.validBallots} 张，无效 ${result.voidBallots} 张`,
  );
  banner(
    3,
    result.valid
      ? `${result.rule}；应选 ${result.seats} 项，当选 ${result.elected.length} 项${result.tied.length ? `，${result.tied.length} 项得票相同待再次表决（尚余 ${result.openSeats} 个名额）` : ''}`
      : `表决无效：${result.invalidReasons.join('；')}`,
  );
  const head = sheet.getRow(4);
  head.values = header;
  head.font = { bold: true };
  head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  head.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });
  for (const c of result.candidates) {
    const figs =
      result.method === 'ranking' ? [c.points ?? 0, c.ranked ?? 0] : [c.yes ?? 0, c.no ?? 0, c.abstain ?? 0];
    const cells = [c.ballotNo, c.name, ...figs, c.passed ? '是' : '否', c.outcomeLabel];
    const row = sheet.addRow(cells);
    row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    row.getCell(2).alignment = { vertical: 'middle', horizontal: 'left', wrapText: true };
    row.height = rowHeightFor(cells.map(String), widths);
  }
  gridFrom(sheet, 4);
  printOnA4(sheet, { orientation: 'portrait', titleRows: '4:4' });

  if (input.ballots) {
    const ballotSheet = book.addWorksheet('选票明细', { views: [{ state: 'frozen', ySplit: 1 }] });
    const hashWidth = 24;
    const ballotWidths = [6, 10, hashWidth, ...input.candidates.map(() => 8)];
    ballotSheet.columns = ballotWidths.map((width) => ({ width }));
    const names = input.candidates.map((c) => c.name);
    const top = ballotSheet.getRow(1);
    top.values = ['序号', '票号', '回执码哈希', ...names];
    top.font = { bold: true };
    top.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    top.height = rowHeightFor(['', '', '', ...names], ballotWidths);
    input.ballots.forEach((b, i) => {
      const row = ballotSheet.addRow([
        i + 1,
        b.paperNo ?? '电子票',
        b.receiptHash ?? '',
        ...input.candidates.map((c) => {
          const v = b.choices[c.id];
          return typeof v === 'number' ? v : v === undefined ? '' : (MARK_WORDS[v] ?? v);
        }),
      ]);
      row.alignment = { horizontal: 'center', vertical: 'middle' };
      // 64 hex digits in a small monospaced font: two lines in a narrow column, still whole.
      row.getCell(3).font = { name: 'Courier New', size: 8 };
      row.getCell(3).alignment = { vertical: 'middle', wrapText: true };
      if (b.receiptHash) row.height = 24;
    });
    gridFrom(ballotSheet, 1);
    printOnA4(ballotSheet, { orientation: 'landscape', titleRows: '1:1' });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
