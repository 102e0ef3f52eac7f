import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { normalizeYuan } from '../../kernel/money';
import { units } from '../units/units.tables';
import { quantityFromDb } from './db-values';
import type { IndicatorKind } from './indicator.rules';
import type {
  PlanAllocation,
  PlanDocument,
  PlanIndicator,
  PlanMilestone,
  PlanProject,
  PlanReport,
} from './plan-format.schema';
import {
  allocations,
  indicators,
  milestones,
  progressReports,
  projects,
  projectUnits,
  reportValues,
} from './progress.tables';
import { type ImportedReport, insertImportedReports } from './projects.repository';
import type { Quantity } from './quantity.rules';
import { advanceLatestFiguresOfPlanYear, refreshIndicatorRollups } from './reports.repository';

const yuanOrUndefined = (value: string | null) => (value === null ? undefined : normalizeYuan(value));

/**
 * Empties a plan year for a re-import. Projects whose ref the new document still has keep their row
 * (and id: printed QR posters, survey answers and evaluation sessions point at it) and lose everything
 * under it; projects the document no longer has are removed. Returns the kept ids by ref.
 */
export async function clearPlanContents(
  tx: Executor,
  planYearId: string,
  keepRefs: readonly string[],
): Promise<Map<string, string>> {
  await tx.execute(sql`select set_config('minsheng.replacing_plan', 'on', true)`);
  const rows = await tx
    .select({ id: projects.id, ref: projects.ref })
    .from(projects)
    .where(eq(projects.planYearId, planYearId));
  const keep = new Set(keepRefs);
  const kept = rows.filter((r) => keep.has(r.ref)).map((r) => r.id);
  const gone = rows.filter((r) => !keep.has(r.ref)).map((r) => r.id);
  if (kept.length) {
    await tx.delete(progressReports).where(inArray(progressReports.projectId, kept));
    await tx.delete(indicators).where(inArray(indicators.projectId, kept));
    await tx.delete(milestones).where(inArray(milestones.projectId, kept));
    await tx.delete(projectUnits).where(inArray(projectUnits.projectId, kept));
  }
  if (gone.length) await tx.delete(projects).where(inArray(projects.id, gone));
  await tx.execute(sql`select set_config('minsheng.replacing_plan', '', true)`);
  return new Map(rows.filter((r) => keep.has(r.ref)).map((r) => [r.ref, r.id]));
}

export interface StorePlanContext {
  planYearId: string;
  regionCode: string;
  /** Unit id for a unit name in the plan's region, created when missing. */
  unitId: (name: string) => Promise<string>;
  /** Projects kept from before a re-import, by ref (see clearPlanContents). */
  keptProjectIds?: Map<string, string>;
}

/** Writes every project of a checked plan document, with its reports as approved history. */
export async function storePlanProjects(
  tx: Executor,
  plan: PlanDocument,
  ctx: StorePlanContext,
): Promise<void> {
  const history: ImportedReport[] = [];
  for (const [position, p] of plan.projects.entries()) {
    const fields = {
      position,
      name: p.name,
      field: p.field ?? null,
      task: p.task ?? null,
      planText: p.planText ?? null,
      leaders: p.leaders,
      budget: p.budget ?? null,
    };
    const keptId = ctx.keptProjectIds?.get(p.ref);
    if (keptId) await tx.update(projects).set(fields).where(eq(projects.id, keptId));
    const projectId =
      keptId ??
      (
        await tx
          .insert(projects)
          .values({ planYearId: ctx.planYearId, ref: p.ref, ...fields, source: 'import' })
          .returning({ id: projects.id })
      )[0]!.id;
    const unitRows = [
      ...p.leadUnits.map((name, i) => ({ role: 'lead', position: i, name })),
      ...p.partnerUnits.map((name, i) => ({ role: 'partner', position: i, name })),
    ];
    for (const u of unitRows) {
      await tx
        .insert(projectUnits)
        .values({ projectId, role: u.role, position: u.position, unitId: await ctx.unitId(u.name) });
    }
    const indicatorIds = new Map<string, string>();
    if (p.indicators.length) {
      const rows = await tx
        .insert(indicators)
        .values(
          p.indicators.map((ind, i) => ({
            projectId,
            ref: ind.ref,
            position: i,
            name: ind.name,
            unit: ind.unit ?? null,
            kind: ind.kind,
            target: 'target' in ind && ind.target !== undefined ? String(ind.target) : null,
          })),
        )
        .returning({ id: indicators.id, ref: indicators.ref });
      for (const r of rows) indicatorIds.set(r.ref, r.id);
    }
    if (p.milestones.length) {
      await tx.insert(milestones).values(
        p.milestones.map((m, i) => ({
          projectId,
          position: i,
          due: m.due,
          text: m.text ?? null,
          planned: m.planned,
          investment: m.investment ?? null,
        })),
      );
    }
    if (p.allocations.length) {
      await tx.insert(allocations).values(
        p.allocations.map((a, i) => ({
          indicatorId: indicatorIds.get(a.indicator)!,
          position: i,
          regionCode: a.region,
          target: a.target === undefined ? null : String(a.target),
        })),
      );
    }
    for (const r of p.reports) {
      const refs = new Set([...Object.keys(r.values), ...Object.keys(r.eligible)]);
      history.push({
        projectId,
        regionCode: ctx.regionCode,
        asOf: r.asOf,
        investment: r.investment ?? null,
        fundsArrived: r.fundsArrived ?? null,
        progressText: r.text ?? null,
        values: [...refs].map((ref) => ({
          indicatorId: indicatorIds.get(ref)!,
          value: r.values[ref] === undefined ? null : String(r.values[ref]),
          eligible: r.eligible[ref] === undefined ? null : String(r.eligible[ref]),
        })),
      });
    }
  }
  // The approved history in a few statements, not two per report (a demo plan has hundreds).
  await insertImportedReports(tx, history);
  await advanceLatestFiguresOfPlanYear(tx, ctx.planYearId);
  await refreshIndicatorRollups(tx, { planYearIds: [ctx.planYearId] });
}

export interface PlanLoadOptions {
  /** Only this project (a project page). */
  projectRef?: string;
  /**
   * False leaves every project's allocations out: an overview of a province split to 190 counties
   * needs none of its ~11,000 allocation rows (the roll-up reads its own read models).
   */
  allocations?: boolean;
}

/**
 * The plan year as a plan document: structure, allocations, and for each date the latest approved
 * version of the report on the plan's own region.
 */
export async function loadPlanProjects(
  db: Executor,
  planYearId: string,
  regionCode: string,
  options: PlanLoadOptions = {},
): Promise<PlanProject[]> {
  const projectRows = await db
    .select()
    .from(projects)
    .where(
      and(
        eq(projects.planYearId, planYearId),
        options.projectRef === undefined ? undefined : eq(projects.ref, options.projectRef),
      ),
    )
    .orderBy(asc(projects.position));
  if (projectRows.length === 0) return [];
  const ids = projectRows.map((p) => p.id);
  const [unitRows, indicatorRows, milestoneRows, allocationRows, reportRows] = await Promise.all([
    db
      .select({
        projectId: projectUnits.projectId,
        role: projectUnits.role,
        position: projectUnits.position,
        name: units.name,
      })
      .from(projectUnits)
      .innerJoin(units, eq(units.id, projectUnits.unitId))
      .where(inArray(projectUnits.projectId, ids))
      .orderBy(asc(projectUnits.position)),
    db.select().from(indicators).where(inArray(indicators.projectId, ids)).orderBy(asc(indicators.position)),
    db.select().from(milestones).where(inArray(milestones.projectId, ids)).orderBy(asc(milestones.position)),
    options.allocations === false
      ? []
      : db
          .select({
            a: allocations,
            projectId: indicators.projectId,
            ref: indicators.ref,
            kind: indicators.kind,
          })
          .from(allocations)
          .innerJoin(indicators, eq(indicators.id, allocations.indicatorId))
          .where(inArray(indicators.projectId, ids))
          // As the document listed them (position is the index in the project's allocations).
          .orderBy(asc(allocations.position)),
    db
      .select()
      .from(progressReports)
      .where(
        and(
          inArray(progressReports.projectId, ids),
          eq(progressReports.regionCode, regionCode),
          eq(progressReports.status, 'approved'),
        ),
      )
      .orderBy(asc(progressReports.asOf), asc(progressReports.version)),
  ]);
  const latest = new Map<string, (typeof reportRows)[number]>();
  for (const r of reportRows) latest.set(`${r.projectId}/${r.asOf}`, r);
  const reportIds = [...latest.values()].map((r) => r.id);
  const valueRows = reportIds.length
    ? await db.select().from(reportValues).where(inArray(reportValues.reportId, reportIds))
    : [];
  const indicatorById = new Map(indicatorRows.map((i) => [i.id, i]));

  return projectRows.map((p) => {
    const own = <T extends { projectId: string }>(rows: T[]) => rows.filter((r) => r.projectId === p.id);
    const inds = own(indicatorRows);
    const reports: PlanReport[] = [...latest.values()]
      .filter((r) => r.projectId === p.id)
      .map((r) => {
        const values: Record<string, Quantity> = {};
        const eligible: Record<string, number> = {};
        for (const v of valueRows.filter((x) => x.reportId === r.id)) {
          const ind = indicatorById.get(v.indicatorId)!;
          if (v.value !== null) values[ind.ref] = quantityFromDb(ind.kind as IndicatorKind, v.value);
          if (v.eligible !== null) eligible[ind.ref] = Number(v.eligible);
        }
        return {
          asOf: r.asOf,
          values,
          eligible,
          ...(r.investment !== null && { investment: yuanOrUndefined(r.investment) }),
          ...(r.fundsArrived !== null && { fundsArrived: yuanOrUndefined(r.fundsArrived) }),
          ...(r.progressText !== null && { text: r.progressText }),
        };
      });
    return {
      ref: p.ref,
      name: p.name,
      ...(p.field !== null && { field: p.field }),
      ...(p.task !== null && { task: p.task }),
      ...(p.planText !== null && { planText: p.planText }),
      leadUnits: own(unitRows)
        .filter((u) => u.role === 'lead')
        .map((u) => u.name),
      partnerUnits: own(unitRows)
        .filter((u) => u.role === 'partner')
        .map((u) => u.name),
      leaders: p.leaders,
      ...(p.budget !== null && { budget: normalizeYuan(p.budget) }),
      indicators: inds.map(
        (i) =>
          ({
            ref: i.ref,
            name: i.name,
            ...(i.unit !== null && { unit: i.unit }),
            kind: i.kind,
            ...(i.target !== null && { target: quantityFromDb(i.kind as IndicatorKind, i.target) }),
          }) as PlanIndicator,
      ),
      milestones: own(milestoneRows).map(
        (m): PlanMilestone => ({
          due: m.due,
          ...(m.text !== null && { text: m.text }),
          planned: m.planned,
          ...(m.investment !== null && { investment: normalizeYuan(m.investment) }),
        }),
      ),
      reports,
      allocations: allocationRows
        .filter((a) => a.projectId === p.id)
        .map(
          (a): PlanAllocation => ({
            region: a.a.regionCode,
            indicator: a.ref,
            ...(a.a.target !== null && { target: quantityFromDb(a.kind as IndicatorKind, a.a.target) }),
          }),
        ),
    };
  });
}
