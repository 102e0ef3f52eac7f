import { and, asc, desc, eq, like, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { regionPrefix } from '../../kernel/regions';
import { regions } from '../regions/regions.tables';
import { planYears } from './plans.tables';

export type PlanYearRow = typeof planYears.$inferSelect;

export async function findPlanYear(
  db: Executor,
  regionCode: string,
  year: number,
): Promise<PlanYearRow | undefined> {
  const [row] = await db
    .select()
    .from(planYears)
    .where(and(eq(planYears.regionCode, regionCode), eq(planYears.year, year)))
    .limit(1);
  return row;
}

export async function planYearsWithin(db: Executor, scopes: string[]) {
  const inScope: SQL[] = scopes.map((s) => like(planYears.regionCode, `${regionPrefix(s)}%`));
  return db
    .select({
      id: planYears.id,
      regionCode: planYears.regionCode,
      regionName: regions.name,
      year: planYears.year,
      title: planYears.title,
      stage: planYears.stage,
      periodStart: planYears.periodStart,
      periodEnd: planYears.periodEnd,
      demo: planYears.demo,
    })
    .from(planYears)
    .innerJoin(regions, eq(regions.code, planYears.regionCode))
    .where(or(...inScope))
    .orderBy(desc(planYears.year), asc(planYears.regionCode));
}

export async function insertPlanYear(db: Executor, row: typeof planYears.$inferInsert): Promise<PlanYearRow> {
  const [created] = await db.insert(planYears).values(row).returning();
  return created!;
}
