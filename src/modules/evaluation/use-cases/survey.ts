import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { type AppDeps, todayInChina } from '../../../server/deps';
import { findPlanYear } from '../../plans';
import { assertAllowed, mayManageEvaluation } from '../evaluation.policy';
import {
  closedSessionsOf,
  indicatorsWithFigures,
  insertSurveyAnswer,
  insertSurveyCodes,
  projectWithPlan,
  surveyCodeIssued,
  surveyCountsOf,
  surveyKeyOf,
  surveyWindowOf,
  unitsOfProject,
} from '../evaluation.repository';
import type { EvaluationMark } from '../evaluation.rules';
import {
  canonicalSurveyCode,
  cleanComment,
  maskedPhone,
  newSurveyCode,
  normalizePhone,
  respondentHash,
  summarizeSurvey,
} from '../survey.rules';
import { assertSurveyOpen, publicSurveyWindow } from './survey-window';

export interface SurveyInput {
  rating: EvaluationMark;
  comment?: string | null;
  phone?: string | null;
  code?: string | null;
}

async function projectOrThrow(deps: AppDeps, projectId: string) {
  const project = await projectWithPlan(deps.db, projectId);
  if (!project) throw new DomainError('SURVEY_PROJECT_NOT_FOUND');
  return project;
}

/**
 * 码上评: a resident rates a project. One answer per project from a phone number or a one-time code;
 * a second one is refused and the first one stands. No login: the page is opened from a QR code.
 * Outside the plan year's survey window (when staff set one) nothing is taken, politely.
 */
export async function answerSurvey(deps: AppDeps, projectId: string, input: SurveyInput) {
  const project = await projectOrThrow(deps, projectId);
  assertSurveyOpen(await surveyWindowOf(deps.db, project.planYearId), todayInChina(deps));
  const comment = cleanComment(input.comment);
  const phone = input.phone?.trim() ? normalizePhone(input.phone) : null;
  const code = !phone && input.code?.trim() ? canonicalSurveyCode(input.code) : null;
  if (!phone && !code) throw new DomainError('SURVEY_RESPONDENT_REQUIRED', { field: 'phone' });
  await writeTransaction(deps.db, 'public:survey', async (tx) => {
    const key = await surveyKeyOf(tx, project.planYearId);
    if (code && !(await surveyCodeIssued(tx, project.planYearId, respondentHash(key, 'code', code)))) {
      throw new DomainError('SURVEY_CODE_INVALID', { field: 'code' });
    }
    const inserted = await insertSurveyAnswer(tx, {
      planYearId: project.planYearId,
      projectId,
      rating: input.rating,
      comment,
      via: phone ? 'phone' : 'code',
      respondentHash: phone ? respondentHash(key, 'phone', phone) : respondentHash(key, 'code', code!),
      phoneMasked: phone ? maskedPhone(phone) : null,
      createdAt: deps.now(),
    });
    if (!inserted) {
      throw new DomainError('SURVEY_DUPLICATE', {
        field: phone ? 'phone' : 'code',
        message: phone
          ? `手机号 ${maskedPhone(phone)} 已对“${project.name}”作过评价，每个手机号对每个项目只能评价一次`
          : `该测评码已对“${project.name}”作过评价，每个测评码对每个项目只能评价一次`,
      });
    }
  });
  return { message: `感谢您对“${project.name}”的评价！`, rating: input.rating };
}

/** 测评码: one-time codes printed for residents who would rather not give a phone number. */
export async function issueSurveyCodes(
  deps: AppDeps,
  actor: Actor,
  regionCode: string,
  year: number,
  count: number,
) {
  assertAllowed(mayManageEvaluation(actor, regionCode));
  const codes = Array.from({ length: count }, () => newSurveyCode());
  await writeTransaction(deps.db, actor, async (tx) => {
    const plan = await findPlanYear(tx, regionCode, year);
    if (!plan) throw new DomainError('PLAN_YEAR_NOT_FOUND');
    const key = await surveyKeyOf(tx, plan.id);
    await insertSurveyCodes(
      tx,
      plan.id,
      codes.map((c) => respondentHash(key, 'code', canonicalSurveyCode(c))),
    );
  });
  return { codes };
}

const UNIT_ROLE_LABELS: Record<string, string> = { lead: '牵头单位', partner: '配合单位' };

/**
 * 码上查: what anyone may see of a project — name, units, the latest approved figures and the
 * survey's counts. Leaders and their phones are left out altogether.
 */
export async function publicProject(deps: AppDeps, projectId: string) {
  const project = await projectOrThrow(deps, projectId);
  const [unitRows, indicatorRows, survey, surveyWindow, sessions] = await Promise.all([
    unitsOfProject(deps.db, projectId),
    indicatorsWithFigures(deps.db, projectId, project.regionCode),
    surveyCountsOf(deps.db, [projectId]),
    publicSurveyWindow(deps, project.planYearId),
    closedSessionsOf(deps.db, project.planYearId),
  ]);
  const units: Record<string, string[]> = {};
  for (const u of unitRows) {
    units[u.role] = [...(units[u.role] ?? []), u.name];
  }
  const dates = indicatorRows.map((i) => i.asOf).filter((d): d is string => d !== null);
  return {
    id: project.id,
    name: project.name,
    field: project.field,
    task: project.task,
    region: project.regionCode,
    year: project.year,
    planTitle: project.planTitle,
    demo: project.demo,
    units: Object.entries(units).map(([role, names]) => ({
      role,
      label: UNIT_ROLE_LABELS[role] ?? role,
      names,
    })),
    asOf: dates.length ? dates.sort().at(-1)! : null,
    indicators: indicatorRows.map((i) => {
      const target = i.target === null ? null : Number(i.target);
      const value = i.value === null ? null : Number(i.value);
      const base = i.kind === 'entitlement' ? (i.eligible === null ? null : Number(i.eligible)) : target;
      return {
        name: i.name,
        unit: i.unit,
        kind: i.kind,
        target: i.target,
        value: i.value,
        asOf: i.asOf,
        percent: value !== null && base ? Math.round((value / base) * 1000) / 10 : null,
      };
    }),
    survey: summarizeSurvey(survey),
    surveyWindow,
    deputies: deputiesVerdict(sessions, projectId),
  };
}

/** The deputies' published verdict on the project: from the latest counted session that rated it. */
function deputiesVerdict(sessions: Awaited<ReturnType<typeof closedSessionsOf>>, projectId: string) {
  for (const s of sessions) {
    const rated = s.result?.projects.find((p) => p.projectId === projectId);
    if (!s.result || !rated) continue;
    return {
      sessionId: s.id,
      title: s.title,
      closedAt: s.closedAt,
      valid: s.result.valid,
      counts: rated.counts,
      raters: rated.raters,
      verdict: s.result.valid ? rated.verdict : null,
    };
  }
  return null;
}
