import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { planYears } from '../plans/plans.tables';
import { units } from '../units/units.tables';
import { progressReports, projects, projectUnits } from './progress.tables';
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

/** Every report of these projects filed for the plan's own region (not a sub-region's share). */
export async function reportStatesOf(db: Executor, projectIds: readonly string[]) {
  if (projectIds.length === 0) return [];
  const rows = await db
    .select({
      id: progressReports.id,
      projectId: progressReports.projectId,
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
        sql`${progressReports.regionCode} = ${planYears.regionCode}`,
      ),
    );
  return rows.map((r) => ({ ...r, status: r.status as ReportStatus }));
}
