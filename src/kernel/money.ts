/**
 * Money is exact decimal yuan, carried as strings ("1234.50") end to end: PostgreSQL numeric comes
 * back as a string and floats lose cents. Arithmetic here works on integer fen (BigInt).
 */
const YUAN_PATTERN = /^-?\d+(\.\d{1,2})?$/;

export function isYuan(text: string): boolean {
  return YUAN_PATTERN.test(text);
}

export function toFen(yuan: string): bigint {
  if (!isYuan(yuan)) throw new RangeError(`not an amount in yuan: ${yuan}`);
  const negative = yuan.startsWith('-');
  const [whole, frac = ''] = (negative ? yuan.slice(1) : yuan).split('.');
  const fen = BigInt(whole!) * 100n + BigInt(frac.padEnd(2, '0'));
  return negative ? -fen : fen;
}

export function fromFen(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const text = `${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

/** Normalises "1000", "1000.5" and 1000.5 to "1000.50"; rejects more than two decimals. */
export function normalizeYuan(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : value.trim();
  return fromFen(toFen(text));
}

export function sumYuan(values: readonly string[]): string {
  return fromFen(values.reduce((acc, v) => acc + toFen(v), 0n));
}

/** "12300000.00" → "1230万元"; ≥ 1亿 → "1.23亿元", as documents write it. */
export function formatYuanChinese(yuan: string): string {
  const fen = toFen(yuan);
  const abs = fen < 0n ? -fen : fen;
  const sign = fen < 0n ? '-' : '';
  const trim = (n: string) => n.replace(/\.?0+$/, '');
  if (abs >= 10_000_000_000n) return `${sign}${trim(fenDivide(abs, 10_000_000_000n, 2))}亿元`;
  if (abs >= 1_000_000n) return `${sign}${trim(fenDivide(abs, 1_000_000n, 2))}万元`;
  return `${sign}${trim(fromFen(abs))}元`;
}

function fenDivide(fen: bigint, divisor: bigint, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const scaled = (fen * scale + divisor / 2n) / divisor;
  return `${scaled / scale}.${(scaled % scale).toString().padStart(decimals, '0')}`;
}
