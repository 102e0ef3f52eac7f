import { describe, expect, it } from 'vitest';
import { formatYuanChinese, fromFen, isYuan, normalizeYuan, sumYuan, toFen } from './money';

describe('exact yuan', () => {
  it('normalises strings and numbers to two decimals', () => {
    expect(normalizeYuan('1000')).toBe('1000.00');
    expect(normalizeYuan('1000.5')).toBe('1000.50');
    expect(normalizeYuan(10000000)).toBe('10000000.00');
    expect(normalizeYuan(0.1)).toBe('0.10');
    expect(normalizeYuan('-3.2')).toBe('-3.20');
  });
  it('refuses more than two decimals and non-numbers', () => {
    expect(isYuan('1.234')).toBe(false);
    expect(() => normalizeYuan('1.234')).toThrow();
    expect(() => normalizeYuan('一千')).toThrow();
    expect(() => normalizeYuan('')).toThrow();
  });
  it('adds without float error', () => {
    expect(sumYuan(['0.10', '0.20'])).toBe('0.30');
    expect(
      sumYuan([
        '500000',
        '500000',
        '1000000',
        '2000000',
        '1500000',
        '1500000',
        '1000000',
        '1000000',
        '1000000',
      ]),
    ).toBe('10000000.00');
    expect(sumYuan([])).toBe('0.00');
  });
  it('round-trips fen', () => {
    expect(fromFen(toFen('123456789012.34'))).toBe('123456789012.34');
    expect(toFen('0.01')).toBe(1n);
  });
  it('writes amounts as documents do', () => {
    expect(formatYuanChinese('10000000.00')).toBe('1000万元');
    expect(formatYuanChinese('8700000')).toBe('870万元');
    expect(formatYuanChinese('267000000')).toBe('2.67亿元');
    expect(formatYuanChinese('123000000')).toBe('1.23亿元');
    expect(formatYuanChinese('6769100')).toBe('676.91万元');
    expect(formatYuanChinese('866400')).toBe('86.64万元');
    expect(formatYuanChinese('5000')).toBe('5000元');
  });
});
