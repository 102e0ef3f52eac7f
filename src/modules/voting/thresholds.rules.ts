/**
 * Quorum and passing thresholds are fractions of a count. Chinese rules say either "过半数" (more than
 * half: strictly above) or "三分之二以上" (two thirds or more: 以上 includes the bound, as in law).
 * Both become the smallest whole number of people that satisfies them, computed in integers.
 */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
  /** true: at least the fraction (以上); false: strictly more than it (超过, 过半数). */
  readonly inclusive: boolean;
}

export const MORE_THAN_HALF: Fraction = { numerator: 1, denominator: 2, inclusive: false };

export function isValidFraction(f: Fraction): boolean {
  return (
    Number.isInteger(f.numerator) &&
    Number.isInteger(f.denominator) &&
    f.numerator > 0 &&
    f.denominator > 0 &&
    f.numerator <= f.denominator
  );
}

/**
 * Smallest count that meets the fraction of `base`. Never below 1: a rule "of valid ballots" with no
 * valid ballot must not let a candidate pass with nobody's support.
 */
export function minimumCount(base: number, fraction: Fraction): number {
  const product = base * fraction.numerator;
  const needed = fraction.inclusive
    ? Math.ceil(product / fraction.denominator)
    : Math.floor(product / fraction.denominator) + 1;
  return Math.max(1, needed);
}

/** The share in words, as the rule is read out: "半数", "三分之二". */
export function fractionName(f: Fraction): string {
  if (f.numerator * 2 === f.denominator) return '半数';
  if (f.numerator === f.denominator) return '全部';
  return `${chineseNumber(f.denominator)}分之${chineseNumber(f.numerator)}`;
}

function chineseNumber(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n]!;
  if (n < 20) return `十${n % 10 === 0 ? '' : digits[n % 10]}`;
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : digits[n % 10]}`;
  return String(n);
}
