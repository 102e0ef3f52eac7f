import type { Tx } from '../../../db/client';
import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import type { AppDeps } from '../../../server/deps';
import { mayManageCandidates, mayReadCandidates } from '../candidates.policy';
import {
  candidatesOf,
  criteriaOf,
  findCandidate,
  lockPlanYear,
  saveCriteria,
  saveScores,
  scoresOf,
  updateCandidate,
} from '../candidates.repository';
import { LIST_STATE_LABELS } from '../review.rules';
import { type Criterion, checkCriteria, checkScores, rankCandidates } from '../screening.rules';
import { listStateOf, requirePlanYear } from './review';

/** 优化比选: the criteria, every candidate's scores, weighted total and rank, and the shortlist. */
export async function getScreening(deps: AppDeps, actor: Actor, regionCode: string, year: number) {
  if (!mayReadCandidates(actor, regionCode)) throw new DomainError('OUT_OF_SCOPE');
  const plan = await requirePlanYear(deps.db, regionCode, year);
  const [criteria, scores, rows, state] = [
    await criteriaOf(deps.db, plan.id),
    await scoresOf(deps.db, plan.id),
    await candidatesOf(deps.db, plan.id),
    await listStateOf(deps.db, plan.id),
  ];
  const ranked = new Map(
    rankCandidates(
      criteria,
      rows.map((c) => ({ id: c.id, seq: c.seq, scores: scores.get(c.id) ?? {} })),
    ).map((r, order) => [r.id, { ...r, order }]),
  );
  const items = rows
    .map((c) => ({
      ...ranked.get(c.id)!,
      seq: c.seq,
      name: c.name,
      field: c.field,
      lead: c.units.lead,
      budget: c.budget,
      status: c.status,
      shortlisted: c.shortlisted,
      scores: scores.get(c.id) ?? {},
    }))
    .sort((a, b) => a.order - b.order)
    .map(({ order: _order, ...item }) => item);
  return {
    criteria,
    state,
    stateLabel: LIST_STATE_LABELS[state],
    /** Scores and the shortlist change only while the list has not gone to the meetings. */
    editable: state === 'draft' && mayManageCandidates(actor, regionCode),
    shortlisted: rows.filter((c) => c.shortlisted).length,
    items,
  };
}

/** Inside the write: the plan year is locked so a meeting record cannot slip in between. */
async function screeningOpen(tx: Tx, planYearId: string) {
  await lockPlanYear(tx, planYearId);
  if ((await listStateOf(tx, planYearId)) !== 'draft')
    throw new DomainError('CANDIDATE_LIST_IN_REVIEW', {
      message: '候选项目清单已提交会议研究，不能再调整评分或入围名单',
    });
}

export async function setCriteria(
  deps: AppDeps,
  actor: Actor,
  regionCode: string,
  year: number,
  criteria: Criterion[],
) {
  if (!mayManageCandidates(actor, regionCode)) throw new DomainError('OUT_OF_SCOPE');
  const clean = criteria.map((c) => ({ name: c.name.trim(), weight: c.weight }));
  const problems = checkCriteria(clean);
  if (problems.length)
    throw new DomainError('SCREENING_CRITERIA_INVALID', {
      field: problems[0]!.field,
      message: problems[0]!.message,
      details: problems,
    });
  await writeTransaction(deps.db, actor, async (tx) => {
    const plan = await requirePlanYear(tx, regionCode, year);
    await screeningOpen(tx, plan.id);
    await saveCriteria(tx, plan.id, clean, deps.now());
  });
  return getScreening(deps, actor, regionCode, year);
}

async function managedCandidate(deps: AppDeps, actor: Actor, id: string) {
  const found = await findCandidate(deps.db, id);
  if (!found || !mayReadCandidates(actor, found.regionCode)) throw new DomainError('CANDIDATE_NOT_FOUND');
  if (!mayManageCandidates(actor, found.regionCode)) throw new DomainError('OUT_OF_SCOPE');
  return found;
}

/** Scores one candidate on some or all criteria (null clears a score). */
export async function scoreCandidate(
  deps: AppDeps,
  actor: Actor,
  id: string,
  scores: Record<string, number | null>,
) {
  const found = await managedCandidate(deps, actor, id);
  const criteria = await criteriaOf(deps.db, found.candidate.planYearId);
  const given = Object.fromEntries(Object.entries(scores).filter(([, v]) => v !== null)) as Record<
    string,
    number
  >;
  const problems = checkScores(criteria, given);
  const unknownCleared = Object.keys(scores).filter((k) => !criteria.some((c) => c.name === k));
  for (const name of unknownCleared)
    if (scores[name] === null)
      problems.push({ field: `scores.${name}`, message: `没有名为“${name}”的评分标准` });
  if (problems.length)
    throw new DomainError('SCREENING_SCORE_INVALID', {
      field: problems[0]!.field,
      message: problems[0]!.message,
      details: problems,
    });
  await writeTransaction(deps.db, actor, async (tx) => {
    await screeningOpen(tx, found.candidate.planYearId);
    await saveScores(tx, id, scores, actor.userId, deps.now());
  });
  return getScreening(deps, actor, found.regionCode, found.year);
}

/** Puts a candidate on the shortlist (入围) or takes it off. */
export async function setShortlisted(deps: AppDeps, actor: Actor, id: string, shortlisted: boolean) {
  const found = await managedCandidate(deps, actor, id);
  await writeTransaction(deps.db, actor, async (tx) => {
    await screeningOpen(tx, found.candidate.planYearId);
    await updateCandidate(tx, id, { shortlisted, updatedAt: deps.now() });
  });
  return getScreening(deps, actor, found.regionCode, found.year);
}
