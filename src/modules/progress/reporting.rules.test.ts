import { describe, expect, it } from 'vitest';
import {
  expectedReports,
  type ReportContext,
  reportEntryProblems,
  reportFlags,
  reportProblemCode,
  reportProblems,
} from './reporting.rules';

const period = { start: '2023-01-01', end: '2023-12-31' };
const ctx: ReportContext = {
  period,
  indicators: [
    { ref: 'I1', name: '口袋公园', kind: 'count', target: 10 },
    { ref: 'I2', name: '资助残疾人大学生', kind: 'entitlement', target: null },
    { ref: 'I3', name: '工程形象进度', kind: 'percent', target: 100 },
    { ref: 'I4', name: '资金拨付', kind: 'amount', target: '10000000.00' },
  ],
  lastApproved: { I1: 4, I4: '3000000.00' },
  lastApprovedAsOf: '2023-05-31',
  correction: false,
};
const draft = (over: Partial<Parameters<typeof reportProblems>[0]> = {}) => ({
  asOf: '2023-06-30',
  values: { I1: 6, I3: 40, I4: '5000000.00' },
  eligible: {},
  explanations: {},
  ...over,
});

describe('checking a report before it is submitted', () => {
  it('passes a sound report', () => {
    expect(reportProblems(draft(), ctx)).toEqual([]);
  });
  it('refuses negative values', () => {
    expect(reportProblems(draft({ values: { I1: -1 } }), ctx)).toEqual([
      { code: 'REPORT_VALUE_NEGATIVE', field: 'values.I1', message: '口袋公园：累计值不能为负数' },
    ]);
  });
  it('refuses an unknown indicator ref', () => {
    expect(reportProblems(draft({ values: { I9: 1 } }), ctx)).toEqual([
      { code: 'REPORT_INDICATOR_UNKNOWN', field: 'values.I9', message: '项目没有编号为 I9 的指标' },
    ]);
  });
  it('refuses dates outside the plan year', () => {
    expect(reportProblems(draft({ asOf: '2024-01-31' }), ctx)[0]).toEqual({
      code: 'REPORT_DATE_OUTSIDE_PLAN',
      field: 'asOf',
      message: '报告日期应在计划期内（2023-01-01 至 2023-12-31）',
    });
  });
  it('refuses a report on a closed period unless it is a correction', () => {
    expect(reportProblems(draft({ asOf: '2023-04-30' }), ctx)[0]).toMatchObject({
      code: 'REPORT_PERIOD_CLOSED',
      message: expect.stringContaining('所在期已关闭'),
    });
    expect(
      reportProblems(draft({ asOf: '2023-04-30', values: { I1: 4 } }), { ...ctx, correction: true }),
    ).toEqual([]);
    // Refused for its date alone: no comparison with figures of a later month.
    expect(reportProblems(draft({ asOf: '2023-04-30', values: { I1: 3 } }), ctx).map((p) => p.code)).toEqual([
      'REPORT_PERIOD_CLOSED',
    ]);
  });
  it('asks why a value fell below the last approved one', () => {
    expect(reportProblems(draft({ values: { I1: 3 } }), ctx)).toEqual([
      {
        code: 'REPORT_EXPLANATION_REQUIRED',
        field: 'explanations.I1',
        message: '口袋公园：累计值低于上次审核通过的 4，请说明原因',
      },
    ]);
    expect(reportProblems(draft({ values: { I1: 3 }, explanations: { I1: '重复统计已剔除' } }), ctx)).toEqual(
      [],
    );
  });
  it('compares money exactly', () => {
    expect(reportProblems(draft({ values: { I4: '2999999.99' } }), ctx)[0]?.field).toBe('explanations.I4');
  });
  it('asks why a value lies far above the target', () => {
    expect(reportProblems(draft({ values: { I1: 16 } }), ctx)[0]?.message).toBe(
      '口袋公园：累计值超过年度目标 10 的 150%，请说明原因',
    );
    expect(reportProblems(draft({ values: { I1: 15 } }), ctx)).toEqual([]);
  });
  it('refuses money with more than two decimals, in amounts, investment and funds', () => {
    expect(
      reportProblems(
        draft({ values: { I4: '5000000.005' }, investment: 1.234, fundsArrived: '800000.10' }),
        ctx,
      ),
    ).toEqual([
      {
        code: 'REPORT_MONEY_PRECISION',
        field: 'values.I4',
        message: '资金拨付：累计值最多两位小数（精确到分）',
      },
      { code: 'REPORT_MONEY_PRECISION', field: 'investment', message: '完成投资最多两位小数（精确到分）' },
    ]);
    expect(reportProblems(draft({ fundsArrived: '-1' }), ctx)).toEqual([
      { code: 'REPORT_VALUE_NEGATIVE', field: 'fundsArrived', message: '到位资金不能为负数' },
    ]);
  });
  it('gives each kind of problem its own code, and REPORT_INVALID when they are mixed', () => {
    const one = reportProblems(draft({ values: { I1: -1, I3: -2 } }), ctx);
    expect(reportProblemCode(one)).toBe('REPORT_VALUE_NEGATIVE');
    const mixed = reportProblems(draft({ asOf: '2024-01-31', values: { I9: 1 } }), ctx);
    expect(mixed.map((p) => p.code)).toEqual(['REPORT_DATE_OUTSIDE_PLAN', 'REPORT_INDICATOR_UNKNOWN']);
    expect(reportProblemCode(mixed)).toBe('REPORT_INVALID');
  });
  it('checks the figures alone, whatever the date, on every save', () => {
    expect(reportEntryProblems({ values: { I9: 1, I1: 2 }, eligible: {} }, ctx.indicators)).toEqual([
      { code: 'REPORT_INDICATOR_UNKNOWN', field: 'values.I9', message: '项目没有编号为 I9 的指标' },
    ]);
  });
  it('refuses a percentage above 100', () => {
    expect(reportProblems(draft({ values: { I3: 101 } }), ctx)[0]?.message).toBe(
      '工程形象进度：百分比不能超过 100',
    );
  });
  it('takes eligible counts only for entitlement indicators, never negative', () => {
    expect(reportProblems(draft({ values: { I2: 10 }, eligible: { I2: 12 } }), ctx)).toEqual([]);
    expect(reportProblems(draft({ eligible: { I1: 12 } }), ctx)[0]?.message).toBe(
      '只有应补尽补类指标填写应享受人数',
    );
    expect(reportProblems(draft({ eligible: { I2: -1 } }), ctx)[0]?.message).toBe('应享受人数不能为负数');
  });
});

describe('the reporting calendar', () => {
  it('expects each month by the 5th of the next', () => {
    expect(expectedReports(period, 5, '2023-03-04')).toEqual([{ asOf: '2023-01-31', due: '2023-02-05' }]);
    expect(expectedReports(period, 5, '2023-03-05').map((e) => e.asOf)).toEqual(['2023-01-31', '2023-02-28']);
  });
  it('knows February in a leap year and December due in January', () => {
    const leap = { start: '2024-01-01', end: '2024-12-31' };
    const all = expectedReports(leap, 5, '2025-06-01');
    expect(all).toHaveLength(12);
    expect(all[1]).toEqual({ asOf: '2024-02-29', due: '2024-03-05' });
    expect(all[11]).toEqual({ asOf: '2024-12-31', due: '2025-01-05' });
  });
  it('keeps a reporting day past the end of a short month inside it', () => {
    expect(expectedReports(period, 31, '2023-03-31')[0]).toEqual({ asOf: '2023-01-31', due: '2023-02-28' });
  });
  it('flags on-time, late and missing months', () => {
    const expected = expectedReports(period, 5, '2023-04-10');
    const flags = reportFlags(expected, [
      { asOf: '2023-01-31', submittedOn: '2023-02-03' },
      { asOf: '2023-02-28', submittedOn: '2023-03-08' },
      { asOf: '2023-03-31', submittedOn: null },
    ]);
    expect(flags.map((f) => f.flag)).toEqual(['on-time', 'late', 'missing']);
  });
});
