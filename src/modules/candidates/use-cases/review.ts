import type { Executor } from '../../../db/client';
import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { type AppDeps, todayInChina } from '../../../server/deps';
import { findPlanYear } from '../../plans';
import { mayManageCandidates, mayReadCandidates } from '../candidates.policy';
import {
  candidatesOf,
  insertReview,
  lockPlanYear,
  type ReviewRow,
  reviewsOf,
} from '../candidates.repository';
import type { ReviewInput } from '../candidates.schemas';
import {
  checkNextReview,
  LIST_STATE_LABELS,
  type ListState,
  listState,
  missingForVote,
  REVIEW_DECISION_LABELS,
  REVIEW_MEETING_LABELS,
} from '../review.rules';

export async function requirePlanYear(db: Executor, regionCode: string, year: number) {
  const plan = await findPlanYear(db, regionCode, year);
  if (!plan)
    throw new DomainError('PLAN_YEAR_NOT_FOUND', { message: `没有 ${regionCode} ${year} 年度的计划` });
  return plan;
}

export async function listStateOf(db: Executor, planYearId: string): Promise<ListState> {
  return listState(await reviewsOf(db, planYearId));
}

function presentReview(r: ReviewRow) {
  return {
    id: r.id,
    position: r.position,
    meeting: r.meeting,
    meetingLabel: REVIEW_MEETING_LABELS[r.meeting],
    heldOn: r.heldOn,
    decision: r.decision,
    decisionLabel: REVIEW_DECISION_LABELS[r.decision],
    note: r.note,
    listSize: r.listSize,
    recordedAt: r.recordedAt,
  };
}

export async function reviewOverview(db: Executor, planYearId: string) {
  const records = await reviewsOf(db, planYearId);
  const state = listState(records);
  return {
    state,
    stateLabel: LIST_STATE_LABELS[state],
    readyForVote: state === 'approved',
    missing: missingForVote(records),
    records: records.map(presentReview),
  };
}

export async function listReviews(deps: AppDeps, actor: Actor, regionCode: string, year: number) {
  if (!mayReadCandidates(actor, regionCode)) throw new DomainError('OUT_OF_SCOPE');
  const plan = await requirePlanYear(deps.db, regionCode, year);
  return reviewOverview(deps.db, plan.id);
}

/** 会议研究: enters one meeting's decision on the shortlist, in the order the rules demand. */
export async function recordReview(
  deps: AppDeps,
  actor: Actor | string,
  regionCode: string,
  year: number,
  input: ReviewInput,
) {
  if (typeof actor !== 'string' && !mayManageCandidates(actor, regionCode))
    throw new DomainError('OUT_OF_SCOPE');
  await writeTransaction(deps.db, actor, async (tx) => {
    const plan = await requirePlanYear(tx, regionCode, year);
    await lockPlanYear(tx, plan.id);
    const listSize = (await candidatesOf(tx, plan.id)).filter((c) => c.shortlisted).length;
    if (listSize === 0)
      throw new DomainError('CANDIDATE_LIST_EMPTY', {
        message: '候选项目清单中还没有入围项目，请先在优化比选中确定入围项目',
      });
    const problem = checkNextReview(await reviewsOf(tx, plan.id), input, todayInChina(deps));
    if (problem) throw new DomainError('CANDIDATE_REVIEW_INVALID', problem);
    await insertReview(tx, {
      planYearId: plan.id,
      meeting: input.meeting,
      heldOn: input.heldOn,
      decision: input.decision,
      note: input.note ?? '',
      listSize,
      recordedBy: typeof actor === 'string' ? null : actor.userId,
      recordedAt: deps.now(),
    });
  });
  const plan = await requirePlanYear(deps.db, regionCode, year);
  return reviewOverview(deps.db, plan.id);
}

/**
 * For the vote (voting module): the shortlisted candidates' ids in list order, once the 政府常务会
 * and then the 党委常委会 have approved the list; otherwise a clear refusal saying what is missing.
 */
export async function approvedCandidateList(db: Executor, planYearId: string): Promise<string[]> {
  const missing = missingForVote(await reviewsOf(db, planYearId));
  if (missing.length) {
    throw new DomainError('CANDIDATE_LIST_NOT_APPROVED', {
      field: 'candidateIds',
      message: `候选项目清单尚未经${missing.join('、')}，不能提交人大代表票决（须先经政府常务会、再经党委常委会研究通过）`,
    });
  }
  return (await candidatesOf(db, planYearId)).filter((c) => c.shortlisted).map((c) => c.id);
}
