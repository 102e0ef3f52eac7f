/**
 * An indicator's figures: plain numbers for counts, coverage, percentages and milestones, exact yuan
 * strings ("1230000.00") for amounts. Ratios and display go through scaled integers so that
 * 4287000 / 3000000 prints 142.9% and never 142.89999%.
 */
export type Quantity = number | string;

/**
 * The largest count a plan may hold (10^15, 一千万亿): far above any real figure, and below where a
 * JSON number stops being written as plain digits (1e+21) or exact in a double.
 */
export const MAX_QUANTITY = 1e15;
export const QUANTITY_TOO_LARGE = '数值过大（不能超过 1000000000000000）';

interface Scaled {
  int: bigint;
  scale: number;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

function scaled(q: Quantity): Scaled {
  const text = typeof q === 'number' ? numberText(q) : q.trim();
  if (!DECIMAL.test(text)) throw new RangeError(`not a decimal quantity: ${q}`);
  const negative = text.startsWith('-');
  const [whole, frac = ''] = (negative ? text.slice(1) : text).split('.');
  const int = BigInt(whole! + frac);
  return { int: negative ? -int : int, scale: frac.length };
}

/** Plain decimal text for a JS number, without exponent notation. */
function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite quantity: ${n}`);
  const text = String(n);
  if (!/e/i.test(text)) return text;
  return n.toFixed(20).replace(/\.?0+$/, '');
}

function align(a: Scaled, b: Scaled): [bigint, bigint] {
  const scale = Math.max(a.scale, b.scale);
  return [a.int * 10n ** BigInt(scale - a.scale), b.int * 10n ** BigInt(scale - b.scale)];
}

export function compareQuantities(a: Quantity, b: Quantity): number {
  const [x, y] = align(scaled(a), scaled(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

/** a / b as a JS number, for comparisons and thresholds (never for money). */
export function quantityRatio(a: Quantity, b: Quantity): number {
  const [x, y] = align(scaled(a), scaled(b));
  if (y === 0n) throw new RangeError('division by zero');
  return Number(x) / Number(y);
}

export function quantityToNumber(q: Quantity): number {
  return typeof q === 'number' ? q : Number(q);
}

/** a / b rounded half up to `decimals` places, exactly. */
export function divideRounded(a: Quantity, b: Quantity, decimals: number): number {
  const [x, y] = align(scaled(a), scaled(b));
  if (y === 0n) throw new RangeError('division by zero');
  return Number(roundedDecimal(x, y, decimals));
}

/** a × b / c as a decimal string rounded half up to `decimals`, trailing zeros trimmed. */
export function formatFraction(
  numerator: Quantity,
  denominator: Quantity,
  decimals: number,
  times = 1,
): string {
  const [x, y] = align(scaled(numerator), scaled(denominator));
  if (y === 0n) throw new RangeError('division by zero');
  return trimZeros(roundedDecimal(x * BigInt(times), y, decimals));
}

/** Sum of plain numbers without float noise (0.1 + 0.2 is 0.3 here). */
export function sumNumbers(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const parts = values.map((v) => scaled(v));
  const scale = Math.max(...parts.map((p) => p.scale));
  const total = parts.reduce((acc, p) => acc + p.int * 10n ** BigInt(scale - p.scale), 0n);
  return Number(roundedDecimal(total, 10n ** BigInt(scale), scale));
}

/** 1.3329 → "133.29%", 1.429 → "142.9%", 1 → "100%"; computed from value and target exactly. */
export function formatRate(value: Quantity, target: Quantity, decimals = 2): string {
  return `${formatFraction(value, target, decimals, 100)}%`;
}

/**
 * A count as Chinese documents print it: below 1万 as is; from 1万 in 万 with two decimals, from
 * 10万 with one (7.54万户, 16.6万名, 428.7万人次); from 1亿 in 亿. The unit follows the number, so a
 * plan already counting in 万人次 prints 428.7万人次 unchanged.
 */
export function formatCount(value: number, unit = ''): string {
  const abs = Math.abs(value);
  if (abs >= 100_000_000) return `${formatFraction(value, 100_000_000, 2)}亿${unit}`;
  if (abs >= 100_000) return `${formatFraction(value, 10_000, 1)}万${unit}`;
  if (abs >= 10_000) return `${formatFraction(value, 10_000, 2)}万${unit}`;
  return `${formatFraction(value, 1, 2)}${unit}`;
}

function roundedDecimal(numerator: bigint, denominator: bigint, decimals: number): string {
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const factor = 10n ** BigInt(decimals);
  const q = (n * factor * 2n + d) / (2n * d);
  const whole = q / factor;
  const frac = (q % factor).toString().padStart(decimals, '0');
  const text = decimals > 0 ? `${whole}.${frac}` : `${whole}`;
  return negative && q !== 0n ? `-${text}` : text;
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
