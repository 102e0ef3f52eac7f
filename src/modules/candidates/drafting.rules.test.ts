import { describe, expect, it } from 'vitest';
import { checkIndicators, cleanNames, storedIndicators } from './drafting.rules';

describe('drafted indicators', () => {
  it('takes each kind with a target that fits it', () => {
    const list = [
      { name: '新建口袋公园', unit: '个', kind: 'count' as const, target: 10 },
      { name: '城区小学午餐', unit: '所', kind: 'coverage' as const, target: '284' },
      { name: '资助残疾人大学生', unit: '人', kind: 'entitlement' as const },
      { name: '资金拨付', unit: '元', kind: 'amount' as const, target: '1230000.5' },
      { name: '工程形象进度', unit: '%', kind: 'percent' as const, target: 100 },
    ];
    expect(checkIndicators(list)).toEqual([]);
    expect(storedIndicators(list)).toEqual([
      { ref: 'I1', name: '新建口袋公园', unit: '个', kind: 'count', target: 10 },
      { ref: 'I2', name: '城区小学午餐', unit: '所', kind: 'coverage', target: 284 },
      { ref: 'I3', name: '资助残疾人大学生', unit: '人', kind: 'entitlement' },
      { ref: 'I4', name: '资金拨付', unit: '元', kind: 'amount', target: '1230000.50' },
      { ref: 'I5', name: '工程形象进度', unit: '%', kind: 'percent', target: 100 },
    ]);
  });

  it('names the row and the field of every problem', () => {
    expect(
      checkIndicators([
        { name: '', kind: 'count', target: 1 },
        { name: '公园', kind: 'count' },
        { name: '公园', kind: 'count', target: 2.5 },
        { name: '进度', kind: 'percent', target: 120 },
        { name: '补助', kind: 'entitlement', target: 5 },
        { name: '资金', kind: 'amount', target: '12.345' },
        { name: '覆盖', kind: 'coverage', target: -1 },
        { name: '数量', kind: 'count', target: 'abc' },
      ]),
    ).toEqual([
      { field: 'indicators.0.name', message: '第 1 个指标没有名称' },
      { field: 'indicators.1.target', message: '第 2 个指标需要填写目标值' },
      { field: 'indicators.2.name', message: '第 3 个指标“公园”与第 2 个重名' },
      { field: 'indicators.2.target', message: '第 3 个指标的目标应为整数' },
      { field: 'indicators.3.target', message: '第 4 个指标是百分比，目标值不能超过 100' },
      { field: 'indicators.4.target', message: '第 5 个指标是应补尽补类，不设固定目标值' },
      { field: 'indicators.5.target', message: '第 6 个指标的目标金额应为元，最多两位小数' },
      { field: 'indicators.6.target', message: '第 7 个指标的目标值应为不小于 0 的数' },
      { field: 'indicators.7.target', message: '第 8 个指标的目标值应为不小于 0 的数' },
    ]);
  });

  it('refuses a negative amount and leaves out a blank unit', () => {
    expect(checkIndicators([{ name: '资金', kind: 'amount', target: '-5' }])[0]!.field).toBe(
      'indicators.0.target',
    );
    expect(storedIndicators([{ name: ' 公园 ', unit: ' ', kind: 'count', target: 3 }])).toEqual([
      { ref: 'I1', name: '公园', kind: 'count', target: 3 },
    ]);
  });
});

describe('lists of names', () => {
  it('trims, drops blanks and repeats, keeps order', () => {
    expect(cleanNames([' 交警大队', '', '城投公司', '交警大队 '])).toEqual(['交警大队', '城投公司']);
  });
});
