import { and, asc, desc, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { regionPrefix } from '../../kernel/regions';
import { users } from '../identity/identity.tables';
import { units } from '../units/units.tables';
import { quantityFromDb } from './db-values';
import type { IndicatorKind } from './indicator.rules';
import { progressReports, projects, reportValues } from './progress.tables';
import type { Quantity } from './quantity.rules';

export type ReportRow = typeof progressReports.$inferSelect;

export interface ProjectContext {
  id: string;
  ref: string;
  name: string;
  planYearId: string;
  regionCode: string;
  year: number;
  stage: string;
  period: { start: string; end: string };
  unitIds: string[];
  indicators: Array<{
    id: string;
    ref: string;
    name: string;
    unit: string | null;
    kind: IndicatorKind;
    target: Quantity | null;
    /** 任务分解: the target given to each sub-region, by region code. */
    shares: Record<string, Quantity | null>;
  }>;
  /** Sub-regions the project's targets are split to. */
  allocationRegions: string[];
}

export async function findReport(db: Executor, id: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(progressReports).where(eq(progressReports.id, id)).limit(1);
  return row;
}

export type ReportValueRow = typeof reportValues.$inferSelect;
type ValuesByRef = { values: Record<string, Quantity>; eligible: Record<string, number> };

/** Values of reports, by indicator ref. */
export async function valuesOf(
  db: Executor,
  reportIds: string[],
  project: Pick<ProjectContext, 'indicators'>,
): Promise<Map<string, ValuesByRef>> {
  const rows = reportIds.length
    ? await db.select().from(reportValues).where(inArray(reportValues.reportId, reportIds))
    : [];
  return valuesByRef(rows, reportIds, project);
}

export function valuesByRef(
  rows: readonly ReportValueRow[],
  reportIds: string[],
  project: Pick<ProjectContext, 'indicators'>,
): Map<string, ValuesByRef> {
  const out = new Map(reportIds.map((id) => [id, { values: {}, eligible: {} } as ValuesByRef]));
  const byId = new Map(project.indicators.map((i) => [i.id, i]));
  for (const v of rows) {
    const ind = byId.get(v.indicatorId);
    const entry = out.get(v.reportId);
    if (!ind || !entry) continue;
    if (v.value !== null) entry.values[ind.ref] = quantityFromDb(ind.kind, v.value);
    if (v.eligible !== null) entry.eligible[ind.ref] = Number(v.eligible);
  }
  return out;
}

export async function reportsOfProject(db: Executor, projectId: string, regionCode?: string) {
  return db
    .select({
      report: progressReports,
      authorName: users.displayName,
      unitName: units.name,
    })
    .from(progressReports)
    .leftJoin(users, eq(users.id, progressReports.authorId))
    .leftJoin(units, eq(units.id, progressReports.unitId))
    .where(
      and(
        eq(progressReports.projectId, projectId),
        regionCode ? eq(progressReports.regionCode, regionCode) : undefined,
      ),
    )
    .orderBy(desc(progressReports.asOf), desc(progressReports.version), desc(progressReports.createdAt));
}

/** The approved report that counts for each date: the highest version. */
export function currentApproved(rows: ReportRow[]): ReportRow[] {
  const latest = new Map<string, ReportRow>();
  for (const r of rows) {
    if (r.status !== 'approved') continue;
    const key = `${r.regionCode}/${r.asOf}`;
    const seen = latest.get(key);
    if (!seen || r.version > seen.version) latest.set(key, r);
  }
  return [...latest.values()].sort((a, b) => a.asOf.localeCompare(b.asOf));
}

export async function insertReport(
  db: Executor,
  row: typeof progressReports.$inferInsert,
): Promise<ReportRow> {
  const [created] = await db.insert(progressReports).values(row).returning();
  return created!;
}

export async function updateReport(
  db: Executor,
  id: string,
  patch: Partial<typeof progressReports.$inferInsert>,
) {
  const [updated] = await db.update(progressReports).set(patch).where(eq(progressReports.id, id)).returning();
  return updated!;
}

/** Returns a submitted report to its author; false when it was no longer submitted. */
export async function returnSubmitted(
  db: Executor,
  id: string,
  decision: { decidedBy: string | null; decidedAt: Date; returnReason: string },
): Promise<boolean> {
  const returned = await db
    .update(progressReports)
    .set({ status: 'returned', ...decision })
    .where(and(eq(progressReports.id, id), eq(progressReports.status, 'submitted')))
    .returning({ id: progressReports.id });
  return returned.length > 0;
}

export async function replaceValues(
  db: Executor,
  reportId: string,
  project: Pick<ProjectContext, 'indicators'>,
  values: Record<string, Quantity>,
  eligible: Record<string, number>,
): Promise<void> {
  await db.delete(reportValues).where(eq(reportValues.reportId, reportId));
  const rows = project.indicators
    .filter((i) => values[i.ref] !== undefined || eligible[i.ref] !== undefined)
    .map((i) => ({
      reportId,
      indicatorId: i.id,
      value: values[i.ref] === undefined ? null : String(values[i.ref]),
      eligible: eligible[i.ref] === undefined ? null : String(eligible[i.ref]),
    }));
  if (rows.length) await db.insert(reportValues).values(rows);
}

/** Submitted reports in the given region subtrees, oldest first: the approval queue. */
export async function submittedWithin(db: Executor, scopes: string[]) {
  const inScope: SQL[] = scopes.map((s) => like(progressReports.regionCode, `${regionPrefix(s)}%`));
  return db
    .select({
      report: progressReports,
      projectName: projects.name,
      projectRef: projects.ref,
      authorName: users.displayName,
      unitName: units.name,
    })
    .from(progressReports)
    .innerJoin(projects, eq(projects.id, progressReports.projectId))
    .leftJoin(users, eq(users.id, progressReports.authorId))
    .leftJoin(units, eq(units.id, progressReports.unitId))
    .where(and(eq(progressReports.status, 'submitted'), or(...inScope)))
    .orderBy(asc(progressReports.submittedAt));
}

export async function unitsRegions(db: Executor, unitIds: string[]): Promise<Map<string, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .select({ id: units.id, regionCode: units.regionCode })
    .from(units)
    .where(inArray(units.id, unitIds));
  return new Map(rows.map((r) => [r.id, r.regionCode]));
}

/**
 * Approves a submitted report and moves the read models forward with it, in one statement: each of
 * its figures replaces the latest one of that indicator and region in latest_figures unless that one
 * is of a later date (or a later version of the date), a served or eligible count it left out kept
 * from the figure before, and the roll-up of every allocated indicator
 * whose latest figure moved is recomputed. One statement, not three in turn: on the embedded database
 * each is a wait between threads, on PostgreSQL a round trip (issue 3: an approval under 20 ms at p95).
 * The parts of one statement see the tables as they were before it, so the roll-up reads the moved
 * figures from the insert's returned rows. False when the report was no longer submitted (another
 * approver decided on it first); nothing is changed then.
 */
export async function approveAndRollUp(
  db: Executor,
  reportId: string,
  decision: { decidedBy: string | null; decidedAt: Date },
): Promise<boolean> {
  const moved: RollupFigures = {
    joins: sql`${LATEST_FIGURES_JOIN}
      left join advanced n on n.indicator_id = a.indicator_id and n.region_code = a.region_code`,
    value: sql`coalesce(n.value, f.value)`,
    eligible: sql`case when n.indicator_id is null then f.eligible else n.eligible end`,
  };
  const result = await db.execute(sql`
    with decided as (
      update progress_reports
      set status = 'approved', decided_by = ${decision.decidedBy},
          decided_at = ${decision.decidedAt.toISOString()}::timestamptz, return_reason = null
      where id = ${reportId} and status = 'submitted'
      returning id, region_code, as_of, version
    ), advanced as (
      insert into latest_figures (indicator_id, region_code, as_of, version, report_id, value, eligible)
      select v.indicator_id, d.region_code, d.as_of, d.version, d.id,
             coalesce(v.value, l.value, 0), coalesce(v.eligible, l.eligible)
      from report_values v join decided d on d.id = v.report_id
      left join latest_figures l on l.indicator_id = v.indicator_id and l.region_code = d.region_code
      on conflict (indicator_id, region_code) do update
        set as_of = excluded.as_of, version = excluded.version, report_id = excluded.report_id,
            value = excluded.value, eligible = excluded.eligible
        where (excluded.as_of, excluded.version) >= (latest_figures.as_of, latest_figures.version)
      returning indicator_id, region_code, value, eligible
    ), rolled as (
      ${rollupUpsert(sql`a.indicator_id in (select indicator_id from advanced)`, moved)}
      returning indicator_id
    )
    select count(*)::int as decided from decided`);
  const [row] = (result as unknown as { rows: Array<{ decided: number }> }).rows;
  return Number(row?.decided) > 0;
}

/**
 * An indicator's served count or eligible count as its latest approved report in the region that gave
 * it says: a report may give one without the other (assessment.rules latestFigures, the same rule).
 * Read only where the row at hand left it out (coalesce stops at its first non-null argument).
 */
function latestGiven(column: 'value' | 'eligible'): SQL {
  const c = sql.raw(column);
  return sql`(select g.${c} from report_values g join progress_reports gr on gr.id = g.report_id
    where g.indicator_id = v.indicator_id and gr.region_code = r.region_code and gr.status = 'approved'
      and g.${c} is not null
    order by gr.as_of desc, gr.version desc limit 1)`;
}

/**
 * The read model brought up to date with every approved report of a plan year at once (an import):
 * one statement instead of one per report, with the same rule as advanceLatestFigures.
 */
export async function advanceLatestFiguresOfPlanYear(db: Executor, planYearId: string): Promise<void> {
  await db.execute(sql`
    insert into latest_figures (indicator_id, region_code, as_of, version, report_id, value, eligible)
    select distinct on (v.indicator_id, r.region_code)
           v.indicator_id, r.region_code, r.as_of, r.version, r.id,
           coalesce(v.value, ${latestGiven('value')}, 0), coalesce(v.eligible, ${latestGiven('eligible')})
    from report_values v join progress_reports r on r.id = v.report_id
    where r.status = 'approved'
      and r.project_id in (select id from projects where plan_year_id = ${planYearId})
    order by v.indicator_id, r.region_code, r.as_of desc, r.version desc
    on conflict (indicator_id, region_code) do update
      set as_of = excluded.as_of, version = excluded.version, report_id = excluded.report_id,
          value = excluded.value, eligible = excluded.eligible
      where (excluded.as_of, excluded.version) >= (latest_figures.as_of, latest_figures.version)`);
}

export interface AllocationTotal {
  indicatorId: string;
  kind: string;
  children: number;
  reported: number;
  target: string | null;
  value: string;
  eligible: string | null;
}

/** Plan years as an SQL list, for `in (…)`. */
const uuidList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** Recomputes the roll-up row of every allocated indicator of the given plan years from latest_figures. */
export async function refreshIndicatorRollups(
  db: Executor,
  of: { planYearIds: readonly string[] },
): Promise<void> {
  if (of.planYearIds.length === 0) return;
  const ofPlanYears = sql`i.project_id in (select id from projects where plan_year_id in (${uuidList(of.planYearIds)}))`;
  await db.execute(rollupUpsert(ofPlanYears, LATEST_FIGURES));
}

/** Where a roll-up reads each child's latest figure: latest_figures, or it overlaid with moved rows. */
interface RollupFigures {
  joins: SQL;
  value: SQL;
  eligible: SQL;
}

const LATEST_FIGURES_JOIN = sql`left join latest_figures f
  on f.indicator_id = a.indicator_id and f.region_code = a.region_code`;
const LATEST_FIGURES: RollupFigures = {
  joins: LATEST_FIGURES_JOIN,
  value: sql`f.value`,
  eligible: sql`f.eligible`,
};

/**
 * The roll-up upsert of the allocated indicators matching `where`: sums for counts, amounts, coverage
 * and entitlement; for percent, the mean weighted by each child's target (100 when it has none), a
 * child that has not reported counting as 0 — the same arithmetic as `rollUpIndicator`.
 */
function rollupUpsert(where: SQL, figures: RollupFigures): SQL {
  const { value, eligible } = figures;
  return sql`
    insert into indicator_rollups (indicator_id, children, reported, target, value, eligible)
    select i.id, count(*)::int, count(${value})::int,
           case when i.kind = 'percent'
                then sum(coalesce(a.target, 100) * coalesce(a.target, 100)) / nullif(sum(coalesce(a.target, 100)), 0)
                else sum(a.target) end,
           case when i.kind = 'percent'
                then coalesce(sum(coalesce(${value}, 0) * coalesce(a.target, 100)) / nullif(sum(coalesce(a.target, 100)), 0), 0)
                else coalesce(sum(${value}), 0) end,
           sum(${eligible})
    from allocations a
    join indicators i on i.id = a.indicator_id
    ${figures.joins}
    where ${where}
    group by i.id, i.kind
    on conflict (indicator_id) do update
      set children = excluded.children, reported = excluded.reported, target = excluded.target,
          value = excluded.value, eligible = excluded.eligible`;
}

/**
 * Current roll-up of every allocated indicator of the given plan years (the figures behind a
 * provincial or national overview): one row per indicator from indicator_rollups, kept current by
 * approval and import, never a search of the report history.
 */
export async function allocationTotals(db: Executor, planYearIds: string[]): Promise<AllocationTotal[]> {
  if (planYearIds.length === 0) return [];
  const result = await db.execute(sql`
    select r.indicator_id as "indicatorId", i.kind, r.children, r.reported,
           r.target::text as target, r.value::text as value, r.eligible::text as eligible
    from indicator_rollups r
    join indicators i on i.id = r.indicator_id
    join projects p on p.id = i.project_id
    where p.plan_year_id in (${uuidList(planYearIds)})`);
  return (result as unknown as { rows: AllocationTotal[] }).rows;
}
