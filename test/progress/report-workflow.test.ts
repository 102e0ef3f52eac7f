import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/kernel/actor';
import { createUser } from '../../src/modules/identity';
import { importPlan } from '../../src/modules/progress';
import { findProjectContext } from '../../src/modules/progress/report-context.repository';
import { allocationTotals } from '../../src/modules/progress/reports.repository';
import {
  approvalQueue,
  approveReport,
  correctReport,
  draftReport,
  editReport,
  projectReports,
  returnReport,
  submitReport,
} from '../../src/modules/progress/use-cases/reporting';
import { planOverview, planRollup, projectDetail } from '../../src/modules/progress/use-cases/views';
import { findUnitByName } from '../../src/modules/units';
import { seed } from '../../src/seed/seed';
import { configFromEnv } from '../../src/server/config';
import { type AppDeps, createDeps } from '../../src/server/deps';
import { actorOf } from '../support/actors';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';
import { inYear, qinshui, shanxi } from '../support/plans';

const report = (asOf: string, values: Record<string, number>, extra: Record<string, unknown> = {}) => ({
  asOf,
  values,
  eligible: {},
  explanations: {},
  progressText: '按计划推进',
  ...extra,
});

describe.each(testDatabaseKinds())('the monthly report on $name', (kind) => {
  let database: TestDatabase;
  let deps: AppDeps;
  let clerk: Actor;
  let approver: Actor;
  let otherClerk: Actor;
  let coordinator: Actor;
  let projectId: string;

  beforeAll(async () => {
    database = await kind.open();
    deps = createDeps(database, configFromEnv({}), () => new Date('2023-09-03T08:00:00Z'));
    await seed(deps, { demo: true, adminPassword: 'Qinshui#2023pass' });
    // The demo's 沁水县 2023 carries 督办 history: this test's own plan goes in 2021 (support/plans.ts).
    await importPlan(deps, 'system:test', inYear(qinshui, 2021));
    clerk = await actorOf(database.db, 'zjj.clerk');
    approver = await actorOf(database.db, 'zjj.approver');
    otherClerk = await actorOf(database.db, 'wtj.clerk');
    coordinator = await actorOf(database.db, 'qinshui.coord');
    const overview = await planOverview(deps, coordinator, '140521', 2021);
    projectId = overview.projects[0]!.id;
  });
  afterAll(() => database?.close());

  it('goes draft → submitted → returned → corrected → approved, by a clerk and a different approver', async () => {
    const draft = await draftReport(deps, clerk, projectId, report('2021-07-31', { I1: 10, I2: 300 }));
    expect(draft.status).toBe('draft');
    // A draft is its unit's work in progress: another department and a deputy do not see it.
    const deputy = await actorOf(database.db, 'deputy.qinshui');
    const seenBy = async (actor: Actor) =>
      (await projectReports(deps, actor, projectId)).items.some((r) => r.id === draft.id);
    expect([await seenBy(clerk), await seenBy(approver), await seenBy(coordinator)]).toEqual([
      true,
      true,
      true,
    ]);
    expect([await seenBy(otherClerk), await seenBy(deputy)]).toEqual([false, false]);
    expect((await submitReport(deps, clerk, draft.id)).status).toBe('submitted');
    expect((await approvalQueue(deps, approver)).items.map((r) => r.id)).toContain(draft.id);
    const returned = await returnReport(deps, approver, draft.id, '楼栋数与现场核查不符');
    expect(returned).toMatchObject({ status: 'returned', returnReason: '楼栋数与现场核查不符' });
    await editReport(deps, clerk, draft.id, report('2021-07-31', { I1: 9, I2: 300 }));
    await submitReport(deps, clerk, draft.id);
    const approved = await approveReport(deps, approver, draft.id);
    expect(approved.status).toBe('approved');
    const overview = await planOverview(deps, coordinator, '140521', 2021, '2021-07-31');
    expect(overview.projects[0]!.indicators[0]).toMatchObject({ ref: 'I1', value: 9, target: 26 });
  });

  it('keeps another unit, and another county, from reporting on the project', async () => {
    await expect(
      draftReport(deps, otherClerk, projectId, report('2021-08-31', { I1: 12 })),
    ).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
  });

  it('does not let an author approve their own report, even one who holds both roles', async () => {
    const zjj = await findUnitByName(database.db, '140521', '住建局');
    await createUser(deps, 'system:test', {
      username: 'zjj.both',
      displayName: '住建局兼职人员',
      password: 'Zhujian#2023pw',
      grants: [
        { role: 'dept_clerk', regionCode: '140521', unitId: zjj!.id },
        { role: 'dept_approver', regionCode: '140521', unitId: zjj!.id },
      ],
    });
    const both = await actorOf(database.db, 'zjj.both');
    const own = await draftReport(deps, both, projectId, report('2021-08-31', { I1: 12, I2: 400 }));
    await submitReport(deps, both, own.id);
    await expect(approveReport(deps, both, own.id)).rejects.toMatchObject({ code: 'REPORT_SELF_APPROVAL' });
    expect((await approvalQueue(deps, both)).items.map((r) => r.id)).not.toContain(own.id);
    expect((await approvalQueue(deps, coordinator)).items.map((r) => r.id)).toContain(own.id);
    await approveReport(deps, approver, own.id);
  });

  it('asks why a value fell below the last approved one before it can be submitted', async () => {
    const lower = await draftReport(deps, clerk, projectId, report('2021-09-30', { I1: 11 }));
    const error = await submitReport(deps, clerk, lower.id).catch((e) => e);
    expect(error).toMatchObject({ code: 'REPORT_EXPLANATION_REQUIRED', field: 'explanations.I1' });
    expect(error.message).toBe('改造住宅楼：累计值低于上次审核通过的 12，请说明原因');
    await editReport(
      deps,
      clerk,
      lower.id,
      report('2021-09-30', { I1: 11 }, { explanations: { I1: '一栋楼复核后不计入' } }),
    );
    expect((await submitReport(deps, clerk, lower.id)).status).toBe('submitted');
    await approveReport(deps, approver, lower.id);
  });

  it('refuses each kind of bad report with its own error, and stores nothing of it', async () => {
    const old = await draftReport(deps, clerk, projectId, report('2021-06-30', { I1: 5 }));
    await expect(submitReport(deps, clerk, old.id)).rejects.toMatchObject({
      code: 'REPORT_PERIOD_CLOSED',
      field: 'asOf',
    });
    const late = await draftReport(deps, clerk, projectId, report('2024-01-31', { I1: 26 }));
    await expect(submitReport(deps, clerk, late.id)).rejects.toMatchObject({
      code: 'REPORT_DATE_OUTSIDE_PLAN',
      field: 'asOf',
    });
    await expect(draftReport(deps, clerk, projectId, report('2021-10-31', { I9: 1 }))).rejects.toMatchObject({
      code: 'REPORT_INDICATOR_UNKNOWN',
      field: 'values.I9',
    });
    await expect(editReport(deps, clerk, late.id, report('2021-10-31', { I9: 1 }))).rejects.toMatchObject({
      code: 'REPORT_INDICATOR_UNKNOWN',
    });
    await expect(
      draftReport(deps, clerk, projectId, report('2021-10-31', { I1: 13 }, { investment: '1200000.555' })),
    ).rejects.toMatchObject({ code: 'REPORT_MONEY_PRECISION', field: 'investment' });
    const negative = await draftReport(deps, clerk, projectId, report('2021-10-31', { I1: 12 })).then((d) =>
      editReport(deps, clerk, d.id, report('2021-10-31', { I1: -1 })).catch((e) => e),
    );
    expect(negative).toMatchObject({ code: 'REPORT_VALUE_NEGATIVE', field: 'values.I1' });
    expect(negative.message).toBe('改造住宅楼：累计值不能为负数');
    const history = await projectReports(deps, coordinator, projectId);
    expect(history.items.filter((r) => r.asOf === '2021-10-31').map((r) => r.values)).toEqual([{ I1: 12 }]);
  });

  it('corrects an approved report with a new version, keeping the old one in the history', async () => {
    const history = await projectReports(deps, coordinator, projectId);
    const july = history.items.find((r) => r.asOf === '2021-07-31' && r.status === 'approved')!;
    const correction = await correctReport(deps, clerk, july.id, '7月楼栋数统计口径调整');
    expect(correction).toMatchObject({ version: 2, supersedes: july.id, status: 'draft' });
    // A second correction while the first is open, or of the version it replaces, is refused.
    await expect(correctReport(deps, clerk, july.id, '再改一次')).rejects.toMatchObject({
      code: 'REPORT_CORRECTION_OPEN',
      message: '这份报告已有一份更正在办理中（第 2 版），请在那一份上修改',
    });
    await editReport(deps, clerk, correction.id, report('2021-07-31', { I1: 10, I2: 300 }));
    await submitReport(deps, clerk, correction.id);
    await approveReport(deps, approver, correction.id);
    await expect(correctReport(deps, clerk, july.id, '改旧版')).rejects.toMatchObject({
      code: 'REPORT_NOT_LATEST',
      message: '这份报告已有更新的版本（第 2 版），请更正最新一版',
    });
    const after = await projectReports(deps, coordinator, projectId);
    const versions = after.items.filter((r) => r.asOf === '2021-07-31' && r.status === 'approved');
    expect(versions.map((v) => [v.version, v.current, v.values.I1])).toEqual([
      [2, true, 10],
      [1, false, 9],
    ]);
    expect(versions[0]!.correctionReason).toBe('7月楼栋数统计口径调整');
  });

  it('lets only the first of two approvers deciding at once decide, and tells the other', async () => {
    const history = await projectReports(deps, coordinator, projectId);
    const august = history.items.find((r) => r.asOf === '2021-08-31' && r.status === 'approved')!;
    const correction = await correctReport(deps, clerk, august.id, '8月楼栋数复核');
    await editReport(deps, clerk, correction.id, report('2021-08-31', { I1: 13, I2: 400 }));
    await submitReport(deps, clerk, correction.id);
    const outcomes = await Promise.allSettled([
      approveReport(deps, approver, correction.id),
      approveReport(deps, coordinator, correction.id),
      returnReport(deps, approver, correction.id, '与现场核查不符'),
    ]);
    const decided = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    expect(decided).toHaveLength(1);
    expect(
      outcomes.filter((o) => o.status === 'rejected').map((o) => (o.reason as { code: string }).code),
    ).toEqual(['REPORT_NOT_SUBMITTED', 'REPORT_NOT_SUBMITTED']);
    // What the decision answered is what the history keeps.
    const stored = (await projectReports(deps, coordinator, projectId)).items.find(
      (r) => r.id === correction.id,
    )!;
    expect(stored).toMatchObject({
      status: decided[0]!.status,
      decidedBy: decided[0]!.decidedBy,
      decidedAt: decided[0]!.decidedAt,
      returnReason: decided[0]!.returnReason,
    });
    if (stored.status === 'returned') await submitReport(deps, clerk, correction.id);
    if (stored.status !== 'approved') await approveReport(deps, approver, correction.id);
    const overview = await planOverview(deps, coordinator, '140521', 2021, '2021-08-31');
    expect(overview.projects[0]!.indicators[0]).toMatchObject({ ref: 'I1', value: 13 });
  });

  it('flags months with no report by the 5th as missing', async () => {
    const overview = await planOverview(deps, coordinator, '140521', 2021, '2021-09-03');
    // January to June were due and never filed; July's came in September, after 5 August.
    expect(overview.projects[0]!.missingReports).toBe(6);
    expect(overview.projects[0]!.lateReports).toBe(1);
  });

  it('rolls allocated targets up from the sub-regions and names those that have not reported', async () => {
    await importPlan(deps, 'system:test', shanxi);
    const unit = await findUnitByName(database.db, '140500', '晋城市邮政管理局').then(
      async (u) =>
        u ??
        (await import('../../src/modules/units')).insertUnit(database.db, {
          regionCode: '140500',
          name: '晋城市邮政管理局',
          kind: 'department',
        }),
    );
    await createUser(deps, 'system:test', {
      username: 'jc.post.clerk',
      displayName: '晋城邮政填报员',
      password: 'Jincheng#2023pw',
      grants: [{ role: 'dept_clerk', regionCode: '140500', unitId: unit.id }],
    });
    const jcClerk = await actorOf(database.db, 'jc.post.clerk');
    const jcCoordinator = await actorOf(database.db, 'shanxi.coord');
    const rollupBefore = await planRollup(deps, jcCoordinator, '140000', 2023, '2023-08-31');
    const project = rollupBefore.indicators[0]!;
    const sub = await draftReport(
      deps,
      jcClerk,
      project.projectId,
      report('2023-08-31', { I1: 2, I4: 5000000 }, { regionCode: '140500' }),
    );
    // The county-level clerk reads the province project whose share they report.
    expect((await projectDetail(deps, jcClerk, project.projectId)).project.name).toBe(
      '农村寄递物流服务全覆盖提质工程',
    );
    await expect(projectDetail(deps, otherClerk, project.projectId)).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
    await submitReport(deps, jcClerk, sub.id);
    await approveReport(deps, jcCoordinator, sub.id);
    const rollup = await planRollup(deps, jcCoordinator, '140000', 2023, '2023-08-31');
    const i1 = rollup.indicators.find((i) => i.ref === 'I1')!;
    expect(i1.rollup).toMatchObject({ value: 2, target: 5, reported: ['140500'], notReported: ['140100'] });
    expect(i1.children).toBeUndefined();
    // The answer names the sub-regions it lists as not reported.
    expect(rollup.regions).toEqual({ '140100': '太原市' });
    // Drilling down into one indicator brings its children's figures.
    const drill = await planRollup(deps, jcCoordinator, '140000', 2023, '2023-08-31', {
      projectId: i1.projectId,
      ref: 'I1',
    });
    expect(drill.indicators).toHaveLength(1);
    expect(drill.indicators[0]!.children!.map((c) => [c.regionName, c.value])).toEqual([
      ['太原市', null],
      ['晋城市', 2],
    ]);
    const i4 = rollup.indicators.find((i) => i.ref === 'I4')!;
    expect(i4.rollup).toMatchObject({ value: '5000000.00', target: '20000000.00' });
    // The read model that large overviews use agrees with the history.
    const planYearId = (await planOverview(deps, jcCoordinator, '140000', 2023)).planYear.id;
    const totals = await allocationTotals(database.db, [planYearId]);
    const i1Id = (await findProjectContext(database.db, i1.projectId))!.indicators.find(
      (i) => i.ref === 'I1',
    )!.id;
    const i1Total = totals.find((t) => t.indicatorId === i1Id);
    expect(i1Total).toMatchObject({ children: 2, reported: 1 });
    expect(Number(i1Total!.value)).toBe(2);
    expect(Number(i1Total!.target)).toBe(5);
  });
});
