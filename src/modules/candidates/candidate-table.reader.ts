import type * as ExcelJS from 'exceljs';
import { DomainError } from '../../kernel/errors';
import { withoutNul } from '../../kernel/nul-characters';

/**
 * Spreadsheet files → rows of cell text, the input of parseCandidateTable and of the ballot sheets.
 * Files come as governments save them: Excel "CSV" in GB18030 on Chinese Windows, "Unicode text" in
 * UTF-16, UTF-8 with or without BOM; cells with line breaks in quotes; .xlsx with merged cells.
 * Row i of the result is row i+1 as the spreadsheet shows it, blank rows included, so messages can
 * name rows the user can find.
 */

/** Decodes file bytes: BOMs first, then strict UTF-8, else GB18030 (a superset of GBK and GB2312). */
export function decodeTableText(bytes: Uint8Array): string {
  // A NUL byte in a text table is damage, not content (and no database text can hold it).
  return withoutNul(decodedText(bytes));
}

function decodedText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('gb18030').decode(body);
  }
}

/** Tab when the first line has more tabs than commas, else comma. */
export function sniffDelimiter(text: string): '\t' | ',' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const tabs = firstLine.split('\t').length;
  const commas = firstLine.split(',').length;
  return tabs >= commas && tabs > 1 ? '\t' : ',';
}

/**
 * RFC 4180 with the leniency real exports need: a quote inside an unquoted cell is a character, CR LF
 * and LF both end a row, a line break inside quotes belongs to the cell.
 */
export function parseDelimitedText(text: string, delimiter: '\t' | ',' = sniffDelimiter(text)): string[][] {
  const source = text.startsWith('\ufeff') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let cellStart = true;
  let quoteRow = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c !== '"') cell += c;
      else if (source[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (c === '"' && cellStart) {
      quoted = true;
      cellStart = false;
      quoteRow = rows.length + 1;
    } else if (c === delimiter) {
      row.push(cell);
      cell = '';
      cellStart = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      cellStart = true;
    } else {
      cell += c;
      cellStart = false;
    }
  }
  if (quoted) {
    throw new DomainError('TABLE_UNREADABLE', {
      message: `第 ${quoteRow} 行有未闭合的引号，无法确定单元格在哪里结束`,
    });
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function cellText(cell: ExcelJS.Cell): string {
  // A merged range holds its value in its top-left cell; the others would repeat it.
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  return valueText(cell.value);
}

function valueText(value: ExcelJS.CellValue): string {
  return withoutNul(rawValueText(value));
}

function rawValueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateCellText(value);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date))
      ? ''
      : valueText(result);
  }
  if ('hyperlink' in value) return String(value.text ?? '');
  return '';
}

/**
 * Excel keeps a date as a day number read back as that wall-clock time in UTC: a date alone, or with
 * its time (a submission at 09:30) to the nearest second, as the cell shows it.
 */
function dateCellText(value: Date): string {
  const rounded = new Date(Math.round(value.getTime() / 1000) * 1000).toISOString();
  const time = rounded.slice(11, 19);
  return time === '00:00:00' ? rounded.slice(0, 10) : `${rounded.slice(0, 10)} ${time}`;
}

/** Rows of one worksheet of an .xlsx file: the first one, or the one named. */
export async function readXlsxRows(bytes: Uint8Array, sheet?: string): Promise<string[][]> {
  // Loaded on first use: exceljs costs the server ~16 MB of memory from the start otherwise.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw new DomainError('TABLE_UNREADABLE', {
      message: '无法打开 Excel 文件，请确认是 .xlsx 格式且未损坏',
    });
  }
  const worksheet = sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheet);
  if (!worksheet) {
    throw new DomainError('TABLE_UNREADABLE', {
      message: sheet === undefined ? 'Excel 文件中没有工作表' : `Excel 文件中没有名为“${sheet}”的工作表`,
    });
  }
  const rows: string[][] = [];
  const covered: Array<{ row: number; column: number; master: ExcelJS.Cell }> = [];
  for (let r = 1; r <= worksheet.rowCount; r++) {
    const row = worksheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= worksheet.columnCount; c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master.address !== cell.address)
        covered.push({ row: r - 1, column: c - 1, master: cell.master });
      cells.push(cellText(cell));
    }
    rows.push(cells);
  }
  fillMergesAcrossRecords(rows, covered);
  return toUsedWidth(rows);
}

/**
 * A cell merged down over rows that are records of their own (each with its own 序号 or 票号 in the
 * first column) holds one value for all of them: 于小丽 merged over two projects leads both. Merged
 * down over rows that continue one record (the first column merged too, or empty) it stays in the top
 * row only, so the rows read as one project. Merges across a row (a title) stay in their first cell.
 */
function fillMergesAcrossRecords(
  rows: string[][],
  covered: ReadonlyArray<{ row: number; column: number; master: ExcelJS.Cell }>,
): void {
  if (covered.length === 0) return;
  const keyColumn = Math.min(
    ...rows.map((cells) => {
      const first = cells.findIndex((cell) => cell !== '');
      return first < 0 ? Number.POSITIVE_INFINITY : first;
    }),
  );
  for (const { row, column, master } of covered) {
    const ownRecord = column !== keyColumn && rows[row]![keyColumn] !== '';
    if (Number(master.row) - 1 < row && ownRecord) rows[row]![column] = cellText(master);
  }
}

/**
 * A sheet has no short rows: a cell left empty at the end of a row (a ballot blank for the last
 * candidates) is an empty cell, not a missing one. Every row keeps the columns up to the last one with
 * content anywhere (formatting can stretch the sheet far to the right); a blank row stays empty.
 */
function toUsedWidth(rows: string[][]): string[][] {
  const filledWidth = (cells: string[]) => {
    let width = cells.length;
    while (width > 0 && cells[width - 1] === '') width--;
    return width;
  };
  const used = Math.max(0, ...rows.map(filledWidth));
  return rows.map((cells) => (filledWidth(cells) === 0 ? [] : cells.slice(0, used)));
}

/** Files that are not text at all, told by their first bytes. */
function binaryKindOf(bytes: Uint8Array): 'zip' | 'ole' | 'other' | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'ole';
  if (starts(0x25, 0x50, 0x44, 0x46) || starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff))
    return 'other';
  return null;
}

/** A zip holding a workbook part: an .xlsx whatever its name says (the zip's directory names its parts). */
function looksLikeXlsx(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('xl/workbook.xml');
}

/** Rows of a table file, by its extension: .xlsx, .csv, .tsv or .txt (delimiter sniffed). */
export async function readTableRows(fileName: string, bytes: Uint8Array): Promise<string[][]> {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (extension === 'xlsx') return readXlsxRows(bytes);
  if (extension === 'xls' || extension === 'et' || extension === 'wps') {
    throw new DomainError('TABLE_UNREADABLE', {
      message: `不支持 .${extension} 格式，请在 Excel 或 WPS 中另存为 .xlsx 或 .csv 后再导入`,
    });
  }
  const binary = binaryKindOf(bytes);
  if (binary) {
    // An .xlsx renamed, or a Word file picked by mistake: read as text it would echo its bytes back.
    if (binary === 'zip' && looksLikeXlsx(bytes)) return readXlsxRows(bytes);
    throw new DomainError('TABLE_UNREADABLE', {
      message:
        binary === 'ole'
          ? '这是旧版 Office 文件（.xls/.doc），请在 Excel 或 WPS 中另存为 .xlsx 或 .csv 后再导入'
          : '这不是表格文件（可能是 Word 文档、压缩包或图片），请导入 .xlsx、.csv 或 .tsv 表格',
    });
  }
  const text = decodeTableText(bytes);
  if (extension === 'csv') return parseDelimitedText(text, ',');
  if (extension === 'tsv') return parseDelimitedText(text, '\t');
  return parseDelimitedText(text);
}
