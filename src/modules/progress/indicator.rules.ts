import { compareQuantities, type Quantity, quantityRatio } from './quantity.rules';

/**
 * Indicator kinds (DOMAIN.md "Indicator kinds"): how an indicator's figures read as done.
 * `milestone` is the milestone-only kind ("完成招标并开工"): its value is the number of the project's
 * milestones reached, its target the number there are (by default all of the project's milestones).
 */
export const INDICATOR_KINDS = [
  'count',
  'amount',
  'coverage',
  'entitlement',
  'percent',
  'milestone',
] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = {
  count: '计数',
  amount: '金额',
  coverage: '覆盖',
  entitlement: '应补尽补',
  percent: '百分比',
  milestone: '节点',
};

/** Percent indicators are measured against 100 unless the plan says otherwise. */
export const DEFAULT_PERCENT_TARGET = 100;

/** The latest approved figures of one indicator; null when nothing was reported yet. */
export interface IndicatorFigures {
  value: Quantity | null;
  /** Entitlement indicators only: how many were eligible, as last reported. */
  eligible?: number | null;
}

export interface IndicatorResult {
  /** The reported value, 0 (or "0.00" yuan) when nothing was reported: no report counts as nothing done. */
  value: Quantity;
  /** What the value is measured against: the target, or the eligible count for entitlement. */
  target: Quantity | null;
  /** value ÷ target, unrounded; 0 when there is nothing to measure against. */
  completion: number;
  done: boolean;
  /** Above target on a count or amount: 超额完成. */
  exceeded: boolean;
}

/**
 * How far one indicator is done.
 * - count, amount, coverage, milestone, percent: value ÷ target, done at or above the target.
 * - entitlement: served ÷ eligible, done when served ≥ eligible > 0. Zero (or unreported) eligible
 *   reads as not done with completion 0: a promise to serve everyone eligible is only shown as kept
 *   once the eligible are known and served, never by an empty count.
 * A missing or non-positive target cannot be measured against and reads as not done.
 */
export function assessIndicator(
  kind: IndicatorKind,
  target: Quantity | null | undefined,
  figures: IndicatorFigures,
): IndicatorResult {
  const value = figures.value ?? (kind === 'amount' ? '0.00' : 0);
  const against = kind === 'entitlement' ? (figures.eligible ?? null) : resolveTarget(kind, target);
  if (against === null || compareQuantities(against, 0) <= 0) {
    return { value, target: against, completion: 0, done: false, exceeded: false };
  }
  const reached = compareQuantities(value, against);
  return {
    value,
    target: against,
    completion: quantityRatio(value, against),
    done: reached >= 0,
    exceeded: (kind === 'count' || kind === 'amount') && reached > 0,
  };
}

function resolveTarget(kind: IndicatorKind, target: Quantity | null | undefined): Quantity | null {
  if (target !== undefined && target !== null) return target;
  return kind === 'percent' ? DEFAULT_PERCENT_TARGET : null;
}
