import { normalizeYuan } from '../../kernel/money';
import { cleanCell, toHalfWidth } from './text.rules';

/**
 * Documents write money as "1000 万元", "1.2亿元", "135 万元". Scaling is done on the decimal digits
 * (never through a float) so "1.23456万元" is exactly 12345.60 yuan.
 */
const UNIT_EXPONENT = { 元: 0, 万元: 4, 亿元: 8, 万: 4, 亿: 8 } as const;
export type AmountUnit = keyof typeof UNIT_EXPONENT;

/** "1,000" and "1000.5" with a unit → exact yuan ("10000000.00"), or null when it has sub-fen digits. */
export function amountToYuan(numberText: string, unit: AmountUnit): string | null {
  const digits = toHalfWidth(numberText).replace(/[,，\s]/g, '');
  const match = /^(\d+)(?:\.(\d+))?$/.exec(digits);
  if (!match) return null;
  const exponent = UNIT_EXPONENT[unit];
  const whole = match[1]!;
  const fraction = (match[2] ?? '').padEnd(exponent, '0');
  const integerPart = whole + fraction.slice(0, exponent);
  const decimals = fraction.slice(exponent).replace(/0+$/, '');
  if (decimals.length > 2) return null;
  return normalizeYuan(decimals ? `${integerPart}.${decimals}` : integerPart);
}

/** A number with a money unit, as written inside prose. */
export const AMOUNT_SOURCE = '(\\d[\\d,，]*(?:\\.\\d+)?)\\s*(亿元|万元|元|亿|万)';

export type BudgetReading =
  | { readonly kind: 'amount'; readonly yuan: string }
  | { readonly kind: 'empty' }
  | { readonly kind: 'unreadable'; readonly reason: string };

const NO_MONEY = /^(无|0|0\.0+|不需要|无需|—|-|－|\/)$/;

/**
 * The budget column (需财政投入资金（初步估算）): one amount, usually with 万元. A bare number is read
 * as 万元 only when the header says so; otherwise it is yuan, since that is what a bare number means.
 */
export function readBudget(raw: string, bareUnit: AmountUnit = '元'): BudgetReading {
  const text = toHalfWidth(cleanCell(raw)).replace(/\s+/g, '');
  if (text === '') return { kind: 'empty' };
  if (NO_MONEY.test(text)) return { kind: 'amount', yuan: '0.00' };
  const amounts = [...text.matchAll(new RegExp(AMOUNT_SOURCE, 'g'))];
  if (amounts.length > 1) {
    return { kind: 'unreadable', reason: '写了多个金额，无法确定总额' };
  }
  const single = /^(?:约|共|计|总投资|合计)?(\d[\d,]*(?:\.\d+)?)(亿元|万元|元|亿|万)?$/.exec(text);
  if (!single) return { kind: 'unreadable', reason: '无法识别为金额' };
  const yuan = amountToYuan(single[1]!, (single[2] as AmountUnit | undefined) ?? bareUnit);
  return yuan === null
    ? { kind: 'unreadable', reason: '金额精确到分以下，无法换算为元' }
    : { kind: 'amount', yuan };
}
