import { describe, expect, it } from 'vitest';
import { daysInMonth, findDeadline, isRecurring, readTimeExpression } from './plan-time.rules';

const due = (text: string, year = 2023) => readTimeExpression(text, year)?.due ?? null;

describe('readTimeExpression: months', () => {
  it.each([
    ['2 月份完成 50 万元', '2023-02-28'],
    ['3月份组织完成', '2023-03-31'],
    ['12 月组织验收', '2023-12-31'],
    ['10月份完成小区大门', '2023-10-31'],
    ['二月份资金审批', '2023-02-28'],
    ['十二月验收', '2023-12-31'],
    ['6月底前完成', '2023-06-30'],
    ['6月末完成', '2023-06-30'],
    ['4 月初完成', '2023-04-10'],
    ['4月上旬完成', '2023-04-10'],
    ['4月中旬完成', '2023-04-20'],
    ['4月中，完成', '2023-04-20'],
    ['4月下旬完成', '2023-04-30'],
    ['3月15日前完成', '2023-03-15'],
  ])('reads “%s” as due %s', (text, expected) => {
    expect(due(text)).toBe(expected);
  });

  it('reads leap years', () => {
    expect(due('2 月份', 2024)).toBe('2024-02-29');
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });
});

describe('readTimeExpression: ranges end at their later bound', () => {
  it.each([
    ['4-5 月份组织完成', '2023-05-31'],
    ['11-12月份完成AED的安装', '2023-12-31'],
    ['11-12月组织完成', '2023-12-31'],
    ['6-7 月份按照政府采购招标程序', '2023-07-31'],
    ['7至11月份供货', '2023-11-30'],
    ['2-3 月份，确定项目', '2023-03-31'],
    ['3月、4月完成', '2023-04-30'],
  ])('reads “%s” as due %s', (text, expected) => {
    expect(due(text)).toBe(expected);
  });

  it('reads the turn of a month, "3 月底 4 月初", as early April (the 10th)', () => {
    expect(readTimeExpression('3 月底 4 月初完成 50 万元', 2023)).toEqual({
      due: '2023-04-10',
      when: '3 月底 4 月初',
      length: '3 月底 4 月初'.length,
      deadline: false,
      year: null,
    });
  });

  it('does not read a backwards range as a range', () => {
    expect(due('5-3 月份')).toBeNull();
  });
});

describe('readTimeExpression: quarters and halves', () => {
  it.each([
    ['第一季度：完成初设批复', '2023-03-31'],
    ['第二季度：完成任务的30%', '2023-06-30'],
    ['第三季度', '2023-09-30'],
    ['第四季度：零工市场进入试运行阶段', '2023-12-31'],
    ['一季度完成', '2023-03-31'],
    ['第一、二季度：依据', '2023-06-30'],
    ['第三、第四季度', '2023-12-31'],
    ['第1季度', '2023-03-31'],
    ['上半年完成', '2023-06-30'],
    ['年中完成', '2023-06-30'],
    ['下半年完成', '2023-12-31'],
    ['年底前完成', '2023-12-31'],
    ['全年完成', '2023-12-31'],
  ])('reads “%s” as due %s', (text, expected) => {
    expect(due(text)).toBe(expected);
  });
});

describe('readTimeExpression: what is not a time', () => {
  it.each([
    ['2022-2023 学年'],
    ['12 个乡镇'],
    ['13 月份'],
    ['2 月 30 日'],
    ['成立领导小组'],
    ['每月 5 日前'],
    ['2023年计划实施'],
  ])('“%s” is not read as a deadline at its start', (text) => {
    expect(due(text)).toBeNull();
  });
});

describe('readTimeExpression: written years', () => {
  it('uses a year written in the text and reports it', () => {
    expect(readTimeExpression('2024年3月底前完成', 2023)).toMatchObject({
      due: '2024-03-31',
      year: 2024,
      deadline: true,
    });
  });

  it('reads a date as an Excel date cell gives it, with or without a time, as that day of its own year', () => {
    expect(readTimeExpression('2024-06-30', 2023)).toMatchObject({
      due: '2024-06-30',
      year: 2024,
      when: '2024-06-30',
    });
    expect(due('2023/6/30 完成验收')).toBe('2023-06-30');
    expect(due('2023.6.3')).toBe('2023-06-03');
    expect(readTimeExpression('2023-06-30 18:00:00前', 2023)).toMatchObject({
      due: '2023-06-30',
      deadline: true,
    });
    expect(due('2023-02-29')).toBeNull();
    expect(due('2023-13-01')).toBeNull();
    expect(findDeadline('完成招标工作，2023-06-30前开工', 2023)?.due).toBe('2023-06-30');
  });

  it('marks deadlines written with 前', () => {
    expect(readTimeExpression('6月底前', 2023)?.deadline).toBe(true);
    expect(readTimeExpression('6月底', 2023)?.deadline).toBe(false);
  });

  it('reads from a given position', () => {
    expect(readTimeExpression('力争6月底前', 2023, 2)?.due).toBe('2023-06-30');
  });
});

describe('findDeadline', () => {
  it('finds a deadline written mid-sentence', () => {
    expect(findDeadline('完成招标工作，6月底前开工', 2023)?.due).toBe('2023-06-30');
  });

  it('does not take a start ("从 1 月份开始") for a deadline', () => {
    expect(findDeadline('成立巡回医疗工作领导小组，从 1 月份开始，定期开展', 2023)).toBeNull();
  });

  it('does not read inside a larger number', () => {
    expect(findDeadline('2022-2023 学年前', 2023)).toBeNull();
  });
});

describe('isRecurring', () => {
  it('recognises work repeated every month or quarter', () => {
    expect(isRecurring('每月 5 日前进行统计')).toBe(true);
    expect(isRecurring('每季度参加推进会')).toBe(true);
    expect(isRecurring('6 月份完成')).toBe(false);
  });
});
