import { type AnyColumn, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rowsOf } from '../../db/transaction';
import { planYears } from '../plans/plans.tables';
import { units } from '../units/units.tables';
import { indicatorFromDb, quantityFromDb } from './db-values';
import {
  allocations,
  indicators,
  latestFigures,
  progressReports,
  projects,
  projectUnits,
  reportValues,
} from './progress.tables';
import type { Quantity } from './quantity.rules';
import type { ProjectContext, ReportRow, ReportValueRow } from './reports.repository';

/*
 * What a report is checked against, each read as one statement: a project's context (plan year, units,
 * indicators, allocations), the approved baseline of a project and region, and everything a submission
 * needs at once. On PostgreSQL every statement is a round trip between two processes.
 */

/**
 * A project with its plan year, units (lead units first, in order), indicators (in order) and the
 * sub-regions its targets are split to: one statement, as every report's check reads it.
 */
export async function findProjectContext(
  db: Executor,
  projectId: string,
): Promise<ProjectContext | undefined> {
  const [row] = rowsOf<{ project: ProjectContextJson | string | null }>(
    await db.execute(sql`select ${projectContextJson(sql`${projectId}::uuid`)} as project`),
  );
  return row?.project ? projectContextOf(parsedJson(row.project)) : undefined;
}

/** The project context of the project `projectId` names, as one json value (null: no such project). */
function projectContextJson(projectId: SQL | AnyColumn): SQL {
  return sql`(
    select json_build_object(
      'id', p.id, 'ref', p.ref, 'name', p.name, 'planYearId', y.id, 'regionCode', y.region_code,
      'year', y.year, 'stage', y.stage, 'periodStart', y.period_start, 'periodEnd', y.period_end,
      'unitIds', coalesce((
        select json_agg(pu.unit_id order by pu.role <> 'lead', pu.position)
        from ${projectUnits} pu where pu.project_id = p.id), '[]'),
      'indicators', coalesce((
        select json_agg(json_build_object('id', i.id, 'ref', i.ref, 'name', i.name, 'unit', i.unit,
          'kind', i.kind, 'target', i.target::text, 'shares', coalesce((
            select json_object_agg(a.region_code, a.target::text)
            from ${allocations} a where a.indicator_id = i.id), '{}')) order by i.position)
        from ${indicators} i where i.project_id = p.id), '[]'))
    from ${projects} p join ${planYears} y on y.id = p.plan_year_id
    where p.id = ${projectId})`;
}

/** ProjectContext as the statement builds it: the period in two fields, indicators as their rows. */
type ProjectContextJson = Omit<ProjectContext, 'period' | 'indicators' | 'allocationRegions'> & {
  periodStart: string;
  periodEnd: string;
  indicators: IndicatorJson[];
};

function projectContextOf({ periodStart, periodEnd, indicators, ...p }: ProjectContextJson): ProjectContext {
  return {
    ...p,
    period: { start: periodStart, end: periodEnd },
    // The sub-regions of every indicator's shares: the regions the project's targets are split to.
    allocationRegions: [...new Set(indicators.flatMap((i) => Object.keys(i.shares)))].sort(),
    indicators: indicators.map(({ shares, ...row }) => {
      const indicator = indicatorFromDb(row);
      const share = (target: string | null) =>
        target === null ? null : quantityFromDb(indicator.kind, target);
      return {
        ...indicator,
        shares: Object.fromEntries(Object.entries(shares).map(([region, target]) => [region, share(target)])),
      };
    }),
  };
}

export interface SubmissionContext {
  report: ReportRow;
  project: ProjectContext;
  valueRows: ReportValueRow[];
  approved: ApprovedFigures;
  /** Region of each of the given units (the submitting clerk's). */
  unitRegions: Map<string, string>;
}

/**
 * Everything a report's submission is checked against, in one statement: the report, its project's
 * context, its values, the approved baseline of its project and region, and the regions of the
 * clerk's units. On PostgreSQL each statement is a round trip between two processes: a submission read
 * in five statements spent most of its time travelling (issue 3: under 20 ms at p95).
 */
export async function submissionContext(
  db: Executor,
  reportId: string,
  unitIds: readonly string[],
): Promise<SubmissionContext | undefined> {
  const [row] = await db
    .select({
      report: progressReports,
      project: sql<ProjectContextJson | string | null>`${projectContextJson(progressReports.projectId)}`,
      values: sql<ReportValueJson[] | string>`coalesce((
        select json_agg(json_build_object('indicatorId', v.indicator_id, 'value', v.value::text,
          'eligible', v.eligible::text))
        from ${reportValues} v where v.report_id = ${progressReports.id}), '[]')`,
      approved: sql<
        ApprovedFigures | string
      >`${approvedFiguresJson(progressReports.projectId, progressReports.regionCode)}`,
      units: sql<Array<{ id: string; regionCode: string }> | string>`coalesce((
        select json_agg(json_build_object('id', u.id, 'regionCode', u.region_code))
        from ${units} u
        where u.id::text = any(array(select jsonb_array_elements_text(${JSON.stringify(unitIds)}::jsonb)))), '[]')`,
    })
    .from(progressReports)
    .where(eq(progressReports.id, reportId))
    .limit(1);
  if (!row?.project) return undefined;
  return {
    report: row.report,
    project: projectContextOf(parsedJson(row.project)),
    valueRows: parsedJson(row.values).map((v) => ({ reportId: row.report.id, ...v })),
    approved: parsedJson(row.approved),
    unitRegions: new Map(parsedJson(row.units).map((u) => [u.id, u.regionCode])),
  };
}

interface ReportValueJson {
  indicatorId: string;
  value: string | null;
  eligible: string | null;
}

interface IndicatorJson {
  id: string;
  ref: string;
  name: string;
  unit: string | null;
  kind: string;
  target: string | null;
  /** 任务分解: the target given to each sub-region, by region code. */
  shares: Record<string, string | null>;
}

/** json from a raw column: node-postgres parses it, PGlite's driver may hand it over as text. */
function parsedJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

/**
 * What a new report of a project in a region is checked against: the date of its latest approved
 * report (earlier periods are closed) and the latest approved value of each indicator, read from
 * latest_figures rather than searched in the history: ApprovedFigures as one json value, read with the
 * rest of a submission's context (submissionContext); baselineByRef names the values.
 */
function approvedFiguresJson(projectId: SQL | AnyColumn, regionCode: SQL | AnyColumn): SQL {
  return sql`json_build_object(
    'lastApprovedAsOf', (
      select max(r.as_of)::text from ${progressReports} r
      where r.project_id = ${projectId} and r.region_code = ${regionCode} and r.status = 'approved'),
    'figures', coalesce((
      select json_agg(json_build_object('indicatorId', f.indicator_id, 'value', f.value::text))
      from ${latestFigures} f join ${indicators} i on i.id = f.indicator_id
      where i.project_id = ${projectId} and f.region_code = ${regionCode}), '[]'))`;
}

export interface ApprovedFigures {
  lastApprovedAsOf: string | null;
  figures: Array<{ indicatorId: string; value: string }>;
}

export function baselineByRef(
  approved: ApprovedFigures,
  project: Pick<ProjectContext, 'indicators'>,
): { lastApprovedAsOf: string | null; lastApproved: Record<string, Quantity> } {
  const lastApproved: Record<string, Quantity> = {};
  if (!approved.lastApprovedAsOf) return { lastApprovedAsOf: null, lastApproved };
  const byId = new Map(project.indicators.map((i) => [i.id, i]));
  for (const f of approved.figures) {
    const indicator = byId.get(f.indicatorId);
    if (indicator) lastApproved[indicator.ref] = quantityFromDb(indicator.kind, f.value);
  }
  return { lastApprovedAsOf: approved.lastApprovedAsOf, lastApproved };
}
