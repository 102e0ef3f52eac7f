import { describe, expect, it } from 'vitest';
import {
  type Fraction,
  fractionName,
  isValidFraction,
  MORE_THAN_HALF,
  minimumCount,
} from './thresholds.rules';

const TWO_THIRDS_OR_MORE: Fraction = { numerator: 2, denominator: 3, inclusive: true };

describe('minimumCount', () => {
  it('reads 过半数 as strictly more than half', () => {
    expect(minimumCount(100, MORE_THAN_HALF)).toBe(51);
    expect(minimumCount(101, MORE_THAN_HALF)).toBe(51);
    expect(minimumCount(2, MORE_THAN_HALF)).toBe(2);
    expect(minimumCount(1, MORE_THAN_HALF)).toBe(1);
  });

  it('reads 以上 as reaching the fraction', () => {
    expect(minimumCount(99, TWO_THIRDS_OR_MORE)).toBe(66);
    expect(minimumCount(100, TWO_THIRDS_OR_MORE)).toBe(67);
    expect(minimumCount(100, { numerator: 1, denominator: 2, inclusive: true })).toBe(50);
  });

  it('reads 超过三分之二 as strictly more', () => {
    expect(minimumCount(99, { numerator: 2, denominator: 3, inclusive: false })).toBe(67);
  });

  it('never asks for fewer than one', () => {
    expect(minimumCount(0, MORE_THAN_HALF)).toBe(1);
    expect(minimumCount(0, TWO_THIRDS_OR_MORE)).toBe(1);
  });
});

describe('isValidFraction', () => {
  it('accepts positive fractions up to one', () => {
    expect(isValidFraction(MORE_THAN_HALF)).toBe(true);
    expect(isValidFraction({ numerator: 1, denominator: 1, inclusive: true })).toBe(true);
  });

  it('refuses zero, more than one and non-integers', () => {
    expect(isValidFraction({ numerator: 0, denominator: 2, inclusive: false })).toBe(false);
    expect(isValidFraction({ numerator: 3, denominator: 2, inclusive: false })).toBe(false);
    expect(isValidFraction({ numerator: 1, denominator: 0, inclusive: false })).toBe(false);
    expect(isValidFraction({ numerator: 0.5, denominator: 1, inclusive: false })).toBe(false);
  });
});

describe('fractionName', () => {
  it('names shares as rules read them', () => {
    expect(fractionName(MORE_THAN_HALF)).toBe('半数');
    expect(fractionName({ numerator: 2, denominator: 4, inclusive: false })).toBe('半数');
    expect(fractionName(TWO_THIRDS_OR_MORE)).toBe('三分之二');
    expect(fractionName({ numerator: 3, denominator: 5, inclusive: false })).toBe('五分之三');
    expect(fractionName({ numerator: 7, denominator: 12, inclusive: false })).toBe('十二分之七');
    expect(fractionName({ numerator: 1, denominator: 1, inclusive: true })).toBe('全部');
  });
});
