/**
 * Time expressions of 推进计划, read into the date a step is due. A step is due at the END of what
 * it names, because a plan states deadlines:
 *   "2 月份", "12 月", "3月底/末"           → last day of the month
 *   "2023-06-30", "2023/6/30" (an Excel date cell) → that day
 *   "3月上旬/初" → 10th, "3月中旬/中" → 20th, "3月下旬" → last day, "3月15日" → that day
 *   "4-5 月份", "11-12月", "7至11月"        → end of the later month
 *   "3 月底 4 月初" (the turn of a month)  → the later bound, early April = 10 April: a deadline
 *                                            read at its latest written point is never early
 *   "第一季度", "一季度", "第一、二季度"     → end of the (last) quarter
 *   "上半年"/"年中" → 30 June; "下半年"/"年底"/"年内"/"全年" → 31 December
 * An explicit "2024年" overrides the plan year. Recurring work ("每月5日前") is not a deadline.
 */
export interface TimeExpression {
  /** 'YYYY-MM-DD'. */
  readonly due: string;
  /** The words as written, e.g. "3 月底 4 月初". */
  readonly when: string;
  /** Characters consumed from the start position. */
  readonly length: number;
  /** Whether the words end with 前/以前/之前 ("6月底前"): a deadline even mid-sentence. */
  readonly deadline: boolean;
  /** Year written in the text, when it was written. */
  readonly year: number | null;
}

const CN_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
};

const NUMBER = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
const QUALIFIER = '(份|底|末|初|上旬|中旬|下旬|中(?=[前,，、\\s；;。]|$))?';
const DAY = '(?:\\s*(\\d{1,2})\\s*[日号])?';
const MONTH_POINT = `${NUMBER}\\s*月${QUALIFIER}${DAY}`;
const RANGE_SEPARATOR = '\\s*(?:[-－—–~～至到、]|\\s)\\s*';

const PATTERNS = {
  year: /^(\d{4})\s*年\s*/,
  quarters: /^第?([一二三四1-4])(?:\s*[、,，和及至到-]\s*第?([一二三四1-4]))*\s*季度/,
  wholeYear: /^(上半年|年中|下半年|年底|年末|年内|全年|年终)/,
  monthRange: new RegExp(`^${MONTH_POINT}${RANGE_SEPARATOR}${MONTH_POINT}`),
  bareRange: new RegExp(`^${NUMBER}\\s*[-－—–~～至到]\\s*${MONTH_POINT}`),
  month: new RegExp(`^${MONTH_POINT}`),
  deadline: /^\s*(以前|之前|前)/,
  // As Excel writes a date cell: "2023-06-30", "2023/6/30", "2023.6.30", a time after it ignored.
  numericDate: /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[\sT]+\d{1,2}:\d{2}(?::\d{2})?)?/,
} as const;

function toNumber(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : (CN_DIGITS[text] ?? Number.NaN);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthPointDay(year: number, month: number, qualifier: string | undefined, day: string | undefined) {
  if (day !== undefined) return Number(day);
  switch (qualifier) {
    case '初':
    case '上旬':
      return 10;
    case '中':
    case '中旬':
      return 20;
    default:
      return daysInMonth(year, month);
  }
}

/** A month point from regex groups (number, qualifier, day), or null when it is not a real date. */
function monthPoint(year: number, groups: Array<string | undefined>): string | null {
  const month = toNumber(groups[0]!);
  if (!(month >= 1 && month <= 12)) return null;
  const day = monthPointDay(year, month, groups[1], groups[2]);
  if (!(day >= 1 && day <= daysInMonth(year, month))) return null;
  return isoDate(year, month, day);
}

/** Reads a time expression starting exactly at `start`, or returns null. */
export function readTimeExpression(text: string, planYear: number, start = 0): TimeExpression | null {
  let rest = text.slice(start);
  const numeric = readNumericDate(text, start);
  if (numeric) return numeric;
  let consumed = 0;
  let writtenYear: number | null = null;
  const yearMatch = PATTERNS.year.exec(rest);
  if (yearMatch) {
    writtenYear = Number(yearMatch[1]);
    consumed += yearMatch[0].length;
    rest = rest.slice(yearMatch[0].length);
  }
  const year = writtenYear ?? planYear;
  const body = readBody(rest, year);
  if (!body) return null;
  consumed += body.length;
  const deadline = PATTERNS.deadline.exec(text.slice(start + consumed));
  if (deadline) consumed += deadline[0].length;
  return {
    due: body.due,
    when: text.slice(start, start + consumed).trim(),
    length: consumed,
    deadline: deadline !== null,
    year: writtenYear,
  };
}

function readNumericDate(text: string, start: number): TimeExpression | null {
  const found = PATTERNS.numericDate.exec(text.slice(start));
  if (!found) return null;
  const [year, month, day] = found.slice(1, 4).map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const deadline = PATTERNS.deadline.exec(text.slice(start + found[0].length));
  const length = found[0].length + (deadline?.[0].length ?? 0);
  return {
    due: isoDate(year, month, day),
    when: text.slice(start, start + length).trim(),
    length,
    deadline: deadline !== null,
    year,
  };
}

function readBody(rest: string, year: number): { due: string; length: number } | null {
  const quarters = PATTERNS.quarters.exec(rest);
  if (quarters) {
    const numbers = [...quarters[0].matchAll(/[一二三四1-4]/g)].map((m) => toNumber(m[0]));
    const lastMonth = Math.max(...numbers) * 3;
    return { due: isoDate(year, lastMonth, daysInMonth(year, lastMonth)), length: quarters[0].length };
  }
  const wholeYear = PATTERNS.wholeYear.exec(rest);
  if (wholeYear) {
    const half = wholeYear[1] === '上半年' || wholeYear[1] === '年中';
    return { due: half ? isoDate(year, 6, 30) : isoDate(year, 12, 31), length: wholeYear[0].length };
  }
  const range = PATTERNS.monthRange.exec(rest);
  if (range) {
    const from = monthPoint(year, range.slice(1, 4));
    const to = monthPoint(year, range.slice(4, 7));
    if (from && to && to >= from) return { due: to, length: range[0].length };
  }
  const bare = PATTERNS.bareRange.exec(rest);
  if (bare) {
    const from = toNumber(bare[1]!);
    const to = monthPoint(year, bare.slice(2, 5));
    if (to && from >= 1 && from <= Number(to.slice(5, 7))) return { due: to, length: bare[0].length };
  }
  const single = PATTERNS.month.exec(rest);
  if (single) {
    const due = monthPoint(year, single.slice(1, 4));
    if (due) return { due, length: single[0].length };
  }
  return null;
}

const RECURRING = /每(月|季度|季|年|周|天|日|旬)/;

export function isRecurring(text: string): boolean {
  return RECURRING.test(text);
}

/**
 * A deadline written mid-sentence ("…，6月底前完成验收"): the first time expression that ends with
 * 前. Anything else mid-sentence ("从 1 月份开始") is not a deadline and is left for review.
 */
export function findDeadline(text: string, planYear: number): TimeExpression | null {
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && /[\d一二三四五六七八九十第]/.test(text[i - 1]!)) continue;
    const found = readTimeExpression(text, planYear, i);
    if (found?.deadline) return found;
  }
  return null;
}
