import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { type AppDeps, todayInChina } from '../../../server/deps';
import { regionNamesOf } from '../../regions';
import { quantityFromDb } from '../db-values';
import type { IndicatorKind } from '../indicator.rules';
import { allocations, indicators, latestFigures, projects } from '../progress.tables';
import type { Quantity } from '../quantity.rules';
import { type RollUp, rollUpFromTotals, rollUpIndicator } from '../rollup.rules';
import { clampToPeriod, planYearOrThrow } from './views';

export interface RollupChildFigure {
  region: string;
  regionName: string;
  target: Quantity | null;
  value: Quantity | null;
  eligible: number | null;
  reportedOn: string | null;
}

export interface RollupAnswer {
  regionCode: string;
  year: number;
  asOf: string;
  /** Names of the sub-regions named in the answer, by code. */
  regions: Record<string, string>;
  indicators: Array<
    ReturnType<typeof describeIndicator> & { rollup: RollUp; children?: RollupChildFigure[] }
  >;
}

/**
 * Each child's latest approved figure of the given indicators at a past date, searched in the
 * history: only for children whose current figure (latest_figures) is newer than the date asked.
 */
async function figuresAt(deps: AppDeps, indicatorIds: string[], date: string) {
  if (indicatorIds.length === 0) return new Map<string, HistoricFigure>();
  const result = await deps.db.execute(sql`
    select distinct on (v.indicator_id, r.region_code)
           v.indicator_id as "indicatorId", r.region_code as "regionCode", r.as_of::text as "asOf",
           v.value::text as value, v.eligible::text as eligible
    from report_values v join progress_reports r on r.id = v.report_id
    where r.status = 'approved' and r.as_of <= ${date}
      and v.indicator_id in (${sql.join(
        indicatorIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
    order by v.indicator_id, r.region_code, r.as_of desc, r.version desc`);
  const rows = (result as unknown as { rows: HistoricFigure[] }).rows;
  return new Map(rows.map((r) => [`${r.indicatorId}/${r.regionCode}`, r]));
}

interface HistoricFigure {
  indicatorId: string;
  regionCode: string;
  asOf: string;
  value: string;
  eligible: string | null;
}

function describeIndicator(i: {
  projectId: string;
  projectRef: string;
  projectName: string;
  ref: string;
  name: string;
  unit: string | null;
  kind: string;
}) {
  return {
    projectId: i.projectId,
    projectRef: i.projectRef,
    projectName: i.projectName,
    ref: i.ref,
    name: i.name,
    unit: i.unit,
    kind: i.kind as IndicatorKind,
  };
}

/**
 * The current roll-up of each split indicator summed in the database (indicator_rollups) with the
 * children that have and have not reported, so that a province split to 190 counties sends 60 rows
 * to the server, not 11,400. Undefined when a child's latest figure is newer than the date asked
 * (a look back), which only the history can answer.
 */
async function currentTotals(deps: AppDeps, planYearId: string, date: string) {
  const result = await deps.db.execute(sql`
    with children as (
      select a.indicator_id, max(f.as_of) as latest,
             coalesce(string_agg(a.region_code, ',' order by a.position) filter (where f.value is not null), '') as reported,
             coalesce(string_agg(a.region_code, ',' order by a.position) filter (where f.value is null), '') as not_reported
      from allocations a
      join indicators i on i.id = a.indicator_id
      join projects p on p.id = i.project_id
      left join latest_figures f on f.indicator_id = a.indicator_id and f.region_code = a.region_code
      where p.plan_year_id = ${planYearId}
      group by a.indicator_id)
    select c.indicator_id as "indicatorId", c.latest::text as latest, c.reported, c.not_reported as "notReported",
           r.indicator_id is not null as "summed", r.target::text as target, r.value::text as value,
           r.eligible::text as eligible
    from children c left join indicator_rollups r on r.indicator_id = c.indicator_id`);
  const rows = (
    result as unknown as {
      rows: Array<{
        indicatorId: string;
        latest: string | null;
        reported: string;
        notReported: string;
        summed: boolean;
        target: string | null;
        value: string | null;
        eligible: string | null;
      }>;
    }
  ).rows;
  if (rows.some((r) => !r.summed || (r.latest !== null && r.latest > date))) return undefined;
  const codes = (list: string) => (list ? list.split(',') : []);
  return new Map(
    rows.map((r) => [
      r.indicatorId,
      {
        value: r.value!,
        target: r.target,
        eligible: r.eligible,
        reported: codes(r.reported),
        notReported: codes(r.notReported),
      },
    ]),
  );
}

/** One split indicator to drill down into: its children's figures come with it. */
export interface RollupDrill {
  projectId: string;
  ref: string;
}

/**
 * 任务分解 roll-up: for each allocated indicator of the plan year, the children's targets and latest
 * approved figures at the date, summed (or weighted) into the parent, naming who has not reported.
 * Figures come from the latest_figures read model; only children whose latest figure is newer than
 * the date asked (a look back) are searched in the history. The children's own figures (the drill
 * down) come only with the indicator asked for: a province split to 190 counties has 60 × 190 of them.
 */
export async function planRollup(
  deps: AppDeps,
  actor: Actor,
  regionCode: string,
  year: number,
  asOf?: string,
  drill?: RollupDrill,
): Promise<RollupAnswer> {
  const planYear = await planYearOrThrow(deps, actor, regionCode, year);
  const date =
    asOf ?? clampToPeriod(todayInChina(deps), { start: planYear.periodStart, end: planYear.periodEnd });
  const inPlan = and(
    eq(projects.planYearId, planYear.id),
    drill ? and(eq(projects.id, drill.projectId), eq(indicators.ref, drill.ref)) : undefined,
  );
  const indicatorRows = await deps.db
    .selectDistinct({
      projectId: projects.id,
      projectRef: projects.ref,
      projectName: projects.name,
      projectPosition: projects.position,
      indicatorId: indicators.id,
      ref: indicators.ref,
      name: indicators.name,
      unit: indicators.unit,
      kind: indicators.kind,
      position: indicators.position,
    })
    .from(indicators)
    .innerJoin(projects, eq(projects.id, indicators.projectId))
    .innerJoin(allocations, eq(allocations.indicatorId, indicators.id))
    .where(inPlan)
    .orderBy(projects.position, indicators.position);
  if (drill && indicatorRows.length === 0) throw new DomainError('NOT_FOUND', { field: 'ref' });
  if (!drill) {
    const totals = await currentTotals(deps, planYear.id, date);
    if (totals) {
      const named = [...new Set([...totals.values()].flatMap((t) => t.notReported))];
      const regions = await regionNamesOf(deps.db, named);
      return {
        regionCode,
        year,
        asOf: date,
        regions,
        indicators: indicatorRows.map((indicator) => ({
          ...describeIndicator(indicator),
          rollup: rollUpFromTotals(indicator.kind as IndicatorKind, totals.get(indicator.indicatorId)!),
        })),
      };
    }
  }
  const rows = await deps.db
    .select({
      indicatorId: allocations.indicatorId,
      regionCode: allocations.regionCode,
      target: allocations.target,
      figureAsOf: latestFigures.asOf,
      figureValue: latestFigures.value,
      figureEligible: latestFigures.eligible,
    })
    .from(allocations)
    .innerJoin(indicators, eq(indicators.id, allocations.indicatorId))
    .innerJoin(projects, eq(projects.id, indicators.projectId))
    .leftJoin(
      latestFigures,
      and(
        eq(latestFigures.indicatorId, allocations.indicatorId),
        eq(latestFigures.regionCode, allocations.regionCode),
      ),
    )
    .where(inPlan)
    .orderBy(allocations.indicatorId, allocations.position);
  const stale = [
    ...new Set(rows.filter((r) => r.figureAsOf !== null && r.figureAsOf > date).map((r) => r.indicatorId)),
  ];
  const history = await figuresAt(deps, stale, date);
  const regions = await regionNamesOf(
    deps.db,
    rows.map((r) => r.regionCode),
  );
  const byIndicator = new Map<string, typeof rows>();
  for (const r of rows) {
    const group = byIndicator.get(r.indicatorId);
    if (group) group.push(r);
    else byIndicator.set(r.indicatorId, [r]);
  }
  return {
    regionCode,
    year,
    asOf: date,
    /** Names of the sub-regions, by code: the roll-ups name children by code. */
    regions,
    indicators: indicatorRows.map((indicator) => {
      const kind = indicator.kind as IndicatorKind;
      const children = (byIndicator.get(indicator.indicatorId) ?? []).map((c) => {
        const figure =
          c.figureAsOf === null
            ? null
            : c.figureAsOf <= date
              ? { asOf: c.figureAsOf, value: c.figureValue!, eligible: c.figureEligible }
              : (history.get(`${c.indicatorId}/${c.regionCode}`) ?? null);
        return {
          region: c.regionCode,
          regionName: regions[c.regionCode] ?? c.regionCode,
          target: c.target === null ? null : quantityFromDb(kind, c.target),
          value: figure ? (quantityFromDb(kind, figure.value) as Quantity) : null,
          eligible: figure?.eligible ? Number(figure.eligible) : null,
          reportedOn: figure?.asOf ?? null,
        };
      });
      return {
        ...describeIndicator(indicator),
        rollup: rollUpIndicator(kind, children),
        ...(drill && { children }),
      };
    }),
  };
}
