import { describe, expect, it } from 'vitest';
import {
  assessProject,
  checkStatusThresholds,
  completedAs,
  DEFAULT_STATUS_THRESHOLDS,
  indicatorTarget,
  isBehind,
  isProjectCompleted,
  latestFigures,
  latestReport,
  plannedCompletion,
  projectCompletion,
  projectStatus,
  scheduleGap,
} from './assessment.rules';
import { LIGHT_PRESETS } from './lights.rules';
import type { PlanProject, PlanReport } from './plan-format.schema';
import { calendarYearPeriod } from './schedule.rules';

const year = calendarYearPeriod(2023);

function project(p: Partial<PlanProject> & Pick<PlanProject, 'indicators'>): PlanProject {
  return {
    ref: 'P01',
    name: '测试项目',
    leadUnits: [],
    partnerUnits: [],
    leaders: [],
    milestones: [],
    reports: [],
    allocations: [],
    ...p,
  };
}

/** 沁水县 2023 文化惠民工程 (seed 001): 2000 events, 200 / 700 / 900 / 200 a quarter. */
function culture(reports: PlanReport[]): PlanProject {
  return project({
    ref: 'P09',
    name: '文化惠民工程',
    indicators: [{ ref: 'I1', name: '群众文化惠民活动', unit: '场', kind: 'count', target: 2000 }],
    milestones: [
      { due: '2023-03-31', planned: { I1: 200 } },
      { due: '2023-06-30', planned: { I1: 900 } },
      { due: '2023-09-30', planned: { I1: 1800 } },
      { due: '2023-12-31', planned: { I1: 2000 } },
    ],
    reports,
  });
}

const report = (
  asOf: string,
  values: PlanReport['values'],
  eligible: PlanReport['eligible'] = {},
): PlanReport => ({
  asOf,
  values,
  eligible,
});

describe('project completion', () => {
  it('is the least-done indicator: a project is as done as its least-done indicator', () => {
    expect(projectCompletion([{ completion: 1.3329 }, { completion: 0.4 }, { completion: 1 }])).toBe(0.4);
  });

  it('is 0 for a project without indicators', () => {
    expect(projectCompletion([])).toBe(0);
  });

  it('is complete only when every indicator is done, and never with no indicator', () => {
    expect(isProjectCompleted([{ done: true }, { done: true }])).toBe(true);
    expect(isProjectCompleted([{ done: true }, { done: false }])).toBe(false);
    expect(isProjectCompleted([])).toBe(false);
  });
});

describe('how a completed project reads (completedAs), the first that applies', () => {
  it('reads 超额完成 when a count or amount indicator is above target, even beside coverage', () => {
    expect(
      completedAs([
        { kind: 'coverage', exceeded: false },
        { kind: 'count', exceeded: true },
      ]),
    ).toBe('exceeded');
  });

  it('reads 全覆盖 with a coverage indicator and nothing exceeded', () => {
    expect(
      completedAs([
        { kind: 'entitlement', exceeded: false },
        { kind: 'coverage', exceeded: false },
      ]),
    ).toBe('coverage');
  });

  it('reads 应补尽补 with an entitlement indicator and no coverage', () => {
    expect(
      completedAs([
        { kind: 'count', exceeded: false },
        { kind: 'entitlement', exceeded: false },
      ]),
    ).toBe('entitlement');
  });

  it('reads as met otherwise', () => {
    expect(
      completedAs([
        { kind: 'count', exceeded: false },
        { kind: 'percent', exceeded: false },
      ]),
    ).toBe('met');
  });
});

describe('status from the gap to 序时 and plan', () => {
  it('takes the furthest behind of 序时 and each indicator’s own plan', () => {
    expect(scheduleGap(0.6, [{ completion: 0.7, planned: null }])).toBe(-0.1);
    expect(scheduleGap(0.6, [{ completion: 0.7, planned: 0.8 }])).toBe(0.1);
    expect(
      scheduleGap(0.6, [
        { completion: 0.9, planned: 0.95 },
        { completion: 0.5, planned: null },
      ]),
    ).toBe(0.1);
  });

  it('counts a project without indicators as behind by all of 序时', () => {
    expect(scheduleGap(0.6493, [])).toBe(0.6493);
  });

  it.each([
    [-0.2, 'ahead'],
    [0, 'ahead'],
    [0.0001, 'on-track'],
    [0.05, 'on-track'],
    [0.0501, 'lagging'],
    [0.3, 'lagging'],
    [0.3001, 'severely-lagging'],
    [1, 'severely-lagging'],
  ] as const)('a gap of %s reads %s by default', (gap, status) => {
    expect(projectStatus(false, gap)).toBe(status);
  });

  it('reads completed whatever the gap', () => {
    expect(projectStatus(true, 0.9)).toBe('completed');
  });

  it('calls every shortfall 滞后 when the on-track tolerance is 0', () => {
    expect(projectStatus(false, 0.0001, { onTrackGap: 0, severeGap: 0.3 })).toBe('lagging');
  });

  it('counts lagging and severely lagging as behind, nothing else', () => {
    expect(
      ['completed', 'ahead', 'on-track', 'lagging', 'severely-lagging'].map((s) => isBehind(s as never)),
    ).toEqual([false, false, false, true, true]);
  });

  it('checks thresholds a region sets', () => {
    expect(checkStatusThresholds(DEFAULT_STATUS_THRESHOLDS)).toEqual([]);
    expect(checkStatusThresholds({ onTrackGap: -0.1, severeGap: 2 })).toEqual([
      { path: 'onTrackGap', message: '应在 0 到 1 之间' },
      { path: 'severeGap', message: '应在 0 到 1 之间' },
    ]);
    expect(checkStatusThresholds({ onTrackGap: 0.2, severeGap: 0.1 })).toEqual([
      { path: 'severeGap', message: '严重滞后的界限不能小于基本符合序时的界限' },
    ]);
  });
});

describe('the latest approved figures at a date', () => {
  const reports = [
    report('2023-09-30', { I1: 1800 }),
    report('2023-03-31', { I1: 210, I2: 5 }, { I3: 100 }),
    report('2023-06-30', { I1: 950 }, { I3: 120 }),
  ];

  it('takes the newest report on or before the date, whatever order they come in', () => {
    expect(latestFigures(reports, '2023-08-25').get('I1')).toEqual({
      value: 950,
      eligible: null,
      asOf: '2023-06-30',
    });
    expect(latestFigures(reports, '2023-06-30').get('I1')?.value).toBe(950);
    expect(latestFigures(reports, '2023-06-29').get('I1')?.value).toBe(210);
  });

  it('ignores reports dated after the date', () => {
    expect(latestFigures(reports, '2023-03-30').size).toBe(0);
  });

  it('keeps an indicator’s value from an older report when the newest leaves it out', () => {
    expect(latestFigures(reports, '2023-12-31').get('I2')).toEqual({
      value: 5,
      eligible: null,
      asOf: '2023-03-31',
    });
  });

  it('takes the newest eligible count', () => {
    expect(latestFigures(reports, '2023-12-31').get('I3')?.eligible).toBe(120);
  });

  it('finds the newest report itself, or none', () => {
    expect(latestReport(reports, '2023-08-25')?.asOf).toBe('2023-06-30');
    expect(latestReport(reports, '2023-01-01')).toBeNull();
  });
});

describe('targets and planned shares', () => {
  it('measures a milestone indicator against all of the project’s milestones unless told otherwise', () => {
    expect(indicatorTarget({ ref: 'M', name: '建设', kind: 'milestone' }, 4)).toBe(4);
    expect(indicatorTarget({ ref: 'M', name: '建设', kind: 'milestone', target: 2 }, 4)).toBe(2);
    expect(indicatorTarget({ ref: 'E', name: '资助', kind: 'entitlement' }, 4)).toBeNull();
    expect(indicatorTarget({ ref: 'P', name: '进度', kind: 'percent' }, 4)).toBeNull();
  });

  it('reads the planned share off the milestones: 1447.8 of 2000 events planned by 25 August', () => {
    const p = culture([]);
    // 25 August lies 56 of the 92 days from 30 June (900) to 30 September (1800).
    expect(plannedCompletion(p, p.indicators[0]!, 2000, year, '2023-08-25')).toBeCloseTo(
      (900 + (900 * 56) / 92) / 2000,
      12,
    );
  });

  it('plans one more milestone reached at each due date for a milestone indicator without planned values', () => {
    const p = project({
      indicators: [{ ref: 'M', name: '零工市场建设', kind: 'milestone' }],
      milestones: [
        { due: '2023-03-31', text: '制定方案、选址', planned: {} },
        { due: '2023-06-30', text: '主体认定、设施建设', planned: {} },
        { due: '2023-09-30', text: '人才队伍建设', planned: {} },
        { due: '2023-12-31', text: '试运行', planned: {} },
      ],
    });
    expect(plannedCompletion(p, p.indicators[0]!, 4, year, '2023-06-30')).toBe(0.5);
    expect(plannedCompletion(p, p.indicators[0]!, 4, year, '2023-12-31')).toBe(1);
  });

  it('plans amounts in yuan', () => {
    const p = project({
      indicators: [{ ref: 'A', name: '发放补贴资金', kind: 'amount', target: '100000000.00' }],
      milestones: [{ due: '2023-06-30', planned: { A: '50000000.00' } }],
    });
    expect(plannedCompletion(p, p.indicators[0]!, '100000000.00', year, '2023-06-30')).toBe(0.5);
  });

  it('is null without a plan or without anything to measure against', () => {
    const p = culture([]);
    expect(plannedCompletion({ milestones: [] }, p.indicators[0]!, 2000, year, '2023-08-25')).toBeNull();
    expect(plannedCompletion(p, p.indicators[0]!, null, year, '2023-08-25')).toBeNull();
  });
});

describe('assessing a project at a date', () => {
  // 序时 on 25 August: 0.6493; planned: 1447.8 of 2000 = 0.7239.
  it.each([
    [1500, 'ahead', 'green'],
    [1400, 'on-track', 'green'],
    [1000, 'lagging', 'yellow'],
    [500, 'severely-lagging', 'red'],
  ] as const)('reads %s of 2000 events on 25 August as %s (%s light by default)', (done, status, light) => {
    const a = assessProject(culture([report('2023-07-31', { I1: done })]), year, '2023-08-25');
    expect(a.status).toBe(status);
    expect(a.light).toBe(light);
    expect(a.completion).toBe(done / 2000);
    expect(a.planned).toBeCloseTo(0.7239, 4);
  });

  it('gives the figures of every indicator with the date they were reported', () => {
    const a = assessProject(culture([report('2023-07-31', { I1: 1500 })]), year, '2023-08-25');
    expect(a.indicators).toEqual([
      {
        ref: 'I1',
        kind: 'count',
        value: 1500,
        target: 2000,
        completion: 0.75,
        done: false,
        exceeded: false,
        planned: expect.closeTo(0.7239, 4),
        reportedOn: '2023-07-31',
      },
    ]);
    expect(a.latestReport?.asOf).toBe('2023-07-31');
  });

  it('reads a project that reported nothing as 0 done', () => {
    const a = assessProject(culture([]), year, '2023-08-25');
    expect(a).toMatchObject({
      completion: 0,
      status: 'severely-lagging',
      completedAs: null,
      latestReport: null,
    });
    expect(a.indicators[0]).toMatchObject({ value: 0, reportedOn: null });
  });

  it('reads every project as ahead before the period starts', () => {
    expect(assessProject(culture([]), year, '2022-12-31').status).toBe('ahead');
  });

  it('reads a completed project with how it was completed', () => {
    const a = assessProject(culture([report('2023-11-30', { I1: 2100 })]), year, '2023-12-01');
    expect(a).toMatchObject({
      status: 'completed',
      completedAs: 'exceeded',
      completion: 1.05,
      light: 'green',
    });
  });

  it('reads 全覆盖 and 应补尽补 for a lunch and a student aid project', () => {
    const p = project({
      indicators: [
        { ref: 'I2', name: '具备午餐条件的城区小学', unit: '所', kind: 'coverage', target: 284 },
        { ref: 'I3', name: '资助残疾人大学生', unit: '人', kind: 'entitlement' },
      ],
      reports: [report('2023-08-25', { I2: 284, I3: 5806 }, { I3: 5806 })],
    });
    expect(assessProject(p, year, '2023-08-29')).toMatchObject({
      status: 'completed',
      completedAs: 'coverage',
    });
  });

  it('is not completed without indicators', () => {
    const a = assessProject(project({ indicators: [] }), year, '2023-08-25');
    expect(a).toMatchObject({ status: 'severely-lagging', completion: 0, completedAs: null, planned: null });
  });

  it('reads a project on its own back-loaded plan as still behind 序时 (滞后 is against both)', () => {
    // 沁水县 2023 残疾人关爱行动: insurance in 6 steps; 4368 health checks at 650 a month from June.
    const p = project({
      ref: 'P10',
      name: '残疾人关爱行动',
      indicators: [
        { ref: 'I1', name: '为残疾人缴纳意外伤害保险', kind: 'milestone', target: 6 },
        { ref: 'I2', name: '为重度残疾人提供免费体检', unit: '人', kind: 'count', target: 4368 },
      ],
      milestones: [
        { due: '2023-02-28', text: '资金审批', planned: { I1: 1 } },
        { due: '2023-03-31', text: '资金到位', planned: { I1: 2 } },
        { due: '2023-05-31', text: '精准摸底', planned: { I1: 3 } },
        { due: '2023-06-30', planned: { I2: 650 } },
        { due: '2023-07-31', text: '确定保险公司', planned: { I1: 4, I2: 1300 } },
        { due: '2023-08-31', text: '签订保险协议', planned: { I1: 5, I2: 1950 } },
        { due: '2023-10-31', text: '上报市残联备案', planned: { I1: 6, I2: 3250 } },
        { due: '2023-12-31', planned: { I2: 4368 } },
      ],
      reports: [report('2023-08-20', { I1: 4, I2: 1300 })],
    });
    const a = assessProject(p, year, '2023-08-25');
    expect(a.indicators.map((i) => i.planned)).toEqual([
      expect.closeTo((4 + 25 / 31) / 6, 9),
      expect.closeTo((1300 + (650 * 25) / 31) / 4368, 9),
    ]);
    expect(a.completion).toBeCloseTo(1300 / 4368, 12);
    expect(a.gap).toBeCloseTo(237 / 365 - 1300 / 4368, 9);
    expect(a.status).toBe('severely-lagging');
  });

  it('uses the thresholds and light rule it is given', () => {
    const p = culture([report('2023-07-31', { I1: 1100 })]);
    const a = assessProject(p, year, '2023-08-25', {
      thresholds: { onTrackGap: 0.2, severeGap: 0.5 },
      lightRule: LIGHT_PRESETS.wuhan,
    });
    // 0.55 is 84.7% of 序时 0.6493: green in Wuhan.
    expect(a).toMatchObject({ status: 'on-track', light: 'green' });
  });
});
