import type { Executor } from '../../../db/client';
import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import type { AppDeps } from '../../../server/deps';
import { approvedCandidateList } from '../../candidates';
import { findPlanYear } from '../../plans';
import { newReceiptSecret } from '../ballot-secrets';
import { storedResult } from '../result.rules';
import { MORE_THAN_HALF } from '../thresholds.rules';
import { assertAllowed, mayFollowVote, mayManageVote } from '../voting.policy';
import {
  copyRoll,
  findSession,
  insertSession,
  planCandidates,
  type SessionWithPlan,
  sessionCounts,
  sessionsOfPlanYear,
  updateSession,
} from '../voting.repository';
import {
  type BallotCandidate,
  checkSessionSetup,
  describeRule,
  maxRankedOf,
  maxYesOf,
  numberedByBallot,
  overfullOf,
  VOTING_SESSION_STATE_LABELS,
  type VotingRule,
} from '../voting-session.rules';

export interface SessionInput {
  congress: string;
  sitting: string;
  title?: string | null;
  /** Candidate ids of the plan year in ballot order; default every candidate, by 序号. */
  candidateIds?: string[];
  seats: number;
  rule?: VotingRule;
}

export async function sessionOrThrow(db: Executor, id: string, forUpdate = false): Promise<SessionWithPlan> {
  const found = await findSession(db, id, { forUpdate });
  if (!found) throw new DomainError('VOTING_SESSION_NOT_FOUND');
  return found;
}

function effectiveRule(rule: VotingRule, seats: number, candidates: number) {
  return {
    method: rule.method,
    maxYes: rule.method === 'approval' ? maxYesOf(rule, seats) : null,
    overfull: rule.method === 'approval' ? overfullOf(rule) : null,
    maxRanked: rule.method === 'ranking' ? maxRankedOf(rule, candidates) : null,
    quorum: rule.quorum ?? MORE_THAN_HALF,
    threshold: rule.threshold ?? MORE_THAN_HALF,
    thresholdBase: rule.thresholdBase ?? 'roll',
  };
}

async function sessionCandidates(db: Executor, found: SessionWithPlan): Promise<BallotCandidate[]> {
  const { session } = found;
  if (session.ballotCandidates) return session.ballotCandidates;
  const all = new Map((await planCandidates(db, session.planYearId)).map((c) => [c.id, c]));
  return session.candidateIds.map((id) => {
    const c = all.get(id);
    return c
      ? { id, seq: c.seq, name: c.name, field: c.field, annualTask: c.annualTask }
      : { id, seq: 0, name: '（该候选项目已不存在）', field: null, annualTask: '' };
  });
}

/** What the pages show of a session; the result only once it is counted. */
export async function presentSession(db: Executor, found: SessionWithPlan) {
  const { session } = found;
  const counts = await sessionCounts(db, session.id);
  const candidates = await sessionCandidates(db, found);
  return {
    id: session.id,
    region: found.regionCode,
    year: found.year,
    parentId: session.parentId,
    congress: session.congress,
    sitting: session.sitting,
    title: session.title,
    state: session.state,
    stateLabel: VOTING_SESSION_STATE_LABELS[session.state],
    seats: session.seats,
    rule: effectiveRule(session.rule, session.seats, candidates.length),
    ruleText: describeRule(session.rule, session.seats, candidates.length),
    candidates: numberedByBallot(candidates).map((c) => ({
      id: c.id,
      ballotNo: c.ballotNo,
      seq: c.seq,
      name: c.name,
      field: c.field,
    })),
    counts: {
      roll: counts.roll,
      present: counts.present,
      issued: counts.present,
      returned: counts.electronicBallots + counts.paperBallots,
      electronicBallots: counts.electronicBallots,
      paperBallots: counts.paperBallots,
      checkedIn: counts.byForm,
      slipsIssued: session.slipsIssued,
    },
    createdAt: session.createdAt,
    openedAt: session.openedAt,
    closedAt: session.closedAt,
    publishedAt: session.publishedAt,
    result: session.state === 'closed' || session.state === 'published' ? storedResult(session.result) : null,
  };
}

export type SessionView = Awaited<ReturnType<typeof presentSession>>;

/**
 * The candidates of a session: each of the plan year, none twice, and each on the list 政府常务会 and
 * 党委常委会 approved for the vote (the shortlist): a candidate screened out cannot be put back on the
 * ballot by naming its id.
 */
async function checkCandidates(db: Executor, planYearId: string, ids: readonly string[]): Promise<void> {
  const known = new Map((await planCandidates(db, planYearId)).map((c) => [c.id, c]));
  const approved = new Set(await approvedCandidateList(db, planYearId));
  ids.forEach((id, i) => {
    const candidate = known.get(id);
    if (!candidate) {
      throw new DomainError('VOTING_CANDIDATE_INVALID', {
        field: `candidateIds.${i}`,
        message: `第 ${i + 1} 个候选项目（${id}）不属于该年度计划`,
      });
    }
    if (!approved.has(id)) {
      throw new DomainError('VOTING_CANDIDATE_INVALID', {
        field: `candidateIds.${i}`,
        message: `第 ${i + 1} 个候选项目“${candidate.name}”不在经审定的票决候选清单上，不能列入选票`,
      });
    }
    if (ids.indexOf(id) !== i) {
      throw new DomainError('VOTING_CANDIDATE_INVALID', {
        field: `candidateIds.${i}`,
        message: `第 ${i + 1} 个候选项目与第 ${ids.indexOf(id) + 1} 个重复`,
      });
    }
  });
}

export async function createSession(
  deps: AppDeps,
  actor: Actor,
  regionCode: string,
  year: number,
  input: SessionInput,
): Promise<SessionView> {
  assertAllowed(mayManageVote(actor, regionCode));
  const rule = input.rule ?? { method: 'approval' as const };
  const id = await writeTransaction(deps.db, actor, async (tx) => {
    const plan = await findPlanYear(tx, regionCode, year);
    if (!plan)
      throw new DomainError('PLAN_YEAR_NOT_FOUND', { message: `没有 ${regionCode} ${year} 年度的计划` });
    // Only a list approved by 政府常务会 then 党委常委会 goes to the vote; by default, its shortlist.
    const approvedList = await approvedCandidateList(tx, plan.id);
    const candidateIds = input.candidateIds ?? approvedList;
    if (candidateIds.length === 0) {
      throw new DomainError('VOTING_CANDIDATE_INVALID', {
        field: 'candidateIds',
        message: '该年度计划还没有候选项目，请先导入候选项目清单',
      });
    }
    await checkCandidates(tx, plan.id, candidateIds);
    checkSessionSetup(rule, input.seats, candidateIds);
    const session = await insertSession(tx, {
      planYearId: plan.id,
      congress: input.congress,
      sitting: input.sitting,
      title: input.title?.trim() || `${year}年民生实事项目人大代表票决`,
      seats: input.seats,
      rule,
      candidateIds,
      receiptSecret: newReceiptSecret(),
    });
    return session.id;
  });
  return presentSession(deps.db, await sessionOrThrow(deps.db, id));
}

/** Changes a session still in preparation (筹备中). */
export async function updateDraftSession(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: Partial<SessionInput>,
): Promise<SessionView> {
  await writeTransaction(deps.db, actor, async (tx) => {
    const found = await sessionOrThrow(tx, id, true);
    assertAllowed(mayManageVote(actor, found.regionCode));
    if (found.session.state !== 'draft') throw new DomainError('VOTING_SESSION_NOT_DRAFT');
    const candidateIds = input.candidateIds ?? found.session.candidateIds;
    const seats = input.seats ?? found.session.seats;
    const rule = input.rule ?? found.session.rule;
    if (input.candidateIds) await checkCandidates(tx, found.session.planYearId, candidateIds);
    checkSessionSetup(rule, seats, candidateIds);
    await updateSession(tx, id, {
      congress: input.congress ?? found.session.congress,
      sitting: input.sitting ?? found.session.sitting,
      title: input.title?.trim() || found.session.title,
      candidateIds,
      seats,
      rule,
    });
  });
  return presentSession(deps.db, await sessionOrThrow(deps.db, id));
}

export async function listSessions(deps: AppDeps, actor: Actor, regionCode: string, year: number) {
  assertAllowed(mayFollowVote(actor, regionCode));
  const plan = await findPlanYear(deps.db, regionCode, year);
  if (!plan)
    throw new DomainError('PLAN_YEAR_NOT_FOUND', { message: `没有 ${regionCode} ${year} 年度的计划` });
  const rows = await sessionsOfPlanYear(deps.db, plan.id);
  return {
    items: rows.map((s) => ({
      id: s.id,
      parentId: s.parentId,
      congress: s.congress,
      sitting: s.sitting,
      title: s.title,
      state: s.state,
      stateLabel: VOTING_SESSION_STATE_LABELS[s.state],
      seats: s.seats,
      candidates: s.candidateIds.length,
      createdAt: s.createdAt,
      closedAt: s.closedAt,
      publishedAt: s.publishedAt,
    })),
  };
}

export async function getSession(deps: AppDeps, actor: Actor, id: string): Promise<SessionView> {
  const found = await sessionOrThrow(deps.db, id);
  assertAllowed(mayFollowVote(actor, found.regionCode));
  return presentSession(deps.db, found);
}

// ── life of a session ───────────────────────────────────────────────────────────────────────────

/** Opens check-in and voting; the candidates are frozen as the ballot will show them. */
export async function openSession(deps: AppDeps, actor: Actor, id: string): Promise<SessionView> {
  await writeTransaction(deps.db, actor, async (tx) => {
    const found = await sessionOrThrow(tx, id, true);
    assertAllowed(mayManageVote(actor, found.regionCode));
    const { session } = found;
    if (session.state !== 'draft') throw new DomainError('VOTING_SESSION_NOT_DRAFT');
    const counts = await sessionCounts(tx, id);
    if (counts.roll === 0) throw new DomainError('VOTING_ROLL_EMPTY');
    const all = new Map((await planCandidates(tx, session.planYearId)).map((c) => [c.id, c]));
    const ballotCandidates = session.candidateIds.map((cid, i): BallotCandidate => {
      const c = all.get(cid);
      if (!c) {
        throw new DomainError('VOTING_CANDIDATE_INVALID', {
          field: `candidateIds.${i}`,
          message: `第 ${i + 1} 个候选项目已被删除或候选项目清单已重新导入，请重新选择候选项目`,
        });
      }
      return { id: c.id, seq: c.seq, name: c.name, field: c.field, annualTask: c.annualTask };
    });
    checkSessionSetup(session.rule, session.seats, session.candidateIds, counts.roll);
    await updateSession(tx, id, { state: 'open', ballotCandidates, openedAt: deps.now() });
  });
  return presentSession(deps.db, await sessionOrThrow(deps.db, id));
}

/**
 * A further vote on the candidates tied at the cut-off, for the seats left open (DOMAIN.md): a new
 * session in preparation with the same roll and rule, the tied candidates and the open seats.
 */
export async function openFollowUp(deps: AppDeps, actor: Actor, id: string): Promise<SessionView> {
  const newId = await writeTransaction(deps.db, actor, async (tx) => {
    const found = await sessionOrThrow(tx, id, true);
    assertAllowed(mayManageVote(actor, found.regionCode));
    const { session } = found;
    if (session.state !== 'closed' && session.state !== 'published') {
      throw new DomainError('VOTING_SESSION_NOT_CLOSED');
    }
    const result = storedResult(session.result);
    if (!result.valid || result.tied.length === 0) throw new DomainError('VOTING_NO_TIE');
    const existing = (await sessionsOfPlanYear(tx, session.planYearId)).find((s) => s.parentId === id);
    if (existing) {
      throw new DomainError('CONFLICT', {
        message: `已为本次票决创建再次表决会议（${existing.title}）`,
        details: { sessionId: existing.id },
      });
    }
    const rule: VotingRule = {
      ...session.rule,
      maxYes: session.rule.maxYes === null ? null : undefined,
      maxRanked: undefined,
    };
    const candidateIds = result.tied.map((c) => c.candidateId);
    checkSessionSetup(rule, result.openSeats, candidateIds);
    const followUp = await insertSession(tx, {
      planYearId: session.planYearId,
      parentId: id,
      congress: session.congress,
      sitting: session.sitting,
      title: `${session.title}（得票相同项目再次表决）`,
      seats: result.openSeats,
      rule: JSON.parse(JSON.stringify(rule)),
      candidateIds,
      receiptSecret: newReceiptSecret(),
    });
    await copyRoll(tx, id, followUp.id);
    return followUp.id;
  });
  return presentSession(deps.db, await sessionOrThrow(deps.db, newId));
}
