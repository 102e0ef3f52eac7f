import { describe, expect, it } from 'vitest';
import {
  compareQuantities,
  divideRounded,
  formatCount,
  formatFraction,
  formatRate,
  quantityRatio,
  sumNumbers,
} from './quantity.rules';

describe('comparing and dividing figures exactly', () => {
  it('compares numbers with yuan strings of any scale', () => {
    expect(compareQuantities('1230000.00', 1230000)).toBe(0);
    expect(compareQuantities('0.10', 0.1)).toBe(0);
    expect(compareQuantities(13329, 10000)).toBe(1);
    expect(compareQuantities('99.99', '100')).toBe(-1);
  });

  it('divides as a plain ratio for thresholds', () => {
    expect(quantityRatio(13329, 10000)).toBe(1.3329);
    expect(quantityRatio('12300000.00', '10000000.00')).toBe(1.23);
    expect(() => quantityRatio(1, 0)).toThrow(RangeError);
  });

  it('rounds a quotient half up without float noise', () => {
    expect(divideRounded(4287000, 3000000, 4)).toBe(1.429);
    expect(divideRounded(2, 3, 4)).toBe(0.6667);
    expect(divideRounded(237, 365, 4)).toBe(0.6493);
    expect(divideRounded(1, 8, 2)).toBe(0.13);
  });

  it('adds decimals exactly', () => {
    expect(sumNumbers([0.1, 0.2])).toBe(0.3);
    expect(sumNumbers([86.1, -65])).toBe(21.1);
    expect(sumNumbers([])).toBe(0);
  });

  it('refuses text that is not a decimal', () => {
    expect(() => compareQuantities('12万', 1)).toThrow(RangeError);
    expect(() => compareQuantities(Number.NaN, 1)).toThrow(RangeError);
  });
});

describe('rates as bulletins print them', () => {
  it('prints 133.29% for 13329 performances against 10000', () => {
    expect(formatRate(13329, 10000)).toBe('133.29%');
  });

  it('trims trailing zeros: 142.9%, 100%', () => {
    expect(formatRate(4287000, 3000000)).toBe('142.9%');
    expect(formatRate(150, 150)).toBe('100%');
  });

  it('rounds half up to the decimals asked for', () => {
    expect(formatRate(165500, 150000, 1)).toBe('110.3%');
    expect(formatRate(1247500, 800000, 1)).toBe('155.9%');
    expect(formatRate(1, 8, 0)).toBe('13%');
  });

  it('works on yuan strings', () => {
    expect(formatRate('8000000.00', '10000000.00')).toBe('80%');
  });

  it('formats any fraction with a multiplier', () => {
    expect(formatFraction(0.6493, 1, 2, 100)).toBe('64.93');
    expect(formatFraction(-0.5, 1, 1)).toBe('-0.5');
  });
});

describe('counts as Chinese documents print them', () => {
  it('leaves counts below 1万 as they are', () => {
    expect(formatCount(150, '所')).toBe('150所');
    expect(formatCount(5289, '场')).toBe('5289场');
    expect(formatCount(9263.5, '公里')).toBe('9263.5公里');
  });

  it('writes 1万–10万 in 万 with two decimals (7.54万户, 1.03万人次)', () => {
    expect(formatCount(75360, '户')).toBe('7.54万户');
    expect(formatCount(10308, '人次')).toBe('1.03万人次');
    expect(formatCount(23865, '人次')).toBe('2.39万人次');
    expect(formatCount(10000, '人')).toBe('1万人');
  });

  it('writes from 10万 in 万 with one decimal (16.6万名, 428.7万人次, 1100.9万户)', () => {
    expect(formatCount(165500, '名')).toBe('16.6万名');
    expect(formatCount(4287000, '人次')).toBe('428.7万人次');
    expect(formatCount(11009000, '户')).toBe('1100.9万户');
  });

  it('writes from 1亿 in 亿', () => {
    expect(formatCount(130_000_000, '人次')).toBe('1.3亿人次');
  });

  it('keeps a unit already counted in 万 untouched', () => {
    expect(formatCount(428.7, '万人次')).toBe('428.7万人次');
  });
});
