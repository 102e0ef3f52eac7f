import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema';
import { DomainError } from '../../src/kernel/errors';
import {
  exportPlan,
  importPlan,
  type PlanDocument,
  parsePlanDocument,
  progressReports,
  projects,
} from '../../src/modules/progress';
import { renderBulletin } from '../../src/modules/reports';
import { seedRegions } from '../../src/seed/seed';
import { configFromEnv } from '../../src/server/config';
import { type AppDeps, createDeps } from '../../src/server/deps';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';
import { henan, shanxi } from '../support/plans';

const byAsOf = (plan: PlanDocument) => ({
  ...plan,
  projects: plan.projects.map((p) => ({
    ...p,
    reports: [...p.reports].sort((a, b) => a.asOf.localeCompare(b.asOf)),
  })),
});

function parsed(json: unknown): PlanDocument {
  const result = parsePlanDocument(json);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return byAsOf(result.plan);
}

describe.each(testDatabaseKinds())('plan exchange on $name', (kind) => {
  let database: TestDatabase;
  let deps: AppDeps;
  beforeAll(async () => {
    database = await kind.open();
    deps = createDeps(database, configFromEnv({}));
    await seedRegions(database.db);
  });
  afterAll(() => database?.close());

  it.each([
    ['Henan 2023 (seed 002)', henan],
    ['a document with every field', shanxi],
  ])('import then export of %s loses nothing', async (_name, document) => {
    await importPlan(deps, 'system:test', document);
    const exported = await exportPlan(deps, 'system:test', document.region.code, document.year);
    expect(parsed(JSON.parse(JSON.stringify(exported)))).toEqual(parsed(document));
  });

  it('keeps the served count of the report before when a report gives only the eligible count', async () => {
    const document: PlanDocument = {
      format: 'minsheng.plan/v1',
      region: { code: '410000', name: '河南省' },
      year: 2024,
      projects: [
        {
          ref: 'P05',
          name: '困难残疾人生活补贴和重度残疾人护理补贴',
          leadUnits: [],
          partnerUnits: [],
          leaders: [],
          indicators: [
            { ref: 'I1', name: '困难残疾人生活补贴', unit: '人', kind: 'entitlement' },
            { ref: 'I2', name: '康复站', unit: '个', kind: 'count', target: 100 },
          ],
          milestones: [],
          // Given newest first, as the format allows; October updates the eligible count only.
          reports: [
            { asOf: '2024-10-31', values: { I2: 90 }, eligible: { I1: 1000 } },
            { asOf: '2024-06-30', values: { I1: 950, I2: 40 }, eligible: { I1: 1000 } },
          ],
          allocations: [],
        },
      ],
    } as unknown as PlanDocument;
    await importPlan(deps, 'system:test', document);
    const exported = await exportPlan(deps, 'system:test', '410000', 2024);
    expect(exported.projects[0]!.reports).toEqual([
      { asOf: '2024-06-30', values: { I1: 950, I2: 40 }, eligible: { I1: 1000 } },
      { asOf: '2024-10-31', values: { I2: 90 }, eligible: { I1: 1000 } },
    ]);
    const bulletin = await renderBulletin(deps, 'system:test', {
      regionCode: '410000',
      year: 2024,
      asOf: '2024-11-01',
      format: 'json',
    });
    const [project] = JSON.parse(String(bulletin.body)).projects;
    expect(project.indicators[0]).toMatchObject({ ref: 'I1', value: 950, target: 1000, completion: 0.95 });
    // The overview's read model says the same.
    const figures = await database.db.execute(sql`
      select i.ref, f.value::float as value, f.eligible::float as eligible
      from latest_figures f join indicators i on i.id = f.indicator_id join projects p on p.id = i.project_id
      join plan_years y on y.id = p.plan_year_id
      where y.region_code = '410000' and y.year = 2024 order by i.ref`);
    expect((figures as unknown as { rows: unknown[] }).rows).toEqual([
      { ref: 'I1', value: 950, eligible: 1000 },
      { ref: 'I2', value: 90, eligible: null },
    ]);
  });

  it('re-importing the same region and year replaces the plan year whole', async () => {
    const smaller = {
      ...shanxi,
      projects: [{ ...shanxi.projects[0]!, ref: 'P99', name: '新项目', reports: [] }],
    };
    const summary = await importPlan(deps, 'system:test', smaller);
    expect(summary).toMatchObject({ region: '140000', year: 2023, replaced: true, projects: 1, reports: 0 });
    const exported = await exportPlan(deps, 'system:test', '140000', 2023);
    expect(exported.projects.map((p) => p.ref)).toEqual(['P99']);
    // The replaced history is still in the audit log.
    const [deleted] = await database.db
      .select({ n: count() })
      .from(auditLog)
      .where(sql`${auditLog.tableName} = 'progress_reports' and ${auditLog.action} = 'delete'`);
    expect(deleted!.n).toBe(2);
  });

  it('refuses a bad document whole, listing every problem by path, and writes nothing', async () => {
    const before = (await database.db.select({ n: count() }).from(projects))[0]!.n;
    const bad = structuredClone(shanxi) as Record<string, unknown> & typeof shanxi;
    bad.year = 2024;
    (bad.projects[0]!.indicators[0] as { target: number }).target = -5;
    (bad.projects[0]!.reports[0]!.values as Record<string, unknown>).I9 = 3;
    bad.projects[0]!.budget = '1.234';
    const error = await importPlan(deps, 'system:test', bad).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('PLAN_DOCUMENT_INVALID');
    const paths = (error.details as Array<{ path: string }>).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'projects[0].indicators[0].target',
        'projects[0].budget',
        'projects[0].reports[0].values.I9',
      ]),
    );
    expect((await database.db.select({ n: count() }).from(projects))[0]!.n).toBe(before);
  });

  it('keeps approved reports from being changed or deleted', async () => {
    await importPlan(deps, 'system:test', shanxi);
    const [report] = await database.db.select().from(progressReports).limit(1);
    await expect(
      database.db
        .update(progressReports)
        .set({ progressText: '改动' })
        .where(eq(progressReports.id, report!.id)),
    ).rejects.toThrow();
    await expect(
      database.db.delete(progressReports).where(eq(progressReports.id, report!.id)),
    ).rejects.toThrow();
  });
});
