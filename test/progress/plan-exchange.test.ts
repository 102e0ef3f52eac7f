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
