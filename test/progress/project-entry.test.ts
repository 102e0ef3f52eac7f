import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, planYears } from '../../src/db/schema';
import type { Actor } from '../../src/kernel/actor';
import { DomainError } from '../../src/kernel/errors';
import { openPlanYear } from '../../src/modules/plans';
import { exportPlan, importPlan } from '../../src/modules/progress';
import { projectEntrySchema } from '../../src/modules/progress/project-entry.schema';
import { createProject, editProject, projectEntry } from '../../src/modules/progress/use-cases/project-entry';
import { planOverview } from '../../src/modules/progress/use-cases/views';
import { insertUnit } from '../../src/modules/units';
import { seedRegions } from '../../src/seed/seed';
import { configFromEnv } from '../../src/server/config';
import { type AppDeps, createDeps } from '../../src/server/deps';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';

const coordinator: Actor = {
  userId: '00000000-0000-4000-8000-000000000001',
  username: 'qinshui.coord',
  displayName: '沁水县民生办',
  grants: [{ role: 'coordinator', regionCode: '140521' }],
};
const otherCounty: Actor = {
  userId: '00000000-0000-4000-8000-000000000002',
  username: 'yangcheng.coord',
  displayName: '阳城县民生办',
  grants: [{ role: 'coordinator', regionCode: '140522' }],
};

/** What the console's form sends for 老旧小区改造 (seed 001), every kind of indicator included. */
function entry(units: { lead: string; partner: string }) {
  return projectEntrySchema.parse({
    name: '老旧小区改造项目',
    field: '城乡建设',
    task: '改造7个小区26栋住宅楼839户',
    planText: '3月底前完成招标并开工；7月底完成屋面改造；年底竣工验收',
    leadUnitIds: [units.lead],
    partnerUnitIds: [units.partner],
    leaders: [
      { role: '县级分管领导', name: '牛正太' },
      { role: '责任人', name: '王波', phone: '13935630633' },
    ],
    budget: '55000000.5',
    indicators: [
      { name: '改造住宅楼', unit: '栋', kind: 'count', target: '26' },
      { name: '完成投资', kind: 'amount', target: '55000000' },
      { name: '惠及居民', unit: '户', kind: 'coverage', target: 839 },
      { name: '困难户补助', unit: '户', kind: 'entitlement' },
      { name: '工程形象进度', unit: '%', kind: 'percent', target: '100' },
    ],
    milestones: [
      {
        due: '2023-03-31',
        text: '完成审批及招标，全面开工',
        planned: { I1: 0, I2: '5000000', I5: '10' },
        investment: '5000000',
      },
      {
        due: '2023-12-31',
        text: '竣工验收',
        planned: { I1: '26', I2: 55000000, I3: 839, I5: 100 },
        investment: '50000000.50',
      },
    ],
  });
}

async function refused(work: Promise<unknown>) {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError & { details: { field: string; message: string }[] };
}

describe.each(testDatabaseKinds())('typing a project in by hand on $name', (kind) => {
  let database: TestDatabase;
  let deps: AppDeps;
  let units: { lead: string; partner: string; elsewhere: string };

  beforeAll(async () => {
    database = await kind.open();
    deps = createDeps(database, configFromEnv({}), () => new Date('2023-09-01T08:00:00Z'));
    await seedRegions(database.db);
    await openPlanYear(deps, 'system:test', { regionCode: '140521', year: 2023, stage: 'implement' });
    await openPlanYear(deps, 'system:test', { regionCode: '140521', year: 2024, stage: 'vote' });
    const add = (regionCode: string, name: string) =>
      insertUnit(database.db, { regionCode, name, kind: 'department' }).then((u) => u.id);
    units = {
      lead: await add('140521', '住建局'),
      partner: await add('140521', '城投公司'),
      elsewhere: await add('140522', '阳城县住建局'),
    };
  });
  afterAll(() => database?.close());

  it('stores every field, shows the project in the list and exports it in the plan format', async () => {
    const created = await createProject(deps, coordinator, '140521', 2023, entry(units));
    expect(created.ref).toBe('P01');
    const overview = await planOverview(deps, coordinator, '140521', 2023, '2023-08-31');
    expect(overview.projects.map((p) => [p.ref, p.name, p.leadUnits])).toEqual([
      ['P01', '老旧小区改造项目', ['住建局']],
    ]);
    const plan = await exportPlan(deps, coordinator, '140521', 2023);
    expect(plan.projects[0]).toEqual({
      ref: 'P01',
      name: '老旧小区改造项目',
      field: '城乡建设',
      task: '改造7个小区26栋住宅楼839户',
      planText: '3月底前完成招标并开工；7月底完成屋面改造；年底竣工验收',
      leadUnits: ['住建局'],
      partnerUnits: ['城投公司'],
      leaders: [
        { role: '县级分管领导', name: '牛正太' },
        { role: '责任人', name: '王波', phone: '13935630633' },
      ],
      budget: '55000000.50',
      indicators: [
        { ref: 'I1', name: '改造住宅楼', unit: '栋', kind: 'count', target: 26 },
        { ref: 'I2', name: '完成投资', kind: 'amount', target: '55000000.00' },
        { ref: 'I3', name: '惠及居民', unit: '户', kind: 'coverage', target: 839 },
        { ref: 'I4', name: '困难户补助', unit: '户', kind: 'entitlement' },
        { ref: 'I5', name: '工程形象进度', unit: '%', kind: 'percent', target: 100 },
      ],
      milestones: [
        {
          due: '2023-03-31',
          text: '完成审批及招标，全面开工',
          planned: { I1: 0, I2: '5000000.00', I5: 10 },
          investment: '5000000.00',
        },
        {
          due: '2023-12-31',
          text: '竣工验收',
          planned: { I1: 26, I2: '55000000.00', I3: 839, I5: 100 },
          investment: '50000000.50',
        },
      ],
      reports: [],
      allocations: [],
    });
  });

  it('records the entry in the audit log under the coordinator’s name', async () => {
    const rows = await database.db.select().from(auditLog).where(eq(auditLog.tableName, 'projects'));
    expect(rows.map((r) => [r.actor, r.action])).toContainEqual(['user:qinshui.coord', 'insert']);
  });

  it('numbers the next project P02 and refuses a ref already taken', async () => {
    expect(
      (await createProject(deps, coordinator, '140521', 2023, { ...entry(units), name: '口袋公园' })).ref,
    ).toBe('P02');
    const error = await refused(
      createProject(deps, coordinator, '140521', 2023, { ...entry(units), ref: 'P01' }),
    );
    expect([error.code, error.field]).toEqual(['PROJECT_REF_TAKEN', 'ref']);
  });

  it('refuses a bad entry whole, each problem on its field in Chinese, and writes nothing', async () => {
    const bad = entry(units);
    bad.indicators[0]!.target = '-3';
    bad.indicators[1]!.target = '1.234';
    bad.indicators[2]!.target = null;
    bad.milestones[0]!.due = '2024-01-15';
    bad.milestones[1]!.planned = { I1: 20, I9: 3 };
    bad.partnerUnitIds = [units.elsewhere];
    const error = await refused(createProject(deps, coordinator, '140521', 2023, bad));
    expect(error.code).toBe('PROJECT_INVALID');
    expect(error.message).toBe('所选单位不是本地区的单位（共 6 处）');
    expect(error.details).toEqual([
      { field: 'partnerUnitIds.0', message: '所选单位不是本地区的单位' },
      { field: 'indicators.0.target', message: '必须 ≥ 0' },
      { field: 'indicators.1.target', message: '金额最多两位小数（精确到分）' },
      { field: 'indicators.2.target', message: '请填写目标值' },
      { field: 'milestones.0.due', message: '日期必须在计划期内（2023-01-01 至 2023-12-31）' },
      { field: 'milestones.1.planned.I9', message: '本项目没有编号为 I9 的指标' },
    ]);
    expect((await exportPlan(deps, coordinator, '140521', 2023)).projects).toHaveLength(2);
  });

  it('lets only the coordinator of the plan’s region type projects in', async () => {
    expect((await refused(createProject(deps, otherCounty, '140521', 2023, entry(units)))).code).toBe(
      'OUT_OF_SCOPE',
    );
    const clerk: Actor = {
      ...coordinator,
      username: 'zjj.clerk',
      grants: [{ role: 'dept_clerk', regionCode: '140521', unitId: units.lead }],
    };
    expect((await refused(createProject(deps, clerk, '140521', 2023, entry(units)))).code).toBe(
      'OUT_OF_SCOPE',
    );
  });

  it('refuses typing in while the plan year is still being voted on', async () => {
    const error = await refused(createProject(deps, coordinator, '140521', 2024, entry(units)));
    expect(error.code).toBe('PROJECT_NOT_EDITABLE');
    expect(error.message).toContain('人大代表票决');
  });

  it('edits a project: fields replaced, indicators kept by ref, milestones rewritten', async () => {
    const [project] = (await planOverview(deps, coordinator, '140521', 2023)).projects;
    const form = await projectEntry(deps, coordinator, project!.id);
    expect(form.leaders[1]).toEqual({ role: '责任人', name: '王波', phone: '13935630633' });
    expect(form.indicators.map((i) => [i.ref, i.inUse])).toEqual([
      ['I1', false],
      ['I2', false],
      ['I3', false],
      ['I4', false],
      ['I5', false],
    ]);
    const edited = projectEntrySchema.parse({
      ...form,
      name: '老旧小区改造提质项目',
      partnerUnitIds: [],
      budget: '60000000',
      indicators: [
        { ...form.indicators[0]!, target: 30 },
        form.indicators[2]!,
        { name: '加装电梯', unit: '部', kind: 'count', target: 12 },
      ],
      milestones: [{ due: '2023-12-31', text: '竣工验收', planned: { I1: 30, I3: 839 } }],
    });
    await editProject(deps, coordinator, project!.id, edited);
    const plan = await exportPlan(deps, coordinator, '140521', 2023);
    const p = plan.projects.find((x) => x.ref === 'P01')!;
    expect(p).toMatchObject({ name: '老旧小区改造提质项目', partnerUnits: [], budget: '60000000.00' });
    expect(p.indicators).toEqual([
      { ref: 'I1', name: '改造住宅楼', unit: '栋', kind: 'count', target: 30 },
      { ref: 'I3', name: '惠及居民', unit: '户', kind: 'coverage', target: 839 },
      { ref: 'I2', name: '加装电梯', unit: '部', kind: 'count', target: 12 },
    ]);
    expect(p.milestones).toEqual([{ due: '2023-12-31', text: '竣工验收', planned: { I1: 30, I3: 839 } }]);
  });

  it('keeps an indicator that has reports: it cannot be removed or change kind', async () => {
    await importPlan(deps, 'system:test', {
      format: 'minsheng.plan/v1',
      region: { code: '140521', name: '沁水县' },
      year: 2022,
      projects: [
        {
          ref: 'P01',
          name: '城区集中供热管网改造',
          leadUnits: ['住建局'],
          indicators: [
            { ref: 'I1', name: '改造管网', unit: '公里', kind: 'count', target: 12 },
            { ref: 'I2', name: '新增供热面积', unit: '万平方米', kind: 'count', target: 20 },
          ],
          reports: [{ asOf: '2022-06-30', values: { I1: 5 } }],
        },
      ],
    });
    await database.db
      .update(planYears)
      .set({ stage: 'implement' })
      .where(and(eq(planYears.regionCode, '140521'), eq(planYears.year, 2022)));
    const [project] = (await planOverview(deps, coordinator, '140521', 2022)).projects;
    const form = await projectEntry(deps, coordinator, project!.id);
    expect(form.indicators.map((i) => [i.ref, i.inUse])).toEqual([
      ['I1', true],
      ['I2', false],
    ]);
    const base = { ...form, leadUnitIds: form.leadUnitIds, milestones: [] };
    const removed = await refused(
      editProject(
        deps,
        coordinator,
        project!.id,
        projectEntrySchema.parse({ ...base, indicators: [form.indicators[1]] }),
      ),
    );
    expect([removed.code, removed.message]).toEqual([
      'PROJECT_INDICATOR_IN_USE',
      '指标 I1（改造管网）已有进度报告或任务分解，不能删除',
    ]);
    const retyped = await refused(
      editProject(
        deps,
        coordinator,
        project!.id,
        projectEntrySchema.parse({
          ...base,
          indicators: [{ ...form.indicators[0], kind: 'percent' }, form.indicators[1]],
        }),
      ),
    );
    expect([retyped.code, retyped.field]).toEqual(['PROJECT_INDICATOR_IN_USE', 'indicators.0.kind']);
    // The unused one may go; the used one may change its name and target.
    await editProject(
      deps,
      coordinator,
      project!.id,
      projectEntrySchema.parse({
        ...base,
        indicators: [{ ...form.indicators[0], name: '改造供热管网', target: 15 }],
      }),
    );
    const plan = await exportPlan(deps, coordinator, '140521', 2022);
    expect(plan.projects[0]!.indicators).toEqual([
      { ref: 'I1', name: '改造供热管网', unit: '公里', kind: 'count', target: 15 },
    ]);
    expect(plan.projects[0]!.reports).toEqual([{ asOf: '2022-06-30', values: { I1: 5 }, eligible: {} }]);
  });

  it('shows the edit form only to the coordinator (it has the full phones)', async () => {
    const [project] = (await planOverview(deps, coordinator, '140521', 2023)).projects;
    expect((await refused(projectEntry(deps, otherCounty, project!.id))).code).toBe('OUT_OF_SCOPE');
  });
});
