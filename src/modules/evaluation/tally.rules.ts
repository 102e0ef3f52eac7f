import {
  DEFAULT_SATISFACTION_RULE,
  describeRule,
  EVALUATION_MARKS,
  type EvaluationCounts,
  type EvaluationMark,
  type EvaluationVerdict,
  evaluationVerdict,
  type RaterBase,
  ratersFor,
  type SatisfactionRule,
} from './evaluation.rules';

/**
 * Counting a sheet of satisfaction ballots as clerks type it into Excel: first column 票号, then one
 * column per project, each cell 满意 / 基本满意 / 不满意 or empty. A sheet that is wrong anywhere is
 * refused as a whole, with the row and column to fix: a tally that quietly skips a bad ballot is
 * worse than no tally.
 */

export const BALLOT_NUMBER_HEADER = '票号';

export interface TallyOptions {
  /** 应到人数: everyone entitled to rate. */
  roll?: number;
  /** Defaults to 镇海's rule on the roll when a roll is given, else on the ballots returned. */
  rule?: SatisfactionRule;
}

export interface ProjectTally {
  project: string;
  counts: EvaluationCounts;
  /** The number the shares were taken of (see RaterBase). */
  raters: number;
  verdict: EvaluationVerdict;
}

export interface Tally {
  ballots: number;
  roll: number | null;
  base: RaterBase;
  rule: string;
  projects: ProjectTally[];
}

/** What is wrong and where: `row` is the line in the file (the header is row 1). */
export interface TallyProblem {
  row: number;
  column?: string;
  message: string;
}

export type TallyOutcome = { ok: true; tally: Tally } | { ok: false; problem: TallyProblem };

/** `sheet`: the CSV text, or rows already read from a spreadsheet (each with the row it is on). */
export function tallyEvaluationSheet(sheet: string | CsvRecord[], options: TallyOptions = {}): TallyOutcome {
  try {
    return { ok: true, tally: tally(sheet, options) };
  } catch (error) {
    if (error instanceof SheetError) return { ok: false, problem: error.problem };
    throw error;
  }
}

class SheetError extends Error {
  constructor(readonly problem: TallyProblem) {
    super(problem.message);
  }
}

function fail(row: number, message: string, column?: string): never {
  throw new SheetError({ row, message, ...(column === undefined ? {} : { column }) });
}

function tally(sheet: string | CsvRecord[], options: TallyOptions): Tally {
  const { roll } = options;
  if (roll !== undefined && (!Number.isInteger(roll) || roll <= 0))
    fail(0, `应到人数应为正整数，实际为「${roll}」`);
  const rule: SatisfactionRule =
    options.rule ??
    (roll === undefined ? { ...DEFAULT_SATISFACTION_RULE, base: 'ballots' } : DEFAULT_SATISFACTION_RULE);
  if (rule.base === 'roll' && roll === undefined) fail(0, '测评规则按应到人数计算，请提供应到人数（--roll）');

  const records = (typeof sheet === 'string' ? parseCsv(sheet) : sheet).filter((r) =>
    r.cells.some((cell) => cell.trim() !== ''),
  );
  const header = records[0];
  if (!header) fail(1, `文件为空：第 1 行应为表头（${BALLOT_NUMBER_HEADER}，项目一，项目二……）`);
  const projects = readHeader(header);
  // Excel saves columns left empty after the last project as empty cells: they are not columns.
  const width = projects.length + 1;

  const counts: EvaluationCounts[] = projects.map(() => ({
    satisfied: 0,
    basicallySatisfied: 0,
    dissatisfied: 0,
    blank: 0,
  }));
  const seen = new Map<string, number>();
  for (const record of records.slice(1)) {
    const { line, cells } = record;
    if (cells.length < width) {
      const missing = header.cells[cells.length]!.trim();
      fail(
        line,
        `第 ${line} 行缺少「${missing}」列（表头有 ${width} 列，此行只有 ${cells.length} 列）`,
        missing,
      );
    }
    const extra = cells.findIndex((cell, i) => i >= width && clean(cell) !== '');
    if (extra >= 0) {
      const column = `第 ${extra + 1} 列`;
      fail(line, `第 ${line} 行${column}多出内容「${cells[extra]}」（表头只有 ${width} 列）`, column);
    }
    const ballot = clean(cells[0]!);
    if (ballot === '') fail(line, `第 ${line} 行「${BALLOT_NUMBER_HEADER}」列为空`, BALLOT_NUMBER_HEADER);
    const earlier = seen.get(ballot);
    if (earlier !== undefined) {
      fail(
        line,
        `第 ${line} 行「${BALLOT_NUMBER_HEADER}」列：票号「${ballot}」与第 ${earlier} 行重复`,
        BALLOT_NUMBER_HEADER,
      );
    }
    seen.set(ballot, line);
    if (roll !== undefined && seen.size > roll) {
      fail(line, `第 ${line} 行：这是第 ${seen.size} 张票，超过应到人数 ${roll} 人`, BALLOT_NUMBER_HEADER);
    }
    projects.forEach((project, i) => {
      // "满 意" is 满意 typed with a stray space.
      const mark = clean(cells[i + 1]!).replace(/\s+/gu, '');
      if (mark === '') counts[i]!.blank++;
      else if (isMark(mark)) counts[i]![KEY[mark]]++;
      else {
        fail(
          line,
          `第 ${line} 行「${project}」列：无法识别的测评意见「${mark}」，只能填 ${EVALUATION_MARKS.join('、')} 或留空`,
          project,
        );
      }
    });
  }

  return {
    ballots: seen.size,
    roll: roll ?? null,
    base: rule.base,
    rule: describeRule(rule),
    projects: projects.map((project, i) => ({
      project,
      counts: counts[i]!,
      raters: ratersFor(counts[i]!, rule, roll),
      verdict: evaluationVerdict(counts[i]!, rule, roll),
    })),
  };
}

const KEY: Record<EvaluationMark, keyof EvaluationCounts> = {
  满意: 'satisfied',
  基本满意: 'basicallySatisfied',
  不满意: 'dissatisfied',
};

function isMark(text: string): text is EvaluationMark {
  return (EVALUATION_MARKS as readonly string[]).includes(text);
}

/** Spaces of either width around a cell are typing, not content. */
function clean(cell: string): string {
  return cell.normalize('NFKC').trim();
}

function readHeader(header: CsvRecord): string[] {
  const first = clean(header.cells[0] ?? '');
  if (first !== BALLOT_NUMBER_HEADER) {
    fail(
      header.line,
      `第 ${header.line} 行第 1 列应为「${BALLOT_NUMBER_HEADER}」，实际为「${first}」`,
      '第 1 列',
    );
  }
  if (header.cells.length < 2)
    fail(header.line, `第 ${header.line} 行只有「${BALLOT_NUMBER_HEADER}」列，没有测评项目`);
  const cells = [...header.cells];
  while (cells.length > 2 && clean(cells.at(-1)!) === '') cells.pop();
  const projects: string[] = [];
  cells.slice(1).forEach((cell, i) => {
    const project = clean(cell);
    const column = `第 ${i + 2} 列`;
    if (project === '') fail(header.line, `第 ${header.line} 行${column}：项目名称为空`, column);
    const before = projects.indexOf(project);
    if (before >= 0)
      fail(
        header.line,
        `第 ${header.line} 行${column}：项目「${project}」与第 ${before + 2} 列重复`,
        project,
      );
    projects.push(project);
  });
  return projects;
}

export interface CsvRecord {
  /** The line the record starts on, counting from 1. */
  line: number;
  cells: string[];
}

/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF or LF, fields in double quotes may hold
 * commas, line breaks and doubled quotes. A byte-order mark at the start is dropped (Excel writes one).
 */
export function parseCsv(text: string): CsvRecord[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  while (i < source.length) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell = '';
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' && source[i + 1] === '\n') {
      i++;
      continue;
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      line++;
      recordLine = line;
    } else cell += ch;
    i++;
  }
  if (quoted) fail(quoteLine, `第 ${quoteLine} 行：引号未闭合`);
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}
