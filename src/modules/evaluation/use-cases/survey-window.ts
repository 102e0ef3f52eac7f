import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { type WindowState, windowDays } from '../../../kernel/date-window';
import { DomainError } from '../../../kernel/errors';
import { type AppDeps, todayInChina } from '../../../server/deps';
import { findPlanYear } from '../../plans';
import { assertAllowed, mayFollowEvaluation, mayManageEvaluation } from '../evaluation.policy';
import {
  deleteSurveyWindow,
  type SurveyWindowRow,
  saveSurveyWindow,
  surveyWindowOf,
} from '../evaluation.repository';
import { surveyClosedMessage, surveyState, surveyWindowProblems } from '../survey.rules';

export interface SurveyWindowView {
  opensOn: string;
  closesOn: string;
  days: number;
  state: WindowState;
}

function view(row: SurveyWindowRow, today: string): SurveyWindowView {
  return {
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    days: windowDays(row.opensOn, row.closesOn),
    state: surveyState(row, today),
  };
}

async function planYearOrThrow(deps: AppDeps, regionCode: string, year: number) {
  const plan = await findPlanYear(deps.db, regionCode, year);
  if (!plan) throw new DomainError('PLAN_YEAR_NOT_FOUND');
  return plan;
}

/** The plan year's survey window as staff see it; null: residents may rate at any time. */
export async function surveyWindow(deps: AppDeps, actor: Actor, regionCode: string, year: number) {
  assertAllowed(mayFollowEvaluation(actor, regionCode));
  const plan = await planYearOrThrow(deps, regionCode, year);
  const row = await surveyWindowOf(deps.db, plan.id);
  return {
    region: regionCode,
    year,
    window: row ? view(row, todayInChina(deps)) : null,
    mayManage: mayManageEvaluation(actor, regionCode),
  };
}

/** Sets (or moves) the survey's window: at least a week, both ends included (the suggestions' rule). */
export async function setSurveyWindow(
  deps: AppDeps,
  actor: Actor,
  regionCode: string,
  year: number,
  input: { opensOn: string; closesOn: string },
) {
  assertAllowed(mayManageEvaluation(actor, regionCode));
  const problems = surveyWindowProblems(input);
  if (problems.length) {
    const first = problems[0]!;
    throw new DomainError(first.code, { field: first.field, message: first.message, details: problems });
  }
  const plan = await planYearOrThrow(deps, regionCode, year);
  const row = await writeTransaction(deps.db, actor, (tx) =>
    saveSurveyWindow(tx, plan.id, { ...input, updatedAt: deps.now() }),
  );
  return { region: regionCode, year, window: view(row, todayInChina(deps)), mayManage: true };
}

/** Takes the window away: the survey is open at any time again. */
export async function clearSurveyWindow(deps: AppDeps, actor: Actor, regionCode: string, year: number) {
  assertAllowed(mayManageEvaluation(actor, regionCode));
  const plan = await planYearOrThrow(deps, regionCode, year);
  await writeTransaction(deps.db, actor, (tx) => deleteSurveyWindow(tx, plan.id));
  return { region: regionCode, year, window: null, mayManage: true };
}

/** What the public page says of the window: its dates, its state, and the polite words when shut. */
export async function publicSurveyWindow(deps: AppDeps, planYearId: string) {
  const row = await surveyWindowOf(deps.db, planYearId);
  const today = todayInChina(deps);
  return {
    opensOn: row?.opensOn ?? null,
    closesOn: row?.closesOn ?? null,
    state: surveyState(row, today),
    message: surveyClosedMessage(row, today),
  };
}

/** Refuses an answer outside the window, with the same words the page shows. */
export function assertSurveyOpen(window: SurveyWindowRow | undefined, today: string): void {
  const message = surveyClosedMessage(window, today);
  if (message)
    throw new DomainError('SURVEY_CLOSED', {
      message,
      details: { opensOn: window!.opensOn, closesOn: window!.closesOn },
    });
}
