import { describe, expect, it } from 'vitest';
import { DomainError } from '../../kernel/errors';
import henan from '../progress/henan-2023.plan.fixture.json';
import { LIGHT_PRESETS } from '../progress/lights.rules';
import { type PlanDocument, type PlanProject, parsePlanDocument } from '../progress/plan-format.schema';
import { assessPlan } from './bulletin.rules';

function plan(doc: unknown): PlanDocument {
  const r = parsePlanDocument(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.plan;
}

const henan2023 = () => plan(henan);

function project(ref: string, p: Partial<PlanProject> & Pick<PlanProject, 'indicators'>): PlanProject {
  return {
    ref,
    name: `项目${ref}`,
    leadUnits: [],
    partnerUnits: [],
    leaders: [],
    milestones: [],
    reports: [],
    allocations: [],
    ...p,
  };
}

/** The spec's 山西 example: lunches, student aid and performances, reported on 25 August. */
function shanxi(): PlanDocument {
  return {
    format: 'minsheng.plan/v1',
    region: { code: '140000', name: '山西省' },
    year: 2023,
    period: { start: '2023-01-01', end: '2023-12-31' },
    projects: [
      project('P08', {
        name: '送戏下乡',
        indicators: [{ ref: 'I1', name: '送戏下乡演出', unit: '场', kind: 'count', target: 10000 }],
        reports: [{ asOf: '2023-08-25', values: { I1: 13329 }, eligible: {} }],
      }),
      project('P02', {
        name: '城区小学午餐',
        indicators: [
          { ref: 'I2', name: '具备午餐条件的城区小学', unit: '所', kind: 'coverage', target: 284 },
        ],
        reports: [{ asOf: '2023-08-25', values: { I2: 284 }, eligible: {} }],
      }),
      project('P05', {
        name: '资助残疾人大学生',
        indicators: [{ ref: 'I3', name: '资助残疾人大学生', unit: '人', kind: 'entitlement' }],
        reports: [{ asOf: '2023-08-25', values: { I3: 5806 }, eligible: { I3: 5806 } }],
      }),
      project('P11', {
        name: '惠民补贴',
        indicators: [{ ref: 'A', name: '发放补贴资金', kind: 'amount', target: '100000000.00' }],
        milestones: [{ due: '2023-12-31', planned: { A: '100000000.00' } }],
        reports: [
          { asOf: '2023-08-25', values: { A: '50000000.00' }, eligible: {} },
          // Filed after the bulletin date: must not count.
          { asOf: '2023-09-30', values: { A: '90000000.00' }, eligible: {} },
        ],
      }),
    ],
  };
}

describe('the bulletin as data (npx minsheng bulletin --format json)', () => {
  it('has exactly the fields of the spec', () => {
    const a = assessPlan(shanxi(), '2023-08-29');
    expect(Object.keys(a)).toEqual([
      'region',
      'year',
      'asOf',
      'elapsed',
      'total',
      'completed',
      'inProgress',
      'lagging',
      'completedBy',
      'projects',
    ]);
    expect(Object.keys(a.projects[0]!)).toEqual([
      'ref',
      'name',
      'status',
      'completedAs',
      'completion',
      'planned',
      'light',
      'indicators',
    ]);
    expect(Object.keys(a.projects[0]!.indicators[0]!)).toEqual(['ref', 'value', 'target', 'completion']);
  });

  it('reads the spec example: 序时 0.6603 on 29 August, P08 exceeded at 1.3329', () => {
    const a = assessPlan(shanxi(), '2023-08-29');
    expect(a).toMatchObject({ region: '140000', year: 2023, asOf: '2023-08-29', elapsed: 0.6603 });
    expect(a.projects[0]).toEqual({
      ref: 'P08',
      name: '送戏下乡',
      status: 'completed',
      completedAs: 'exceeded',
      completion: 1.3329,
      planned: null,
      light: 'green',
      indicators: [{ ref: 'I1', value: 13329, target: 10000, completion: 1.3329 }],
    });
  });

  it('counts completed, in progress and lagging projects, and how the completed read', () => {
    const a = assessPlan(shanxi(), '2023-08-29');
    expect(a).toMatchObject({
      total: 4,
      completed: 3,
      inProgress: 1,
      lagging: 1,
      completedBy: { exceeded: 1, coverage: 1, entitlement: 1, met: 0 },
    });
    expect(a.projects.map((p) => [p.ref, p.status, p.completedAs])).toEqual([
      ['P08', 'completed', 'exceeded'],
      ['P02', 'completed', 'coverage'],
      ['P05', 'completed', 'entitlement'],
      ['P11', 'lagging', null],
    ]);
  });

  it('uses only reports dated on or before the bulletin date', () => {
    const p11 = assessPlan(shanxi(), '2023-08-29').projects[3]!;
    expect(p11.indicators).toEqual([
      { ref: 'A', value: '50000000.00', target: '100000000.00', completion: 0.5 },
    ]);
    expect(assessPlan(shanxi(), '2023-09-30').projects[3]!.indicators[0]!.value).toBe('90000000.00');
  });

  it('gives the eligible count as the target of an entitlement indicator', () => {
    expect(assessPlan(shanxi(), '2023-08-29').projects[2]!.indicators).toEqual([
      { ref: 'I3', value: 5806, target: 5806, completion: 1 },
    ]);
  });

  it('gives the planned share where a plan exists, to 4 decimals', () => {
    // 241 of 365 days of a plan reaching 1亿 on 31 December.
    expect(assessPlan(shanxi(), '2023-08-29').projects[3]!.planned).toBe(0.6603);
  });

  it('reads the whole of Henan 2023 at year end: ten projects done, nine exceeded (seed 002)', () => {
    const a = assessPlan(henan2023(), '2023-12-31');
    expect(a).toMatchObject({
      region: '410000',
      elapsed: 1,
      total: 10,
      completed: 10,
      inProgress: 0,
      lagging: 0,
      completedBy: { exceeded: 9, coverage: 0, entitlement: 0, met: 1 },
    });
    expect(a.projects[1]).toMatchObject({ name: '改善农村学校办学条件', completedAs: 'met', completion: 1 });
  });

  it('gives the published completion rates of Henan’s figures (142.9%, 164.4%, 155.9%)', () => {
    const training = assessPlan(henan2023(), '2023-12-31').projects[0]!;
    expect(training.indicators.map((i) => i.completion)).toEqual([1.429, 1.644, 1.5594]);
    // The project is as done as its least-done indicator.
    expect(training.completion).toBe(1.429);
  });

  it('reads Henan on 25 August with nothing reported yet as every project behind', () => {
    const a = assessPlan(henan2023(), '2023-08-25');
    expect(a).toMatchObject({ elapsed: 0.6493, completed: 0, inProgress: 10, lagging: 10 });
    expect(a.projects.every((p) => p.completion === 0 && p.light === 'red')).toBe(true);
  });

  it('colours projects by the light rule it is given', () => {
    const a = assessPlan(shanxi(), '2023-08-29', { lightRule: LIGHT_PRESETS.dazu });
    // Completed projects are blue in 大足; half the money paid is 16 points behind 序时: orange.
    expect(a.projects.map((p) => p.light)).toEqual(['blue', 'blue', 'blue', 'orange']);
  });

  it('uses the status thresholds it is given', () => {
    const a = assessPlan(shanxi(), '2023-08-29', { thresholds: { onTrackGap: 0.2, severeGap: 0.5 } });
    expect(a.projects[3]!.status).toBe('on-track');
    expect(a.lagging).toBe(0);
  });

  it('refuses a bulletin date that is not a real date', () => {
    expect(() => assessPlan(shanxi(), '2023-02-30')).toThrow(DomainError);
    expect(() => assessPlan(shanxi(), '29/08/2023')).toThrow('日期应为 YYYY-MM-DD 格式的真实日期');
  });

  it('reads a plan with no projects as all zeros', () => {
    const a = assessPlan({ ...shanxi(), projects: [] }, '2023-08-29');
    expect(a).toMatchObject({ total: 0, completed: 0, inProgress: 0, lagging: 0, projects: [] });
  });
});
