import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { planYears } from '../plans/plans.tables';
import { units } from '../units/units.tables';
import { allocations, indicators, progressReports, projects, projectUnits } from './progress.tables';
import type { ReportStatus } from './reporting.rules';

/** The projects of plan years being implemented that these units lead or partner, with the plan's calendar. */
export async function projectsOfUnits(db: Executor, unitIds: readonly string[]) {
  if (unitIds.length === 0) return [];
  return db
    .select({
      projectId: projects.id,
      ref: projects.ref,
      name: projects.name,
      regionCode: planYears.regionCode,
      year: planYears.year,
      periodStart: planYears.periodStart,
      periodEnd: planYears.periodEnd,
      reportingDay: planYears.reportingDay,
      unitId: projectUnits.unitId,
      unitName: units.name,
      role: projectUnits.role,
    })
    .from(projectUnits)
    .innerJoin(projects, eq(projects.id, projectUnits.projectId))
    .innerJoin(planYears, eq(planYears.id, projects.planYearId))
    .innerJoin(units, eq(units.id, projectUnits.unitId))
    .where(and(inArray(projectUnits.unitId, [...unitIds]), eq(planYears.stage, 'implement')))
    .orderBy(asc(planYears.year), asc(planYears.regionCode), asc(projects.ref));
}

/**
 * The projects of plan years being implemented whose targets were split to these regions (任务分解),
 * one row per project and region: each such region reports its own share.
 */
export async function sharesInRegions(db: Executor, regionCodes: readonly string[]) {
  if (regionCodes.length === 0) return [];
  return db
    .selectDistinct({
      projectId: projects.id,
      ref: projects.ref,
      name: projects.name,
      planRegionCode: planYears.regionCode,
      year: planYears.year,
      periodStart: planYears.periodStart,
      periodEnd: planYears.periodEnd,
      reportingDay: planYears.reportingDay,
      regionCode: allocations.regionCode,
    })
    .from(allocations)
    .innerJoin(indicators, eq(indicators.id, allocations.indicatorId))
    .innerJoin(projects, eq(projects.id, indicators.projectId))
    .innerJoin(planYears, eq(planYears.id, projects.planYearId))
    .where(and(inArray(allocations.regionCode, [...regionCodes]), eq(planYears.stage, 'implement')))
    .orderBy(asc(planYears.year), asc(planYears.regionCode), asc(projects.ref), asc(allocations.regionCode));
}

/**
 * Every report of these projects filed for the plan's own region, or, given `shareRegions`, for
 * those sub-regions' shares.
 */
export async function reportStatesOf(
  db: Executor,
  projectIds: readonly string[],
  shareRegions?: readonly string[],
) {
  if (projectIds.length === 0) return [];
  const rows = await db
    .select({
      id: progressReports.id,
      projectId: progressReports.projectId,
      regionCode: progressReports.regionCode,
      unitId: progressReports.unitId,
      asOf: progressReports.asOf,
      status: progressReports.status,
      returnReason: progressReports.returnReason,
    })
    .from(progressReports)
    .innerJoin(projects, eq(projects.id, progressReports.projectId))
    .innerJoin(planYears, eq(planYears.id, projects.planYearId))
    .where(
      and(
        inArray(progressReports.projectId, [...projectIds]),
        shareRegions
          ? inArray(progressReports.regionCode, [...shareRegions])
          : sql`${progressReports.regionCode} = ${planYears.regionCode}`,
      ),
    );
  return rows.map((r) => ({ ...r, status: r.status as ReportStatus }));
}
