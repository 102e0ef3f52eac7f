import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { regionPrefix } from '../../../kernel/regions';
import type { AppDeps } from '../../../server/deps';
import { regionNamesOf } from '../../regions';
import { assertAllowed, mayFollowEvaluation, maySeeRespondents } from '../evaluation.policy';
import {
  planProjects,
  planYearsWithin,
  projectWithPlan,
  sessionsOfPlanYear,
  surveyCommentsOf,
  surveyCountsOf,
} from '../evaluation.repository';
import type { EvaluationVerdict } from '../evaluation.rules';
import type { ProjectResult } from '../session.rules';
import { summarizeSurvey } from '../survey.rules';

const VERDICTS: EvaluationVerdict[] = ['满意', '基本满意', '不满意'];

/**
 * Results by region and project for a year: the deputies' verdict from the latest counted session
 * of each plan year in the region's subtree, and the public survey's counts beside it. A system
 * actor (the command line, the year-end report run by it) reads every plan year of the subtree.
 */
export async function evaluationResults(
  deps: AppDeps,
  actor: Actor | string,
  regionCode: string,
  year: number,
) {
  const follows = (code: string) => typeof actor === 'string' || mayFollowEvaluation(actor, code);
  assertAllowed(follows(regionCode));
  const plans = (await planYearsWithin(deps.db, regionPrefix(regionCode), year)).filter((p) =>
    follows(p.regionCode),
  );
  if (plans.length === 0) {
    throw new DomainError('PLAN_YEAR_NOT_FOUND', {
      message: `${regionCode} 及下辖地区没有 ${year} 年度的计划`,
    });
  }
  const names = await regionNamesOf(
    deps.db,
    plans.map((p) => p.regionCode),
  );
  const regions = [];
  for (const plan of plans) {
    const projects = await planProjects(deps.db, plan.id);
    const sessions = await sessionsOfPlanYear(deps.db, plan.id);
    const counted = sessions.filter((s) => s.state === 'closed' && s.result).at(-1);
    const deputies = new Map<string, ProjectResult>(
      (counted?.result?.valid ? counted.result.projects : []).map((p) => [p.projectId, p]),
    );
    const survey = await surveyCountsOf(
      deps.db,
      projects.map((p) => p.id),
    );
    const rows = projects.map((p) => ({
      projectId: p.id,
      seq: p.seq,
      name: p.name,
      field: p.field,
      deputies: deputies.get(p.id) ?? null,
      survey: summarizeSurvey(survey.filter((s) => s.projectId === p.id)),
    }));
    const tally = (pick: (r: (typeof rows)[number]) => EvaluationVerdict | null | undefined) =>
      Object.fromEntries(VERDICTS.map((v) => [v, rows.filter((r) => pick(r) === v).length]));
    regions.push({
      regionCode: plan.regionCode,
      regionName: names[plan.regionCode] ?? plan.regionCode,
      planTitle: plan.title,
      session: counted
        ? {
            id: counted.id,
            title: counted.title,
            closedAt: counted.closedAt,
            ruleText: counted.result!.ruleText,
            valid: counted.result!.valid,
            roll: counted.result!.roll,
            returned: counted.result!.returned,
          }
        : null,
      verdicts: { deputies: tally((r) => r.deputies?.verdict), survey: tally((r) => r.survey.verdict) },
      surveyAnswers: rows.reduce((n, r) => n + r.survey.answers, 0),
      projects: rows,
    });
  }
  return { region: regionCode, year, regions };
}

/** The survey's comments on one project, newest first; the phone masked, and only for the plan's staff. */
export async function surveyComments(deps: AppDeps, actor: Actor, projectId: string) {
  const project = await projectWithPlan(deps.db, projectId);
  if (!project) throw new DomainError('PROJECT_NOT_FOUND');
  assertAllowed(mayFollowEvaluation(actor, project.regionCode));
  const showPhones = maySeeRespondents(actor, project.regionCode);
  const rows = await surveyCommentsOf(deps.db, projectId, 200);
  return {
    project: { id: project.id, name: project.name },
    items: rows.map((r) => ({ ...r, phoneMasked: showPhones ? r.phoneMasked : null })),
  };
}
