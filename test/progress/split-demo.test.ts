import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planYears, progressReports } from '../../src/db/schema';
import { DomainError } from '../../src/kernel/errors';
import { importSubRegionReports } from '../../src/modules/progress';
import { planOverview, planRollup } from '../../src/modules/progress/use-cases/views';
import { seed } from '../../src/seed/seed';
import { configFromEnv } from '../../src/server/config';
import { type AppDeps, createDeps } from '../../src/server/deps';
import { actorOf } from '../support/actors';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';

describe.each(testDatabaseKinds())('the 任务分解 demo loaded by the demo seed on $name', (kind) => {
  let database: TestDatabase;
  let deps: AppDeps;

  beforeAll(async () => {
    database = await kind.open();
    deps = createDeps(database, configFromEnv({}), () => new Date('2026-12-01T08:00:00Z'));
    await seed(deps, { demo: true, adminPassword: 'Qinshui#2023pass' });
  });
  afterAll(() => database?.close());

  it('shows 山西省 the cities’ and counties’ figures, naming who has not reported', async () => {
    const coordinator = await actorOf(database.db, 'shanxi.coord');
    const rollup = await planRollup(deps, coordinator, '140000', 2023);
    expect(rollup.asOf).toBe('2023-12-31');
    const byRef = Object.fromEntries(rollup.indicators.map((i) => [`${i.projectRef}.${i.ref}`, i.rollup]));
    expect(Object.keys(byRef)).toEqual(['P01.I1', 'P01.I2', 'P02.I1', 'P02.I2']);
    expect(byRef['P01.I1']).toMatchObject({ target: 30, notReported: [] });
    expect(byRef['P01.I1']!.reported).toHaveLength(11);
    expect(byRef['P01.I1']!.value).toBeGreaterThan(0);
    expect(byRef['P02.I1']).toMatchObject({ target: 1300, notReported: ['140524'] });
    expect(rollup.regions['140524']).toBe('陵川县');
    const drill = await planRollup(deps, coordinator, '140000', 2023, undefined, {
      projectId: rollup.indicators[0]!.projectId,
      ref: 'I1',
    });
    const luliang = drill.indicators[0]!.children!.find((c) => c.region === '141100')!;
    expect(luliang).toMatchObject({ regionName: '吕梁市', target: 2, reportedOn: '2023-09-30' });
    // The province's own figure is what its children reported, summed.
    const overview = await planOverview(deps, coordinator, '140000', 2023, '2023-10-31');
    expect(overview.planYear.demo).toBe(true);
    expect(overview.projects.find((p) => p.ref === 'P01')!.indicators[0]!.value).toBe(byRef['P01.I1']!.value);
  });

  it('shows 晋城市 its own split to its counties, 陵川县 missing from the stations', async () => {
    const viewer = await actorOf(database.db, 'jincheng.viewer');
    const rollup = await planRollup(deps, viewer, '140500', 2023);
    expect(
      rollup.indicators.map((i) => [i.projectRef, i.ref, i.rollup.reported.length, i.rollup.notReported]),
    ).toEqual([
      ['P01', 'I1', 6, []],
      ['P02', 'I1', 4, ['140524']],
      ['P02', 'I2', 4, ['140524']],
    ]);
    const drill = await planRollup(deps, viewer, '140500', 2023, '2023-06-30', {
      projectId: rollup.indicators[0]!.projectId,
      ref: 'I1',
    });
    expect(drill.indicators[0]!.children!.map((c) => [c.regionName, c.reportedOn])).toContainEqual([
      '城区',
      '2023-06-30',
    ]);
    await expect(planRollup(deps, viewer, '140000', 2023)).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
  });

  it('refuses sub-region history whole: a region the targets were not split to, a date outside the year', async () => {
    const before = await database.db.$count(progressReports);
    const error = await importSubRegionReports(deps, 'system:test', '140500', 2023, [
      { project: 'P01', region: '140502', asOf: '2023-11-30', values: { I1: 30 } },
      { project: 'P01', region: '140100', asOf: '2023-11-30', values: { I1: 3 } },
      { project: 'P01', region: '140521', asOf: '2024-01-31', values: { I1: -1 } },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).details).toEqual([
      { path: 'reports[1].values.I1', message: '指标 I1 没有分解到 140100' },
      { path: 'reports[2].asOf', message: '日期必须在计划期内（2023-01-01 至 2023-12-31）' },
      { path: 'reports[2].values.I1', message: '必须 ≥ 0' },
    ]);
    expect(await database.db.$count(progressReports)).toBe(before);
  });

  it('leaves the demo alone on a later start', async () => {
    const count = await database.db.$count(progressReports);
    await seed(deps, { demo: true, adminPassword: 'Qinshui#2023pass' });
    expect(await database.db.$count(progressReports)).toBe(count);
    const [row] = await database.db
      .select({ demo: planYears.demo, stage: planYears.stage })
      .from(planYears)
      .where(and(eq(planYears.regionCode, '140500'), eq(planYears.year, 2023)));
    expect(row).toEqual({ demo: true, stage: 'implement' });
  });
});
