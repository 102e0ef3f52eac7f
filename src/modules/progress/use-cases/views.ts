import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../../kernel/actor';
import { chinaDate } from '../../../kernel/date-window';
import { DomainError } from '../../../kernel/errors';
import { can } from '../../../kernel/policy';
import { type AppDeps, todayInChina } from '../../../server/deps';
import { maskPhone } from '../../identity';
import { findPlanYear, planYears } from '../../plans';
import { regionNamesOf } from '../../regions';
import { assessPlan } from '../../reports/bulletin.rules';
import { assessProject } from '../assessment.rules';
import { resolveLightRule } from '../lights.rules';
import { mayReadProject } from '../progress.policy';
import { progressReports, projects } from '../progress.tables';
import { expectedReports, reportFlags } from '../reporting.rules';
import { elapsedFraction } from '../schedule.rules';
import { loadPlanDocument } from './plan-exchange';

export async function planYearOrThrow(deps: AppDeps, actor: Actor, regionCode: string, year: number) {
  if (!can(actor, 'plan.read', { regionCode })) throw new DomainError('OUT_OF_SCOPE');
  const planYear = await findPlanYear(deps.db, regionCode, year);
  if (!planYear) throw new DomainError('PLAN_YEAR_NOT_FOUND');
  return planYear;
}

export function lightOptions(rule: unknown) {
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
  const date = asOf ?? clampToPeriod(todayInChina(deps), plan.period);
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
            // On time is judged by China's calendar: a report sent at 01:00 on the 6th is late, though
            // it is still the 5th in UTC. Imported history counts as reported on its own date.
            submittedOn: s.submittedAt ? chinaDate(s.submittedAt) : s.source === 'import' ? s.asOf : null,
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

export function clampToPeriod(date: string, period: { start: string; end: string }) {
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
  const date = asOf ?? clampToPeriod(todayInChina(deps), plan.period);
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
  // The sub-regions its targets were split to, by name: the report form and the page name them.
  const regionNames = await regionNamesOf(deps.db, allocationRegions);
  return {
    id: projectId,
    planYear: {
      regionCode: plan.region.code,
      regionName: plan.region.name,
      year: plan.year,
      period: plan.period,
      stage: planYear!.stage,
      demo: planYear!.demo,
    },
    project,
    regionNames,
    assessment: assessProject(project, plan.period, date, options),
    elapsed: elapsedFraction(plan.period, date),
    asOf: date,
    series,
  };
}

export { planRollup, type RollupDrill } from './rollup-view';
