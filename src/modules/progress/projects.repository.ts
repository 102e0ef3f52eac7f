import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { likePattern } from '../../db/like-pattern';
import { rowsOf } from '../../db/transaction';
import { planYears } from '../plans';
import { units } from '../units';
import type { PlanProject } from './plan-format.schema';
import {
  allocations,
  indicators,
  milestones,
  progressReports,
  projects,
  projectUnits,
  reportValues,
} from './progress.tables';
import type { StoredIndicator } from './project-entry.rules';

/** The SQL of typing a project in by hand and editing it (plan-store.repository.ts does imports). */

export type ProjectRow = typeof projects.$inferSelect;

/** Holds the plan year while a project is added, so two coordinators never take the same ref. */
export async function lockPlanYearRow(tx: Tx, planYearId: string): Promise<void> {
  await tx.select({ id: planYears.id }).from(planYears).where(eq(planYears.id, planYearId)).for('update');
}

export async function projectsOfPlanYear(db: Executor, planYearId: string) {
  return db
    .select({ id: projects.id, ref: projects.ref, position: projects.position })
    .from(projects)
    .where(eq(projects.planYearId, planYearId));
}

export async function findProjectWithPlanYear(db: Executor, projectId: string) {
  const [row] = await db
    .select({ project: projects, planYear: planYears })
    .from(projects)
    .innerJoin(planYears, eq(planYears.id, projects.planYearId))
    .where(eq(projects.id, projectId))
    .limit(1);
  return row;
}

export async function unitsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: units.id, regionCode: units.regionCode, name: units.name })
    .from(units)
    .where(inArray(units.id, [...ids]));
}

/** The project's units by role, in order. */
export async function projectUnitIds(db: Executor, projectId: string) {
  const rows = await db
    .select({ role: projectUnits.role, unitId: projectUnits.unitId })
    .from(projectUnits)
    .where(eq(projectUnits.projectId, projectId))
    .orderBy(asc(projectUnits.position));
  return {
    lead: rows.filter((r) => r.role === 'lead').map((r) => r.unitId),
    partner: rows.filter((r) => r.role === 'partner').map((r) => r.unitId),
  };
}

/** The project's own columns from a checked plan-format project. */
export function projectColumns(p: PlanProject) {
  return {
    ref: p.ref,
    name: p.name,
    field: p.field ?? null,
    task: p.task ?? null,
    planText: p.planText ?? null,
    leaders: p.leaders,
    budget: p.budget ?? null,
  };
}

export async function insertProject(
  tx: Tx,
  row: ReturnType<typeof projectColumns> & { planYearId: string; position: number },
): Promise<string> {
  const [created] = await tx
    .insert(projects)
    .values({ ...row, source: 'manual' })
    .returning({ id: projects.id });
  return created!.id;
}

export async function updateProject(tx: Tx, id: string, row: ReturnType<typeof projectColumns>) {
  await tx.update(projects).set(row).where(eq(projects.id, id));
}

export async function replaceProjectUnits(
  tx: Tx,
  projectId: string,
  unitIds: { lead: readonly string[]; partner: readonly string[] },
): Promise<void> {
  await tx.delete(projectUnits).where(eq(projectUnits.projectId, projectId));
  const rows = [
    ...unitIds.lead.map((unitId, position) => ({ projectId, role: 'lead', position, unitId })),
    ...unitIds.partner.map((unitId, position) => ({ projectId, role: 'partner', position, unitId })),
  ];
  if (rows.length) await tx.insert(projectUnits).values(rows);
}

/** The project's indicators, each saying whether reports or allocations point at it. */
export async function storedIndicators(db: Executor, projectId: string): Promise<StoredIndicator[]> {
  return db
    .select({
      id: indicators.id,
      ref: indicators.ref,
      name: indicators.name,
      kind: indicators.kind,
      inUse: sql<boolean>`(exists (select 1 from ${reportValues} v where v.indicator_id = ${indicators.id})
        or exists (select 1 from ${allocations} a where a.indicator_id = ${indicators.id}))`,
    })
    .from(indicators)
    .where(eq(indicators.projectId, projectId))
    .orderBy(asc(indicators.position));
}

type IndicatorEntry = PlanProject['indicators'][number];

const indicatorColumns = (i: IndicatorEntry, position: number) => ({
  ref: i.ref,
  position,
  name: i.name,
  unit: i.unit ?? null,
  kind: i.kind,
  target: 'target' in i && i.target !== undefined ? String(i.target) : null,
});

export async function insertIndicators(
  tx: Tx,
  projectId: string,
  entries: ReadonlyArray<{ indicator: IndicatorEntry; position: number }>,
): Promise<void> {
  if (entries.length === 0) return;
  await tx
    .insert(indicators)
    .values(entries.map((e) => ({ projectId, ...indicatorColumns(e.indicator, e.position) })));
}

export async function updateIndicator(tx: Tx, id: string, indicator: IndicatorEntry, position: number) {
  await tx.update(indicators).set(indicatorColumns(indicator, position)).where(eq(indicators.id, id));
}

export async function deleteIndicators(tx: Tx, projectId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .delete(indicators)
    .where(and(eq(indicators.projectId, projectId), inArray(indicators.id, [...ids])));
}

/** Milestones are the plan's steps, referred to by nothing else: an edit writes them afresh. */
export async function replaceMilestones(
  tx: Tx,
  projectId: string,
  list: PlanProject['milestones'],
): Promise<void> {
  await tx.delete(milestones).where(eq(milestones.projectId, projectId));
  if (list.length === 0) return;
  await tx.insert(milestones).values(
    list.map((m, position) => ({
      projectId,
      position,
      due: m.due,
      text: m.text ?? null,
      planned: m.planned,
      investment: m.investment ?? null,
    })),
  );
}

/** The stored project as the entry form shows it. */
export async function projectEntryRows(db: Executor, projectId: string) {
  const [indicatorRows, milestoneRows, unitIds] = await Promise.all([
    storedIndicators(db, projectId).then(async (inUse) => {
      const rows = await db
        .select()
        .from(indicators)
        .where(eq(indicators.projectId, projectId))
        .orderBy(asc(indicators.position));
      const used = new Map(inUse.map((i) => [i.id, i.inUse]));
      return rows.map((r) => ({ ...r, inUse: used.get(r.id) ?? false }));
    }),
    db.select().from(milestones).where(eq(milestones.projectId, projectId)).orderBy(asc(milestones.position)),
    projectUnitIds(db, projectId),
  ]);
  return { indicatorRows, milestoneRows, unitIds };
}

/** Each split indicator of a plan year with its project and the sub-regions it is split to. */
export async function splitIndicatorsOf(db: Executor, planYearId: string) {
  return db
    .select({
      projectId: projects.id,
      projectRef: projects.ref,
      indicatorId: indicators.id,
      ref: indicators.ref,
      kind: indicators.kind,
      regionCode: allocations.regionCode,
    })
    .from(allocations)
    .innerJoin(indicators, eq(indicators.id, allocations.indicatorId))
    .innerJoin(projects, eq(projects.id, indicators.projectId))
    .where(eq(projects.planYearId, planYearId));
}

export interface ImportedReport {
  projectId: string;
  regionCode: string;
  asOf: string;
  investment: string | null;
  fundsArrived?: string | null;
  progressText: string | null;
  /** value null: the report gave only the eligible count. */
  values: Array<{ indicatorId: string; value: string | null; eligible: string | null }>;
}

/** Rows per statement: well under PostgreSQL's 65,535 bound parameters for either table. */
const BATCH = 2000;

/** Approved reports from elsewhere (history), written a few thousand rows per statement. */
export async function insertImportedReports(tx: Executor, reports: readonly ImportedReport[]): Promise<void> {
  // Ids made here, so that each value row finds its report without relying on RETURNING's order.
  const ids = reports.map(() => randomUUID());
  const rows = reports.map((r, i) => ({
    id: ids[i]!,
    projectId: r.projectId,
    regionCode: r.regionCode,
    asOf: r.asOf,
    version: 1,
    status: 'approved',
    investment: r.investment,
    fundsArrived: r.fundsArrived ?? null,
    progressText: r.progressText,
    source: 'import',
  }));
  const values = reports.flatMap((r, i) => r.values.map((v) => ({ reportId: ids[i]!, ...v })));
  for (let i = 0; i < rows.length; i += BATCH)
    await tx.insert(progressReports).values(rows.slice(i, i + BATCH));
  for (let i = 0; i < values.length; i += BATCH)
    await tx.insert(reportValues).values(values.slice(i, i + BATCH));
}

/**
 * Plan years with at least one project, newest first: what the public can follow. `named` keeps those
 * whose region's name (or its parent's) contains it: a country has thousands of counties.
 */
export async function planYearsWithProjects(db: Executor, named?: string) {
  const pattern = named ? likePattern(named) : null;
  const result = await db.execute(sql`
    select p.region_code as "regionCode", r.name as "regionName", pr.name as "parentName", p.year, p.title,
      p.demo, count(*)::int as projects
    from projects j
    join plan_years p on p.id = j.plan_year_id
    join regions r on r.code = p.region_code
    left join regions pr on pr.code = r.parent_code
    where ${pattern}::text is null or r.name like ${pattern} or pr.name like ${pattern}
    group by p.region_code, r.name, pr.name, p.year, p.title, p.demo
    order by p.year desc, p.region_code
    limit 200
  `);
  return rowsOf<{
    regionCode: string;
    regionName: string;
    /** Tells apart two regions of the same name (阳泉市 城区, 晋城市 城区). */
    parentName: string | null;
    year: number;
    title: string | null;
    demo: boolean;
    projects: number;
  }>(result).map((r) => ({ ...r, year: Number(r.year), projects: Number(r.projects) }));
}
