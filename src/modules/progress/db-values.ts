import { normalizeYuan } from '../../kernel/money';
import type { IndicatorKind } from './indicator.rules';
import type { Quantity } from './quantity.rules';

/** Numeric columns come back as strings: amounts stay exact yuan strings, the rest become numbers. */
export function quantityFromDb(kind: IndicatorKind, value: string): Quantity {
  return kind === 'amount' ? normalizeYuan(value) : Number(value);
}
