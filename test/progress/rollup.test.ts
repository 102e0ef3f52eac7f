import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/kernel/actor';
import { createUser } from '../../src/modules/identity';
import { importPlan } from '../../src/modules/progress';
import { findProjectContext } from '../../src/modules/progress/report-context.repository';
import { allocationTotals } from '../../src/modules/progress/reports.repository';
import {
  approveReport,
  correctReport,
  draftReport,
  editReport,
  projectReports,
  submitReport,
} from '../../src/modules/progress/use-cases/reporting';
import { planOverview, planRollup } from '../../src/modules/progress/use-cases/views';
import { findUnitByName, insertUnit } from '../../src/modules/units';
import { seed } from '../../src/seed/seed';
import { configFromEnv } from '../../src/server/config';
import { type AppDeps, createDeps } from '../../src/server/deps';
import { actorOf } from '../support/actors';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';

/** Two provincial projects, each split to 太原 and 晋城 and reported by the same city unit. */
const plan = {
  format: 'minsheng.plan/v1',
  region: { code: '140000', name: '山西省' },
  year: 2023,
  projects: [
    {
      ref: 'P01',
      name: '农村寄递物流服务全覆盖提质工程',
      leadUnits: ['省邮政管理局'],
      indicators: [
        { ref: 'I1', name: '统仓共配一体化示范县', unit: '个', kind: 'count', target: 5 },
        { ref: 'I2', name: '工程形象进度', unit: '%', kind: 'percent', target: 100 },
      ],
      allocations: [
        { region: '140100', indicator: 'I1', target: 3 },
        { region: '140500', indicator: 'I1', target: 2 },
        { region: '140100', indicator: 'I2', target: 100 },
        { region: '140500', indicator: 'I2', target: 100 },
      ],
    },
    {
      ref: 'P02',
      name: '快递进村服务网点建设',
      leadUnits: ['省邮政管理局'],
      indicators: [{ ref: 'I1', name: '村级快递服务网点', unit: '个', kind: 'count', target: 300 }],
      allocations: [
        { region: '140100', indicator: 'I1', target: 100 },
        { region: '140500', indicator: 'I1', target: 200 },
      ],
    },
  ],
};

const report = (asOf: string, values: Record<string, number>) => ({
  regionCode: '140500',
  asOf,
  values,
  eligible: {},
  explanations: {},
  progressText: '按计划推进',
});

describe.each(testDatabaseKinds())('the roll-up of split targets on $name', (kind) => {
  let database: TestDatabase;
  let deps: AppDeps;
  let clerk: Actor;
  let coordinator: Actor;
  let ids: Record<string, string>;

  async function file(project: string, asOf: string, values: Record<string, number>) {
    const draft = await draftReport(deps, clerk, ids[project]!, report(asOf, values));
    await submitReport(deps, clerk, draft.id);
    return approveReport(deps, coordinator, draft.id);
  }

  beforeAll(async () => {
    database = await kind.open();
    deps = createDeps(database, configFromEnv({}), () => new Date('2023-10-03T08:00:00Z'));
    await seed(deps, { demo: true, adminPassword: 'Qinshui#2023pass' });
    await importPlan(deps, 'system:test', plan);
    const unit =
      (await findUnitByName(database.db, '140500', '晋城市邮政管理局')) ??
      (await insertUnit(database.db, { regionCode: '140500', name: '晋城市邮政管理局', kind: 'department' }));
    await createUser(deps, 'system:test', {
      username: 'jc.post.clerk',
      displayName: '晋城邮政填报员',
      password: 'Jincheng#2023pw',
      grants: [{ role: 'dept_clerk', regionCode: '140500', unitId: unit.id }],
    });
    clerk = await actorOf(database.db, 'jc.post.clerk');
    coordinator = await actorOf(database.db, 'shanxi.coord');
    const overview = await planOverview(deps, coordinator, '140000', 2023);
    ids = Object.fromEntries(overview.projects.map((p) => [p.ref, p.id]));
  });
  afterAll(() => database?.close());

  it('names the children that have not reported before anyone has', async () => {
    const rollup = await planRollup(deps, coordinator, '140000', 2023);
    expect(
      rollup.indicators.map((i) => [i.projectRef, i.ref, i.rollup.reported, i.rollup.notReported]),
    ).toEqual([
      ['P01', 'I1', [], ['140100', '140500']],
      ['P01', 'I2', [], ['140100', '140500']],
      ['P02', 'I1', [], ['140100', '140500']],
    ]);
  });

  it('keeps each project’s figures apart when one unit reports on two projects for the same month', async () => {
    await file('P01', '2023-08-31', { I1: 1, I2: 40 });
    await file('P02', '2023-08-31', { I1: 120 });
    await file('P01', '2023-09-30', { I1: 2, I2: 70 });
    const rollup = await planRollup(deps, coordinator, '140000', 2023);
    const figures = [];
    for (const i of rollup.indicators) {
      const drill = await planRollup(deps, coordinator, '140000', 2023, undefined, i);
      figures.push([
        i.projectRef,
        i.ref,
        i.rollup.value,
        i.rollup.target,
        drill.indicators[0]!.children!.map((c) => [c.regionName, c.value, c.reportedOn]),
      ]);
    }
    expect(figures).toEqual([
      [
        'P01',
        'I1',
        2,
        5,
        [
          ['太原市', null, null],
          ['晋城市', 2, '2023-09-30'],
        ],
      ],
      // Percent: the mean weighted by each city's target, 太原 (not reported) counting as 0.
      [
        'P01',
        'I2',
        35,
        100,
        [
          ['太原市', null, null],
          ['晋城市', 70, '2023-09-30'],
        ],
      ],
      [
        'P02',
        'I1',
        120,
        300,
        [
          ['太原市', null, null],
          ['晋城市', 120, '2023-08-31'],
        ],
      ],
    ]);
    expect(rollup.indicators[0]!.rollup.notReported).toEqual(['140100']);
  });

  it('looks back to what was approved at an earlier date', async () => {
    const august = await planRollup(deps, coordinator, '140000', 2023, '2023-08-31');
    expect(august.indicators.map((i) => [i.projectRef, i.ref, i.rollup.value])).toEqual([
      ['P01', 'I1', 1],
      ['P01', 'I2', 20],
      ['P02', 'I1', 120],
    ]);
    const july = await planRollup(deps, coordinator, '140000', 2023, '2023-07-31');
    expect(july.indicators.every((i) => i.rollup.reported.length === 0)).toBe(true);
  });

  it('keeps the per-indicator totals behind overviews equal to the roll-up, corrections included', async () => {
    const history = await projectReports(deps, coordinator, ids.P01!);
    const approvedOn = (asOf: string) =>
      history.items.find((r) => r.asOf === asOf && r.status === 'approved')!;
    // A correction of September (a new version) moves the totals; one of August does not.
    for (const [asOf, values, reason] of [
      ['2023-09-30', { I1: 2, I2: 80 }, '9月形象进度复核'],
      ['2023-08-31', { I1: 1, I2: 45 }, '8月形象进度复核'],
    ] as const) {
      const correction = await correctReport(deps, clerk, approvedOn(asOf).id, reason);
      await editReport(deps, clerk, correction.id, report(asOf, values));
      await submitReport(deps, clerk, correction.id);
      await approveReport(deps, coordinator, correction.id);
    }
    const rollup = await planRollup(deps, coordinator, '140000', 2023);
    expect(rollup.indicators.map((i) => i.rollup.value)).toEqual([2, 40, 120]);
    const planYearId = (await planOverview(deps, coordinator, '140000', 2023)).planYear.id;
    const totals = new Map(
      (await allocationTotals(database.db, [planYearId])).map((t) => [t.indicatorId, t]),
    );
    expect(totals.size).toBe(3);
    for (const indicator of rollup.indicators) {
      const id = (await findProjectContext(database.db, indicator.projectId))!.indicators.find(
        (i) => i.ref === indicator.ref,
      )!.id;
      const total = totals.get(id)!;
      expect(Number(total.value), `${indicator.projectRef}/${indicator.ref}`).toBe(indicator.rollup.value);
      expect(Number(total.target)).toBe(indicator.rollup.target);
      expect([total.children, total.reported]).toEqual([2, 1]);
    }
  });

  it('measures a city’s figures against its own share of the target, not the province’s', async () => {
    // 晋城 was given 200 of the province's 300 网点: 320 is far above its share, so it needs a reason.
    const draft = await draftReport(deps, clerk, ids.P02!, report('2023-09-30', { I1: 320 }));
    await expect(submitReport(deps, clerk, draft.id)).rejects.toMatchObject({
      code: 'REPORT_EXPLANATION_REQUIRED',
      message: '村级快递服务网点：累计值超过年度目标 200 的 150%，请说明原因',
    });
    await editReport(deps, clerk, draft.id, {
      ...report('2023-09-30', { I1: 320 }),
      explanations: { I1: '省里追加的 120 个网点由晋城承建' },
    });
    expect(await submitReport(deps, clerk, draft.id)).toMatchObject({ status: 'submitted' });
  });
});
