import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { can } from '../../../kernel/policy';
import type { AppDeps } from '../../../server/deps';
import { maskPhone } from '../../identity';
import { findPlanYear, planYears } from '../../plans';
import { findRegions } from '../../regions';
import { assessPlan } from '../../reports/bulletin.rules';
import { assessProject } from '../assessment.rules';
import { quantityFromDb } from '../db-values';
import type { IndicatorKind } from '../indicator.rules';
import { resolveLightRule } from '../lights.rules';
import { mayReadProject } from '../progress.policy';
import { allocations, indicators, latestFigures, progressReports, projects } from '../progress.tables';
import type { Quantity } from '../quantity.rules';
import { expectedReports, reportFlags } from '../reporting.rules';
import { rollUpIndicator } from '../rollup.rules';
import { elapsedFraction } from '../schedule.rules';
import { loadPlanDocument } from './plan-exchange';

const today = (deps: AppDeps) => deps.now().toISOString().slice(0, 10);

async function planYearOrThrow(deps: AppDeps, actor: Actor, regionCode: string, year: number) {
  if (!can(actor, 'plan.read', { regionCode })) throw new DomainError('OUT_OF_SCOPE');
  const planYear = await findPlanYear(deps.db, regionCode, year);
  if (!planYear) throw new DomainError('PLAN_YEAR_NOT_FOUND');
  return planYear;
}

function lightOptions(rule: unknown) {
  if (rule === null || rule === undefined) return {};
  const parsed = resolveLightRule(rule);
  return parsed.ok ? { lightRule: parsed.rule } : {};
}

/** The plan year at a glance: totals by status, 序时, lights, each project with its lead units and reporting flags. */
export async function planOverview(
  deps: AppDeps,
  actor: Actor,
  regionCode: string,
  year: number,
  asOf?: string,
) {
  const planYear = await planYearOrThrow(deps, actor, regionCode, year);
  const plan = await loadPlanDocument(deps.db, regionCode, year, { allocations: false });
  const date = asOf ?? clampToPeriod(today(deps), plan.period);
  const assessment = assessPlan(plan, date, lightOptions(planYear.lightRule));
  const projectRows = await deps.db
    .select({ id: projects.id, ref: projects.ref })
    .from(projects)
    .where(eq(projects.planYearId, planYear.id));
  const ids = new Map(projectRows.map((p) => [p.ref, p.id]));
  const submissions = projectRows.length
    ? await deps.db
        .select({
          projectId: progressReports.projectId,
          asOf: progressReports.asOf,
          submittedAt: progressReports.submittedAt,
          createdAt: progressReports.createdAt,
          source: progressReports.source,
        })
        .from(progressReports)
        .where(
          and(
            inArray(
              progressReports.projectId,
              projectRows.map((p) => p.id),
            ),
            eq(progressReports.regionCode, regionCode),
          ),
        )
    : [];
  const expected = expectedReports(plan.period, planYear.reportingDay, date);
  return {
    planYear: {
      id: planYear.id,
      regionCode,
      year,
      title: plan.title ?? null,
      stage: planYear.stage,
      period: plan.period,
      reportingDay: planYear.reportingDay,
      demo: planYear.demo,
    },
    ...assessment,
    projects: assessment.projects.map((p) => {
      const source = plan.projects.find((x) => x.ref === p.ref)!;
      const id = ids.get(p.ref)!;
      const flags = reportFlags(
        expected,
        submissions
          .filter((s) => s.projectId === id)
          .map((s) => ({
            asOf: s.asOf,
            // Imported history counts as reported on its own date.
            submittedOn:
              (s.submittedAt ?? (s.source === 'import' ? new Date(`${s.asOf}T00:00:00Z`) : null))
                ?.toISOString()
                .slice(0, 10) ?? null,
          })),
      );
      return {
        ...p,
        id,
        field: source.field ?? null,
        leadUnits: source.leadUnits,
        budget: source.budget ?? null,
        missingReports: flags.filter((f) => f.flag === 'missing').length,
        lateReports: flags.filter((f) => f.flag === 'late').length,
      };
    }),
  };
}

function clampToPeriod(date: string, period: { start: string; end: string }) {
  return date < period.start ? period.start : date > period.end ? period.end : date;
}

/**
 * One project: its plan, its assessment now, and a series per report date of actual, planned and
 * 序时 for the charts (actual vs plan vs 序时 over time).
 */
export async function projectDetail(deps: AppDeps, actor: Actor, projectId: string, asOf?: string) {
  const [row] = await deps.db
    .select({ planYearId: projects.planYearId, ref: projects.ref })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!row) throw new DomainError('PROJECT_NOT_FOUND');
  const [planYear] = await deps.db.select().from(planYears).where(eq(planYears.id, row.planYearId));
  const plan = await loadPlanDocument(deps.db, planYear!.regionCode, planYear!.year, {
    projectRef: row.ref,
  });
  const full = plan.projects.find((p) => p.ref === row.ref)!;
  const allocationRegions = [...new Set(full.allocations.map((a) => a.region))];
  if (!mayReadProject(actor, { regionCode: planYear!.regionCode, allocationRegions }))
    throw new DomainError('OUT_OF_SCOPE');
  // Phones of the people responsible are for those who run the plan; everyone else sees them masked.
  const showPhones = can(actor, 'plan.manage', { regionCode: planYear!.regionCode });
  const project = showPhones
    ? full
    : {
        ...full,
        leaders: full.leaders.map((l) => (l.phone ? { ...l, phone: maskPhone(l.phone) ?? undefined } : l)),
      };
  const date = asOf ?? clampToPeriod(today(deps), plan.period);
  const options = lightOptions(planYear!.lightRule);
  const dates = [
    ...new Set([...project.reports.map((r) => r.asOf), ...project.milestones.map((m) => m.due), date]),
  ]
    .filter((d) => d <= date)
    .sort();
  const series = dates.map((d) => {
    const a = assessProject(project, plan.period, d, options);
    return {
      asOf: d,
      elapsed: elapsedFraction(plan.period, d),
      completion: a.completion,
      indicators: a.indicators.map((i) => ({
        ref: i.ref,
        completion: i.completion,
        planned: i.planned,
        value: i.value,
      })),
    };
  });
  return {
    id: projectId,
    planYear: {
      regionCode: plan.region.code,
      regionName: plan.region.name,
      year: plan.year,
      period: plan.period,
      demo: planYear!.demo,
    },
    project,
    assessment: assessProject(project, plan.period, date, options),
    elapsed: elapsedFraction(plan.period, date),
    asOf: date,
    series,
  };
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
) {
  const planYear = await planYearOrThrow(deps, actor, regionCode, year);
  const date = asOf ?? clampToPeriod(today(deps), { start: planYear.periodStart, end: planYear.periodEnd });
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
  const regions = Object.fromEntries(
    (await findRegions(deps.db, [...new Set(rows.map((r) => r.regionCode))])).map((r) => [r.code, r.name]),
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
        projectId: indicator.projectId,
        projectRef: indicator.projectRef,
        projectName: indicator.projectName,
        ref: indicator.ref,
        name: indicator.name,
        unit: indicator.unit,
        kind,
        rollup: rollUpIndicator(kind, children),
        ...(drill && { children }),
      };
    }),
  };
}
