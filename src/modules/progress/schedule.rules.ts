import { fromFen, toFen } from '../../kernel/money';

/**
 * Schedule arithmetic: 序时进度 and the planned progress read off the milestones (推进计划).
 *
 * Days are counted inclusively: a date stands for the end of that day, so on 1 January one day of the
 * year has passed and on 25 August 237 of 365 have (237/365 = 0.6493, as bulletins quote it).
 */
export type IsoDate = string;

export interface Period {
  start: IsoDate;
  end: IsoDate;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** A real calendar date written YYYY-MM-DD (2023-02-29 is not one). */
export function isIsoDate(text: unknown): text is IsoDate {
  if (typeof text !== 'string') return false;
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Days since 1970-01-01; only differences between two of these mean anything. */
export function dayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function calendarYearPeriod(year: number): Period {
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

export function daysInPeriod(period: Period): number {
  return dayNumber(period.end) - dayNumber(period.start) + 1;
}

/** Day of the period that `date` is, counting the start as day 1; not clamped. */
function dayOfPeriod(period: Period, date: IsoDate): number {
  return dayNumber(date) - dayNumber(period.start) + 1;
}

/** Days of the period passed by the end of `asOf`: 0 before the start, all of them after the end. */
export function daysElapsed(period: Period, asOf: IsoDate): number {
  return Math.min(Math.max(dayOfPeriod(period, asOf), 0), daysInPeriod(period));
}

/** 序时进度: the share of the plan period passed by the end of `asOf`, from 0 to 1. */
export function elapsedFraction(period: Period, asOf: IsoDate): number {
  return daysElapsed(period, asOf) / daysInPeriod(period);
}

export interface PlannedPoint {
  due: IsoDate;
  /** Planned cumulative value due by the end of `due`. */
  value: number;
}

/**
 * 计划进度 of one indicator at `asOf`: linear between milestones, from 0 at the start of the period
 * up to the first one, and holding the last milestone's value after it. Null when nothing is
 * planned for the indicator, so that "no plan" never reads as "planned zero".
 */
export function plannedValueAt(
  points: readonly PlannedPoint[],
  period: Period,
  asOf: IsoDate,
): number | null {
  const series = plannedSeries(points, period);
  if (series.length === 0) return null;
  return interpolate(series, Math.max(dayOfPeriod(period, asOf), 0));
}

/**
 * Planned cumulative investment at `asOf`, in yuan. Milestones carry the investment of their own step
 * (the steps add up to the whole), so the steps are summed into a cumulative series first; the
 * result is rounded to the fen. Null when no milestone plans any investment.
 */
export function plannedInvestmentAt(
  steps: readonly { due: IsoDate; investment?: string }[],
  period: Period,
  asOf: IsoDate,
): string | null {
  const withMoney = steps
    .map((s, i) => ({ ...s, i }))
    .filter((s): s is { due: IsoDate; investment: string; i: number } => s.investment !== undefined)
    .sort((a, b) => dayNumber(a.due) - dayNumber(b.due) || a.i - b.i);
  if (withMoney.length === 0) return null;
  let cumulative = 0n;
  const points = withMoney.map((s) => {
    cumulative += toFen(s.investment);
    return { due: s.due, value: Number(cumulative) };
  });
  const fen = plannedValueAt(points, period, asOf);
  return fen === null ? null : fromFen(BigInt(Math.round(fen)));
}

interface SeriesPoint {
  day: number;
  value: number;
}

function plannedSeries(points: readonly PlannedPoint[], period: Period): SeriesPoint[] {
  const sorted = points
    .map((p, i) => ({ day: dayOfPeriod(period, p.due), value: p.value, i }))
    .sort((a, b) => a.day - b.day || a.i - b.i);
  // Two milestones on one day: the later-listed one is the plan for that day.
  const series: SeriesPoint[] = [];
  for (const p of sorted) {
    const last = series[series.length - 1];
    if (last && last.day === p.day) last.value = p.value;
    else series.push({ day: p.day, value: p.value });
  }
  return series;
}

function interpolate(series: readonly SeriesPoint[], day: number): number {
  let prev: SeriesPoint = { day: 0, value: 0 };
  for (const point of series) {
    if (day <= point.day) {
      if (point.day <= prev.day) return point.value;
      return prev.value + ((point.value - prev.value) * (day - prev.day)) / (point.day - prev.day);
    }
    prev = point;
  }
  return prev.value;
}
