import type { ApprovalBallot, ApprovalMark, RankingBallot } from './tally.rules';

/**
 * Paper ballots typed into a spreadsheet by the counting clerks: first column 票号, one column per
 * candidate named in the header, one row per ballot. Approval cells hold 赞成/反对/弃权, or the marks
 * printed ballots use (○ 赞成, × 反对, blank 弃权); ranking cells hold the rank written (1 = first).
 * Anything unexpected is a data-entry problem naming its row and column, never a guess: a wrong
 * count must not be published.
 */
export interface SheetProblem {
  /** 1-based, as the spreadsheet shows it. */
  readonly row: number;
  /** 1-based; null when the problem is the whole row. */
  readonly column: number | null;
  readonly message: string;
}

export type SheetReading<B> =
  | {
      readonly ok: true;
      readonly candidates: string[];
      readonly ballots: B[];
      /** Source row of each ballot. */
      readonly rows: number[];
    }
  | { readonly ok: false; readonly problems: SheetProblem[] };

export interface SheetOptions {
  /** The candidates of the session, when known: the header must name exactly these. */
  readonly candidates?: readonly string[];
}

const MARKS: Record<string, ApprovalMark> = {
  赞成: 'yes',
  同意: 'yes',
  '○': 'yes',
  〇: 'yes',
  '◯': 'yes',
  O: 'yes',
  o: 'yes',
  反对: 'no',
  不同意: 'no',
  '×': 'no',
  '✕': 'no',
  '✗': 'no',
  '✘': 'no',
  '╳': 'no',
  X: 'no',
  x: 'no',
  弃权: 'abstain',
  '': 'abstain',
};

function normalize(cell: string | undefined): string {
  return (cell ?? '')
    .replace(/[\s\u3000\ufeff]/g, '')
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

type CellReading<V> = { readonly value: V } | { readonly error: string };

function readMark(cell: string): CellReading<ApprovalMark> {
  const mark = Object.hasOwn(MARKS, cell) ? MARKS[cell] : undefined;
  return mark
    ? { value: mark }
    : { error: `的标记“${cell}”无法识别，应为 赞成/反对/弃权，或 ○/×/空白（弃权）` };
}

function readRank(cell: string): CellReading<number | undefined> {
  if (cell === '') return { value: undefined };
  const match = /^第?(\d{1,4})名?$/.exec(cell);
  return match && Number(match[1]) >= 1
    ? { value: Number(match[1]) }
    : { error: `的名次“${cell}”无法识别，应为正整数或空白` };
}

export function parseApprovalSheet(
  rows: readonly (readonly string[])[],
  options: SheetOptions = {},
): SheetReading<ApprovalBallot> {
  return parseSheet(rows, options, readMark, (id, values) => ({ id, marks: values }));
}

export function parseRankingSheet(
  rows: readonly (readonly string[])[],
  options: SheetOptions = {},
): SheetReading<RankingBallot> {
  return parseSheet(rows, options, readRank, (id, values) => ({ id, ranks: values }));
}

function parseSheet<V, B>(
  rows: readonly (readonly string[])[],
  options: SheetOptions,
  readCell: (cell: string) => CellReading<V>,
  makeBallot: (id: string, values: Record<string, V>) => B,
): SheetReading<B> {
  const problems: SheetProblem[] = [];
  const headerIndex = rows.findIndex((row) => row.some((cell) => normalize(cell) !== ''));
  if (headerIndex < 0)
    return { ok: false, problems: [{ row: 1, column: null, message: '文件是空的，没有表头和选票' }] };
  const headerRow = headerIndex + 1;
  const header = rows[headerIndex]!.map((cell) => (cell ?? '').trim());
  while (header.length > 1 && header.at(-1) === '') header.pop();

  if (normalize(header[0]) !== '票号') {
    problems.push({
      row: headerRow,
      column: 1,
      message: `第 ${headerRow} 行第 1 列应为“票号”，实际为“${header[0]}”`,
    });
  }
  const candidates = header.slice(1);
  const firstColumn = new Map<string, number>();
  candidates.forEach((name, i) => {
    const column = i + 2;
    if (name === '') {
      problems.push({ row: headerRow, column, message: `第 ${headerRow} 行第 ${column} 列缺少候选项目名称` });
    } else if (firstColumn.has(name)) {
      problems.push({
        row: headerRow,
        column,
        message: `第 ${headerRow} 行第 ${column} 列“${name}”与第 ${firstColumn.get(name)} 列重复`,
      });
    } else firstColumn.set(name, column);
  });
  if (candidates.length === 0) {
    problems.push({ row: headerRow, column: 2, message: `第 ${headerRow} 行表头中没有候选项目列` });
  }
  if (options.candidates) {
    const expected = new Set(options.candidates);
    for (const [name, column] of firstColumn) {
      if (!expected.has(name)) {
        problems.push({
          row: headerRow,
          column,
          message: `第 ${headerRow} 行第 ${column} 列“${name}”不是本次候选项目`,
        });
      }
    }
    for (const name of options.candidates) {
      if (!firstColumn.has(name)) {
        problems.push({
          row: headerRow,
          column: null,
          message: `第 ${headerRow} 行表头缺少候选项目“${name}”`,
        });
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const ballots: B[] = [];
  const ballotRows: number[] = [];
  const seen = new Map<string, number>();
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const row = rows[i]!;
    const rowNumber = i + 1;
    if (row.every((cell) => normalize(cell) === '')) continue;
    const before = problems.length;
    for (let c = header.length; c < row.length; c++) {
      if (normalize(row[c]) !== '') {
        problems.push({
          row: rowNumber,
          column: c + 1,
          message: `第 ${rowNumber} 行第 ${c + 1} 列多出内容“${row[c]!.trim()}”，表头只有 ${header.length} 列`,
        });
      }
    }
    for (let c = row.length; c < header.length; c++) {
      problems.push({
        row: rowNumber,
        column: c + 1,
        message: `第 ${rowNumber} 行缺少第 ${c + 1} 列（${c === 0 ? '票号' : `“${header[c]}”`}）`,
      });
    }
    const id = normalize(row[0]);
    if (id === '') {
      problems.push({ row: rowNumber, column: 1, message: `第 ${rowNumber} 行第 1 列缺少票号` });
    } else if (seen.has(id)) {
      problems.push({
        row: rowNumber,
        column: 1,
        message: `第 ${rowNumber} 行第 1 列票号“${id}”与第 ${seen.get(id)} 行重复`,
      });
    } else seen.set(id, rowNumber);
    const values: Record<string, V> = {};
    candidates.forEach((name, k) => {
      if (k + 1 >= row.length) return;
      const reading = readCell(normalize(row[k + 1]));
      if ('error' in reading) {
        problems.push({
          row: rowNumber,
          column: k + 2,
          message: `第 ${rowNumber} 行第 ${k + 2} 列（“${name}”）${reading.error}`,
        });
      } else if (reading.value !== undefined) values[name] = reading.value;
    });
    if (problems.length === before) {
      ballots.push(makeBallot(id, values));
      ballotRows.push(rowNumber);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, candidates, ballots, rows: ballotRows };
}
