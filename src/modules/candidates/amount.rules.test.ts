import { describe, expect, it } from 'vitest';
import { amountToYuan, readBudget } from './amount.rules';

describe('amountToYuan', () => {
  it('scales 万元 and 亿元 exactly', () => {
    expect(amountToYuan('1000', '万元')).toBe('10000000.00');
    expect(amountToYuan('135', '万元')).toBe('1350000.00');
    expect(amountToYuan('1.2', '亿元')).toBe('120000000.00');
    expect(amountToYuan('1.26', '亿')).toBe('126000000.00');
    expect(amountToYuan('676.91', '万元')).toBe('6769100.00');
    expect(amountToYuan('1.23456', '万元')).toBe('12345.60');
    expect(amountToYuan('70', '元')).toBe('70.00');
  });

  it('reads thousands separators and full-width digits', () => {
    expect(amountToYuan('1,000', '万元')).toBe('10000000.00');
    expect(amountToYuan('２８００', '万元')).toBe('28000000.00');
  });

  it('refuses amounts finer than a fen rather than rounding them', () => {
    expect(amountToYuan('1.234', '元')).toBeNull();
    expect(amountToYuan('0.0000001', '万元')).toBeNull();
  });

  it('refuses what is not a number', () => {
    expect(amountToYuan('一千', '万元')).toBeNull();
    expect(amountToYuan('1.2.3', '万元')).toBeNull();
  });
});

describe('readBudget', () => {
  it.each([
    ['1000 万元', '10000000.00'],
    ['2800万元', '28000000.00'],
    ['1.2亿元', '120000000.00'],
    ['135 万元', '1350000.00'],
    ['约 80 万元', '800000.00'],
    ['１２０万元', '1200000.00'],
    ['500元', '500.00'],
    ['无', '0.00'],
  ])('reads “%s” as %s yuan', (cell, yuan) => {
    expect(readBudget(cell)).toEqual({ kind: 'amount', yuan });
  });

  it('reads a bare number in the unit the header gives', () => {
    expect(readBudget('1000', '万元')).toEqual({ kind: 'amount', yuan: '10000000.00' });
    expect(readBudget('1000')).toEqual({ kind: 'amount', yuan: '1000.00' });
  });

  it('reports an empty cell as empty', () => {
    expect(readBudget('  ')).toEqual({ kind: 'empty' });
  });

  it('explains why a cell cannot be read', () => {
    expect(readBudget('待定')).toEqual({ kind: 'unreadable', reason: '无法识别为金额' });
    expect(readBudget('省级500万元，县级300万元')).toEqual({
      kind: 'unreadable',
      reason: '写了多个金额，无法确定总额',
    });
    expect(readBudget('0.001元')).toEqual({ kind: 'unreadable', reason: '金额精确到分以下，无法换算为元' });
  });
});
