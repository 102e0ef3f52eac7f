import { describe, expect, it } from 'vitest';
import { assessPlan } from '../reports/bulletin.rules';
import { inExchangeKinds } from './plan-export.rules';
import { type PlanDocument, parsePlanDocument } from './plan-format.schema';

const EXCHANGE_KINDS = ['count', 'amount', 'coverage', 'entitlement', 'percent'];

/** 沁水县's 县城中心城区慢行系统改造: adopted from the candidate list with dated steps and no figures. */
const document = {
  format: 'minsheng.plan/v1',
  region: { code: '140521', name: '沁水县' },
  year: 2023,
  projects: [
    {
      ref: 'P04',
      name: '县城中心城区慢行系统改造项目',
      indicators: [{ ref: 'M1', name: '推进计划节点', unit: '个', kind: 'milestone' }],
      // Out of date order on purpose: the plan reads one more step reached at each due date.
      milestones: [
        { due: '2023-09-30', text: '主体完工' },
        { due: '2023-03-31', text: '完成设计和招标' },
        { due: '2023-12-31', text: '竣工验收' },
      ],
      reports: [{ asOf: '2023-06-30', values: { M1: 1 } }],
    },
    {
      ref: 'P05',
      name: '城乡居民基本医保门诊统筹服务能力提升项目',
      indicators: [
        { ref: 'I1', name: '村卫生室门诊统筹覆盖', unit: '个', kind: 'coverage', target: 221 },
        { ref: 'M1', name: '推进计划节点', kind: 'milestone', target: 2 },
      ],
      milestones: [
        { due: '2023-06-30', planned: { I1: 100, M1: 1 } },
        { due: '2023-12-31', planned: { I1: 221, M1: 2 } },
      ],
      reports: [{ asOf: '2023-08-31', values: { I1: 180, M1: 1 } }],
    },
    {
      ref: 'P08',
      name: '文化惠民工程',
      indicators: [{ ref: 'I1', name: '送戏下乡', unit: '场', kind: 'count', target: 10000 }],
      milestones: [],
      reports: [{ asOf: '2023-08-31', values: { I1: 13329 } }],
    },
  ],
};

/** How each project reads at a date: what an outside tool's re-import must not change. */
const standing = (a: ReturnType<typeof assessPlan>) =>
  a.projects.map(({ status, completion, planned, light, completedAs }) => ({
    status,
    completion,
    planned,
    light,
    completedAs,
  }));

function parsed(json: unknown): PlanDocument {
  const result = parsePlanDocument(json);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}

describe('the plan as exported, in the exchange format’s kinds', () => {
  const plan = parsed(document);
  const exported = inExchangeKinds(plan);

  it('writes a milestone indicator as a count of milestones reached, its target made explicit', () => {
    const kinds = exported.projects.flatMap((p) => p.indicators.map((i) => i.kind));
    for (const kind of kinds) expect(EXCHANGE_KINDS).toContain(kind);
    expect(exported.projects[0]!.indicators[0]).toEqual({
      ref: 'M1',
      name: '推进计划节点',
      unit: '个',
      kind: 'count',
      target: 3,
    });
    expect(exported.projects[1]!.indicators[1]).toMatchObject({ kind: 'count', target: 2, unit: '个' });
  });

  it('writes out the plan of one more milestone reached at each due date, where none was given', () => {
    expect(exported.projects[0]!.milestones.map((m) => [m.due, m.planned.M1])).toEqual([
      ['2023-09-30', 2],
      ['2023-03-31', 1],
      ['2023-12-31', 3],
    ]);
    expect(exported.projects[1]!.milestones).toEqual(plan.projects[1]!.milestones);
  });

  it('leaves a project without milestone indicators as it was', () => {
    expect(exported.projects[2]).toBe(plan.projects[2]);
  });

  it('is a document the format accepts, and read back it assesses the same on every date', () => {
    const readBack = parsed(JSON.parse(JSON.stringify(exported)));
    expect(inExchangeKinds(readBack)).toEqual(readBack);
    for (const asOf of ['2023-02-01', '2023-03-31', '2023-06-30', '2023-08-31', '2023-10-15', '2023-12-31']) {
      const before = assessPlan(plan, asOf);
      const after = assessPlan(readBack, asOf);
      expect(standing(after)).toEqual(standing(before));
    }
  });
});
