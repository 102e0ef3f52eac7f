import { describe, expect, it } from 'vitest';
import {
  checkProjectEntry,
  fieldOfPath,
  mayEnterProjects,
  nextRef,
  planIndicatorChanges,
  withIndicatorRefs,
} from './project-entry.rules';
import { type ProjectEntryBody, projectEntrySchema } from './project-entry.schema';

const UNIT = '6f1c2a4e-8b1d-4c3a-9e2f-0a1b2c3d4e5f';
const ctx = { period: { start: '2023-01-01', end: '2023-12-31' }, regionCode: '140521' };
const entry = (over: Partial<ProjectEntryBody> = {}) =>
  projectEntrySchema.parse({ name: '口袋公园建设项目', leadUnitIds: [UNIT], ...over });

describe('when projects may be typed in', () => {
  it('is while the plan year is being implemented, not before the vote or after the year', () => {
    expect(mayEnterProjects('implement')).toBe(true);
    for (const stage of ['solicit', 'triage', 'draft', 'screen', 'review', 'vote', 'evaluate', 'closed'])
      expect(mayEnterProjects(stage)).toBe(false);
  });
});

describe('refs', () => {
  it('takes the next free number, padded for projects', () => {
    expect(nextRef('P', [], 2)).toBe('P01');
    expect(nextRef('P', ['P01', 'P03', 'C01'], 2)).toBe('P02');
    expect(nextRef('I', ['I1', 'I2'])).toBe('I3');
  });

  it('keeps the refs given and numbers the rest around them', () => {
    expect(withIndicatorRefs([{ ref: 'I2' }, {}, { ref: ' ' }, {}]).map((i) => i.ref)).toEqual([
      'I2',
      'I1',
      'I3',
      'I4',
    ]);
  });

  it('names form fields as the console does', () => {
    expect(fieldOfPath('indicators[0].target')).toBe('indicators.0.target');
    expect(fieldOfPath('milestones[1].planned.I2')).toBe('milestones.1.planned.I2');
    expect(fieldOfPath('milestones[1].planned["二期"]')).toBe('milestones.1.planned.二期');
    expect(fieldOfPath('budget')).toBe('budget');
  });
});

describe('checking an entry by the plan format’s rules', () => {
  it('normalises money and numbers typed as text', () => {
    const checked = checkProjectEntry(
      'P01',
      entry({
        budget: '1000000',
        indicators: [
          { name: '新建口袋公园', unit: '个', kind: 'count', target: '6' },
          { name: '完成投资', kind: 'amount', target: 1000000 },
          { name: '进度', kind: 'percent', target: '' },
        ],
        milestones: [
          { due: '2023-06-30', planned: { I1: '3', I2: '400000', I3: null }, investment: '400000.5' },
        ],
      }),
      ctx,
    );
    expect(checked).toMatchObject({
      ok: true,
      project: {
        ref: 'P01',
        budget: '1000000.00',
        indicators: [
          { ref: 'I1', kind: 'count', target: 6 },
          { ref: 'I2', kind: 'amount', target: '1000000.00' },
          { ref: 'I3', kind: 'percent' },
        ],
        milestones: [{ due: '2023-06-30', planned: { I1: 3, I2: '400000.00' }, investment: '400000.50' }],
      },
    });
  });

  it('lists every problem with its field: targets by kind, dates, planned values', () => {
    const checked = checkProjectEntry(
      'P01',
      entry({
        indicators: [
          { name: '新建口袋公园', kind: 'count', target: 0 },
          { name: '残疾学生资助', kind: 'entitlement', target: 10 },
          { name: '进度', kind: 'percent', target: 120 },
          { name: '节点', kind: 'milestone' },
          { name: '户数', kind: 'coverage', target: 'abc' },
        ],
        milestones: [
          { due: '2023-09-30', planned: { I1: 5 } },
          { due: '2023-12-31', planned: { I1: 3, I7: 1 } },
          { due: '2022-12-31' },
        ],
      }),
      ctx,
    );
    expect(checked.ok).toBe(false);
    expect(checked.ok ? [] : checked.problems).toEqual([
      { field: 'indicators.0.target', message: '目标值必须大于 0' },
      {
        field: 'indicators.1.target',
        message: '应补尽补类指标不设固定目标：应享受人数在进度报告的 eligible 中填写',
      },
      { field: 'indicators.2.target', message: '百分比应在 0–100 之间' },
      { field: 'indicators.4.target', message: '必须是数字' },
      { field: 'milestones.1.planned.I7', message: '本项目没有编号为 I7 的指标' },
      { field: 'milestones.2.due', message: '日期必须在计划期内（2023-01-01 至 2023-12-31）' },
    ]);
  });

  it('says which planned value falls below an earlier milestone’s', () => {
    const checked = checkProjectEntry(
      'P01',
      entry({
        indicators: [{ name: '新建口袋公园', kind: 'count', target: 6 }],
        milestones: [
          { due: '2023-09-30', planned: { I1: 5 } },
          { due: '2023-12-31', planned: { I1: 3 } },
        ],
      }),
      ctx,
    );
    expect(checked.ok ? [] : checked.problems).toEqual([
      { field: 'milestones.1.planned.I1', message: '计划值是累计值，不能小于更早节点（2023-09-30）的 5' },
    ]);
  });

  it('wants a target for counts, amounts and coverage only', () => {
    const checked = checkProjectEntry(
      'P01',
      entry({
        indicators: [
          { name: 'a', kind: 'count' },
          { name: 'b', kind: 'amount', target: null },
          { name: 'c', kind: 'coverage', target: '' },
          { name: 'd', kind: 'entitlement' },
          { name: 'e', kind: 'percent' },
        ],
      }),
      ctx,
    );
    expect(checked.ok ? [] : checked.problems.map((p) => `${p.field} ${p.message}`)).toEqual([
      'indicators.0.target 请填写目标值',
      'indicators.1.target 请填写目标值',
      'indicators.2.target 请填写目标值',
    ]);
  });
});

describe('the edge schema', () => {
  it('answers in Chinese on the field', () => {
    const result = projectEntrySchema.safeParse({
      name: ' ',
      leadUnitIds: [],
      budget: '12.345',
      leaders: [{ role: '责任人', name: '王波', phone: 'abc' }],
      indicators: [{ name: '新建', kind: 'other' }],
      milestones: [{ due: '2023-02-30' }],
    });
    expect(result.success).toBe(false);
    const issues = result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['name', '请填写项目名称'],
        ['leadUnitIds', '请选择牵头单位'],
        ['budget', '金额最多两位小数（精确到分）'],
        ['leaders.0.phone', '联系电话格式不正确'],
        ['indicators.0.kind', '请选择指标类型'],
        ['milestones.0.due', '日期应为 YYYY-MM-DD'],
      ]),
    );
  });

  it('reads a negative budget as a problem, an empty one as none', () => {
    expect(
      projectEntrySchema.safeParse({ name: 'x', leadUnitIds: [UNIT], budget: '-1' }).error?.issues[0],
    ).toMatchObject({
      path: ['budget'],
      message: '金额不能为负数',
    });
    expect(projectEntrySchema.parse({ name: 'x', leadUnitIds: [UNIT], budget: '' }).budget).toBeNull();
  });
});

describe('changing an edited project’s indicators', () => {
  const stored = [
    { id: 'a', ref: 'I1', name: '改造管网', kind: 'count', inUse: true },
    { id: 'b', ref: 'I2', name: '供热面积', kind: 'count', inUse: false },
    { id: 'c', ref: 'I3', name: '投资', kind: 'amount', inUse: true },
  ];

  it('keeps rows by ref, inserts new refs and removes unused ones', () => {
    expect(
      planIndicatorChanges(stored, [
        { ref: 'I3', kind: 'amount' },
        { ref: 'I1', kind: 'count' },
        { ref: 'I4', kind: 'percent' },
      ]),
    ).toEqual({
      keep: [
        { id: 'c', index: 0 },
        { id: 'a', index: 1 },
      ],
      insert: [2],
      remove: ['b'],
      problems: [],
    });
  });

  it('refuses to remove or retype an indicator that has reports or allocations', () => {
    expect(planIndicatorChanges(stored, [{ ref: 'I1', kind: 'percent' }]).problems).toEqual([
      { field: 'indicators.0.kind', message: '指标 I1（改造管网）已有进度报告或任务分解，不能改变类型' },
      { field: 'indicators', message: '指标 I3（投资）已有进度报告或任务分解，不能删除' },
    ]);
  });

  it('lets an unused indicator change kind', () => {
    const plan = planIndicatorChanges(stored, [
      { ref: 'I1', kind: 'count' },
      { ref: 'I2', kind: 'coverage' },
      { ref: 'I3', kind: 'amount' },
    ]);
    expect(plan.problems).toEqual([]);
    expect(plan.keep.map((k) => k.id)).toEqual(['a', 'b', 'c']);
  });
});
