import { describe, expect, it } from 'vitest';
import { idParamsOf, isoDate, planParams } from './route-inputs';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe('the inputs every route shares', () => {
  it('takes a plan year from the path as a number', () => {
    expect(planParams.parse({ region: '140521', year: '2023' })).toEqual({ region: '140521', year: 2023 });
    expect(planParams.parse({ region: '140521001', year: '2100' }).year).toBe(2100);
  });

  it('words a year out of range, or not a year, in Chinese', () => {
    for (const year of ['1999', '2101', '2023.5', 'abc']) {
      expect(messages(planParams.safeParse({ region: '140521', year }))).toEqual([
        '年度应为 2000 至 2100 之间的整数',
      ]);
    }
  });

  it('refuses a region code that is not 6 or 9 digits', () => {
    for (const region of ['14052', '1405210', '140521001001', '山西省']) {
      expect(messages(planParams.safeParse({ region, year: 2023 }))).toEqual(['行政区划代码不正确']);
    }
  });

  it('accepts only real calendar days', () => {
    expect(isoDate.safeParse('2024-02-29').success).toBe(true);
    for (const date of ['2023-02-29', '2023-02-30', '2023-13-01', '2023-6-30', '2023/06/30', '']) {
      expect(messages(isoDate.safeParse(date))).toEqual(['日期应为 YYYY-MM-DD 格式的真实日期']);
    }
  });

  it('names what an id is of', () => {
    expect(messages(idParamsOf('督办事项编号不正确').safeParse({ id: '42' }))).toEqual([
      '督办事项编号不正确',
    ]);
  });
});
