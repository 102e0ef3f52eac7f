import { fromFen, normalizeYuan, toFen } from '../../kernel/money';
import { assessIndicator, DEFAULT_PERCENT_TARGET, type IndicatorKind } from './indicator.rules';
import { type Quantity, sumNumbers } from './quantity.rules';

/**
 * Roll-up of an allocated indicator (任务分解): each sub-region reports its own figures and the parent
 * sees their sum — "13329 performances: province 351, cities 2230, counties 10748". Report once,
 * reuse everywhere: the parent never re-enters what its children reported.
 */
export interface ChildFigure {
  region: string;
  /** The target allocated to the child (yuan string for amounts); absent for entitlement. */
  target?: Quantity | null;
  /** The child's latest cumulative value, or null when it has not reported. */
  value: Quantity | null;
  /** Entitlement: how many were eligible in the child, as last reported. */
  eligible?: number | null;
  /** Percent only: the child's weight in the mean; defaults to its target. */
  weight?: number;
}

export interface RollUp {
  value: Quantity;
  target: Quantity | null;
  eligible: number | null;
  completion: number;
  done: boolean;
  /** Children with a reported value, in the order given. */
  reported: string[];
  /** Children that have not reported yet (counted as 0 done). */
  notReported: string[];
}

/**
 * Sums for count, amount, coverage, milestone and entitlement (served and eligible alike). Percent
 * figures cannot be added: the parent's value and target are means weighted by each child's weight
 * (its target unless given), a child that has not reported counting as 0%.
 */
export function rollUpIndicator(kind: IndicatorKind, children: readonly ChildFigure[]): RollUp {
  const reported = children.filter((c) => c.value !== null).map((c) => c.region);
  const notReported = children.filter((c) => c.value === null).map((c) => c.region);
  const withTarget = children.filter((c) => c.target !== undefined && c.target !== null);

  let value: Quantity;
  let target: Quantity | null;
  if (kind === 'amount') {
    value = fromFen(children.reduce((acc, c) => acc + (c.value === null ? 0n : toFen(String(c.value))), 0n));
    target = withTarget.length
      ? fromFen(withTarget.reduce((acc, c) => acc + toFen(String(c.target)), 0n))
      : null;
  } else if (kind === 'percent') {
    const weighted = children.map((c) => {
      const t = c.target === undefined || c.target === null ? DEFAULT_PERCENT_TARGET : Number(c.target);
      return { v: c.value === null ? 0 : Number(c.value), t, w: c.weight ?? t };
    });
    const totalWeight = sumNumbers(weighted.map((x) => x.w));
    const mean = (pick: (x: (typeof weighted)[number]) => number) =>
      totalWeight > 0 ? round6(weighted.reduce((acc, x) => acc + pick(x) * x.w, 0) / totalWeight) : 0;
    value = mean((x) => x.v);
    target = children.length ? mean((x) => x.t) : null;
  } else {
    value = sumNumbers(children.map((c) => (c.value === null ? 0 : Number(c.value))));
    target = withTarget.length ? sumNumbers(withTarget.map((c) => Number(c.target))) : null;
  }

  const eligibles = children.map((c) => c.eligible).filter((e): e is number => e !== undefined && e !== null);
  const eligible = kind === 'entitlement' && eligibles.length > 0 ? sumNumbers(eligibles) : null;
  const result = assessIndicator(kind, target, { value, eligible });
  return {
    value,
    target: kind === 'entitlement' ? null : target,
    eligible,
    completion: result.completion,
    done: result.done,
    reported,
    notReported,
  };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * The same roll-up from totals the database already summed (indicator_rollups): numeric text for
 * value, target and eligible, turned into the types `rollUpIndicator` gives (yuan strings for
 * amounts, numbers otherwise, percent means to six decimals), then assessed the same way.
 */
export function rollUpFromTotals(
  kind: IndicatorKind,
  totals: {
    value: string;
    target: string | null;
    eligible: string | null;
    reported: string[];
    notReported: string[];
  },
): RollUp {
  const quantity = (text: string): Quantity =>
    kind === 'amount' ? normalizeYuan(text) : kind === 'percent' ? round6(Number(text)) : Number(text);
  const value = quantity(totals.value);
  const target = totals.target === null ? null : quantity(totals.target);
  const eligible = kind === 'entitlement' && totals.eligible !== null ? Number(totals.eligible) : null;
  const result = assessIndicator(kind, target, { value, eligible });
  return {
    value,
    target: kind === 'entitlement' ? null : target,
    eligible,
    completion: result.completion,
    done: result.done,
    reported: totals.reported,
    notReported: totals.notReported,
  };
}
