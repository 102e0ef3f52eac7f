/**
 * A window of China dates in which the public may take part — the suggestions' solicitation
 * (公开征集期) and the survey's rating period (满意度评价期) follow the same rule: both ends
 * included, judged by the date in China, upcoming before it opens and closed after its last day.
 * Pure: each module keeps its own table and its own wording, and asks this file what a window is.
 */
export type WindowState = 'upcoming' | 'open' | 'closed';

export interface DateWindow {
  opensOn: string;
  closesOn: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(isoDate: string): number {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return Number.NaN;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  if (back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) return Number.NaN;
  return ms / 86_400_000;
}

export function isCalendarDate(isoDate: string): boolean {
  return Number.isFinite(dayNumber(isoDate));
}

/** Days of the window, both ends included (1 Mar – 30 Mar is 30 days). */
export function windowDays(opensOn: string, closesOn: string): number {
  return dayNumber(closesOn) - dayNumber(opensOn) + 1;
}

/** The date in China (UTC+8, no daylight saving) at the instant `now`. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The calendar date `days` after (or before, when negative) a date: 2024-02-28 + 2 → 2024-03-01. */
export function addDays(isoDate: string, days: number): string {
  return new Date((dayNumber(isoDate) + days) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The same day `months` later, or that month's last day when it has no such day (1月31日 + 1 month
 * → 2月28日 or 29日): how a "within one month" deadline is read.
 */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** Whole days from one date to a later one (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function windowState(window: DateWindow, today: string): WindowState {
  if (today < window.opensOn) return 'upcoming';
  if (today > window.closesOn) return 'closed';
  return 'open';
}

/** 2024-03-01 → 2024年3月1日 */
export function chineseDate(isoDate: string): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return isoDate;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

export interface WindowProblem<TooShort extends string> {
  code: 'VALIDATION_FAILED' | TooShort;
  field: 'opensOn' | 'closesOn';
  message: string;
}

/**
 * What is wrong with a window as staff typed it: a date that is not on the calendar, an end before
 * the start, or fewer days than the module's minimum (refused with the module's own code).
 */
export function dateWindowProblems<TooShort extends string>(
  window: DateWindow,
  minimum: { days: number; code: TooShort; message: (days: number) => string },
): WindowProblem<TooShort>[] {
  const invalid = 'VALIDATION_FAILED' as const;
  const { opensOn, closesOn } = window;
  if (!isCalendarDate(opensOn)) return [{ code: invalid, field: 'opensOn', message: '开始日期不正确' }];
  if (!isCalendarDate(closesOn)) return [{ code: invalid, field: 'closesOn', message: '截止日期不正确' }];
  if (dayNumber(closesOn) < dayNumber(opensOn))
    return [{ code: invalid, field: 'closesOn', message: '截止日期不能早于开始日期' }];
  const days = windowDays(opensOn, closesOn);
  if (days < minimum.days) return [{ code: minimum.code, field: 'closesOn', message: minimum.message(days) }];
  return [];
}
