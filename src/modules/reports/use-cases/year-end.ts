import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { can } from '../../../kernel/policy';
import { type AppDeps, todayInChina } from '../../../server/deps';
import { findPlanYear } from '../../plans';
import { loadPlanDocument, resolveLightRule } from '../../progress';
import { planFunnel } from '../../suggestions';
import { supervisionAsOf } from '../../supervision';
import { assessPlan } from '../bulletin.rules';
import { yearEndMarkdown, yearEndReport } from '../year-end.rules';
import { BULLETIN_CONTENT_TYPES, type BulletinFormat } from './bulletin';
import { loadSatisfaction } from './satisfaction';

export const YEAR_END_FORMATS = ['json', 'md', 'docx', 'xlsx'] as const;
export type YearEndFormat = BulletinFormat;

/**
 * 年度民生实事办理情况报告 of a plan year, in one of the four forms. The plan is assessed at the end of
 * its period, or on the day of issue while the year is still running. Reads only; a plan year with
 * no suggestions, candidates or evaluation yet gets a report that says so.
 */
export async function renderYearEndReport(
  deps: AppDeps,
  actor: Actor | string,
  input: { regionCode: string; year: number; format: YearEndFormat },
): Promise<{ body: string | Buffer; contentType: string }> {
  if (typeof actor !== 'string' && !can(actor, 'plan.read', { regionCode: input.regionCode })) {
    throw new DomainError('OUT_OF_SCOPE');
  }
  const planYear = await findPlanYear(deps.db, input.regionCode, input.year);
  if (!planYear) {
    throw new DomainError('PLAN_YEAR_NOT_FOUND', {
      message: `没有 ${input.regionCode} ${input.year} 年度的计划`,
    });
  }
  const plan = await loadPlanDocument(deps.db, input.regionCode, input.year, { allocations: false });
  const issuedOn = todayInChina(deps);
  const asOf = withinPeriod(issuedOn, plan.period);
  const rule = planYear.lightRule ? resolveLightRule(planYear.lightRule) : undefined;
  const assessment = assessPlan(plan, asOf, rule?.ok ? { lightRule: rule.rule } : {});
  const report = {
    plan,
    assessment,
    funnel: await planFunnel(deps, actor, input.regionCode, input.year),
    satisfaction: await loadSatisfaction(deps, actor, input.regionCode, input.year),
    supervision: await supervisionAsOf(deps.db, input.regionCode, input.year, asOf),
    issuedOn,
    demo: planYear.demo,
  };
  const contentType = BULLETIN_CONTENT_TYPES[input.format];
  switch (input.format) {
    case 'json':
      return { body: `${JSON.stringify(yearEndReport(report), null, 2)}\n`, contentType };
    case 'md':
      return { body: yearEndMarkdown(report), contentType };
    // Loaded on first use, as the bulletin's writers are: docx and exceljs are ~28 MB a server need not hold.
    case 'docx': {
      const { bulletinDocx } = await import('../bulletin-docx');
      return { body: await bulletinDocx(yearEndMarkdown(report)), contentType };
    }
    case 'xlsx': {
      const { yearEndXlsx } = await import('../year-end-xlsx');
      return { body: await yearEndXlsx(yearEndReport(report)), contentType };
    }
  }
}

/** The day of issue, or the period's end once it is over (its start before it begins). */
function withinPeriod(date: string, period: { start: string; end: string }): string {
  if (date > period.end) return period.end;
  if (date < period.start) return period.start;
  return date;
}
