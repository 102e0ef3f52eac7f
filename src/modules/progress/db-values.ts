import { normalizeYuan } from '../../kernel/money';
import type { IndicatorKind } from './indicator.rules';
import type { Quantity } from './quantity.rules';

/** Numeric columns come back as strings: amounts stay exact yuan strings, the rest become numbers. */
export function quantityFromDb(kind: IndicatorKind, value: string): Quantity {
  return kind === 'amount' ? normalizeYuan(value) : Number(value);
}

/** An indicator as its row comes back (kind as text, target as a numeric string): typed, its target a quantity. */
export function indicatorFromDb<T extends { kind: string; target: string | null }>(
  row: T,
): Omit<T, 'kind' | 'target'> & { kind: IndicatorKind; target: Quantity | null } {
  const kind = row.kind as IndicatorKind;
  return { ...row, kind, target: row.target === null ? null : quantityFromDb(kind, row.target) };
}
