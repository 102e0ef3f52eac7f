import { eq } from 'drizzle-orm';
import { DomainError } from '../../../kernel/errors';
import { type AppDeps, todayInChina } from '../../../server/deps';
import { findPlanYear } from '../../plans';
import { findRegion } from '../../regions';
import { assessPlan } from '../../reports/bulletin.rules';
import { COMPLETED_PHRASES } from '../../reports/bulletin-text.rules';
import { PROJECT_STATUS_LABELS } from '../assessment.rules';
import { LIGHT_LABELS } from '../lights.rules';
import { projects } from '../progress.tables';
import { planYearsWithProjects } from '../projects.repository';
import { loadPlanDocument } from './plan-exchange';
import { clampToPeriod, lightOptions } from './views';

/**
 * 项目进展公开: what residents may follow without signing in: every plan year that has projects, and
 * for one of them each project's standing today (status, completion, light) as the coordinator's
 * overview computes it. Only what a bulletin publishes: no phones, no people, no budget lines, no
 * reporting flags.
 */
export async function publicPlanYears(deps: AppDeps, named?: string) {
  return { items: await planYearsWithProjects(deps.db, named) };
}

export async function publicPlanProgress(deps: AppDeps, regionCode: string, year: number) {
  const planYear = await findPlanYear(deps.db, regionCode, year);
  if (!planYear) throw new DomainError('PLAN_YEAR_NOT_FOUND');
  const [plan, region, rows] = await Promise.all([
    loadPlanDocument(deps.db, regionCode, year, { allocations: false }),
    findRegion(deps.db, regionCode),
    deps.db
      .select({ id: projects.id, ref: projects.ref })
      .from(projects)
      .where(eq(projects.planYearId, planYear.id)),
  ]);
  const asOf = clampToPeriod(todayInChina(deps), plan.period);
  const assessment = assessPlan(plan, asOf, lightOptions(planYear.lightRule));
  const ids = new Map(rows.map((r) => [r.ref, r.id]));
  return {
    region: regionCode,
    regionName: region?.name ?? plan.region.name,
    year,
    title: plan.title ?? null,
    demo: planYear.demo,
    period: plan.period,
    asOf: assessment.asOf,
    elapsed: assessment.elapsed,
    total: assessment.total,
    completed: assessment.completed,
    inProgress: assessment.inProgress,
    lagging: assessment.lagging,
    projects: assessment.projects.map((p) => {
      const source = plan.projects.find((x) => x.ref === p.ref)!;
      return {
        id: ids.get(p.ref)!,
        name: p.name,
        field: source.field ?? null,
        leadUnits: source.leadUnits,
        status: p.status,
        completedAs: p.completedAs,
        /** As the bulletin words it: 已超额完成, 已实现全覆盖, … or the status (进度滞后). */
        standing: p.completedAs ? `已${COMPLETED_PHRASES[p.completedAs]}` : PROJECT_STATUS_LABELS[p.status],
        completion: p.completion,
        light: p.light,
        lightLabel: LIGHT_LABELS[p.light],
      };
    }),
  };
}
