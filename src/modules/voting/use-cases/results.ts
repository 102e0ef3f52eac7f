import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import type { AppDeps } from '../../../server/deps';
import { findPlanYear } from '../../plans';
import { verifyBallotChain } from '../ballot.rules';
import { type BallotRow, ballotsOf } from '../ballot-box.repository';
import { type SessionResult, sessionResult, storedResult, tallyBallot } from '../result.rules';
import type { ApprovalBallot, RankingBallot } from '../tally.rules';
import { tally } from '../tally.rules';
import { assertAllowed, mayFollowVote, mayManageVote } from '../voting.policy';
import {
  type SessionWithPlan,
  sessionCounts,
  sessionsOfPlanYear,
  setCandidateStatus,
  updateSession,
} from '../voting.repository';
import { numberedByBallot, tallyOptions, VOTING_SESSION_STATE_LABELS } from '../voting-session.rules';
import { unresolvedPaper } from './paper';
import { presentSession, type SessionView, sessionOrThrow } from './sessions';

/**
 * 计票: closing stops check-in and voting, checks that every paper ballot is settled and that the
 * ballot chain is whole, counts with tally.rules.ts (validity: returned ≤ issued and the quorum),
 * stores the result and marks each candidate elected or not — all in one transaction, under the
 * same row lock the ballot box takes, so no ballot is acknowledged after the count and none is
 * counted twice. Candidates tied at the cut-off keep their status until the further vote.
 */
export async function closeSession(deps: AppDeps, actor: Actor, id: string): Promise<SessionView> {
  await writeTransaction(deps.db, actor, async (tx) => {
    const found = await sessionOrThrow(tx, id, true);
    assertAllowed(mayManageVote(actor, found.regionCode));
    const { session } = found;
    if (session.state !== 'open') throw new DomainError('VOTING_SESSION_NOT_OPEN');
    const unresolved = await unresolvedPaper(tx, id);
    if (unresolved.length) {
      const shown = unresolved
        .slice(0, 10)
        .map((no) => `“${no}”`)
        .join('、');
      throw new DomainError('PAPER_ENTRIES_UNRESOLVED', {
        message: `还有 ${unresolved.length} 张纸质选票未完成两次一致的录入（票号 ${shown}${unresolved.length > 10 ? ' 等' : ''}），暂不能计票`,
        details: { paperNos: unresolved },
      });
    }
    const counts = await sessionCounts(tx, id);
    const rows = await ballotsOf(tx, id);
    const chain = verifyBallotChain(rows);
    if (!chain.ok) throw new DomainError('BALLOT_CHAIN_BROKEN', { message: `${chain.message}，不能计票` });
    const candidates = session.ballotCandidates!;
    const options = tallyOptions(
      session.rule,
      session.seats,
      candidates.map((c) => c.id),
      { roll: counts.roll, present: counts.present, issued: counts.present },
    );
    const counted =
      options.method === 'ranking'
        ? tally(
            rows.map((b) => tallyBallot(b, 'ranking') as RankingBallot),
            options,
          )
        : tally(
            rows.map((b) => tallyBallot(b, 'approval') as ApprovalBallot),
            options,
          );
    const now = deps.now();
    const result = sessionResult(counted, candidates, {
      electronicBallots: counts.electronicBallots,
      paperBallots: counts.paperBallots,
      chain: { count: chain.checked, head: chain.head },
      talliedAt: now,
    });
    if (result.valid) {
      const ids = (outcome: string) =>
        result.candidates.filter((c) => c.outcome === outcome).map((c) => c.candidateId);
      await setCandidateStatus(tx, ids('elected'), 'elected');
      await setCandidateStatus(tx, ids('not_elected'), 'not_elected');
    }
    await updateSession(tx, id, { state: 'closed', closedAt: now, result });
  });
  return presentSession(deps.db, await sessionOrThrow(deps.db, id));
}

/** 公布: makes the result and every ballot public. */
export async function publishSession(deps: AppDeps, actor: Actor, id: string): Promise<SessionView> {
  await writeTransaction(deps.db, actor, async (tx) => {
    const found = await sessionOrThrow(tx, id, true);
    assertAllowed(mayManageVote(actor, found.regionCode));
    if (found.session.state !== 'closed') throw new DomainError('VOTING_SESSION_NOT_CLOSED');
    await updateSession(tx, id, { state: 'published', publishedAt: deps.now() });
  });
  return presentSession(deps.db, await sessionOrThrow(deps.db, id));
}

/** Ballots in an order that says nothing about when they were cast: by their chain hash. */
function randomOrder(rows: readonly BallotRow[]) {
  return [...rows]
    .sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0))
    .map((b) => ({ receiptHash: b.receiptHash, paperNo: b.paperNo, choices: b.choices }));
}

/**
 * 公开结果: the tally and every ballot (receipt hash and choices, in random order), so anyone can
 * recount, with the chain's length and head as announced at the count.
 */
export async function publicResults(deps: AppDeps, id: string) {
  const found = await sessionOrThrow(deps.db, id);
  const { session } = found;
  if (session.state !== 'published') throw new DomainError('VOTING_RESULT_NOT_PUBLISHED');
  const rows = await ballotsOf(deps.db, id);
  const result = storedResult(session.result);
  return {
    session: {
      id: session.id,
      region: found.regionCode,
      year: found.year,
      congress: session.congress,
      sitting: session.sitting,
      title: session.title,
      state: session.state,
      stateLabel: VOTING_SESSION_STATE_LABELS[session.state],
      closedAt: session.closedAt,
      publishedAt: session.publishedAt,
    },
    candidates: numberedByBallot(session.ballotCandidates!).map((c) => ({
      id: c.id,
      ballotNo: c.ballotNo,
      seq: c.seq,
      name: c.name,
    })),
    result,
    ballots: randomOrder(rows),
  };
}

/** Published sessions of a plan year, for the public pages. */
export async function publicSessions(deps: AppDeps, regionCode: string, year: number) {
  const plan = await findPlanYear(deps.db, regionCode, year);
  if (!plan)
    throw new DomainError('PLAN_YEAR_NOT_FOUND', { message: `没有 ${regionCode} ${year} 年度的计划` });
  const rows = await sessionsOfPlanYear(deps.db, plan.id);
  return {
    items: rows
      .filter((s) => s.state === 'published')
      .map((s) => ({
        id: s.id,
        congress: s.congress,
        sitting: s.sitting,
        title: s.title,
        publishedAt: s.publishedAt,
        elected: storedResult(s.result).elected,
      })),
  };
}

/**
 * 当选项目: the candidates the deputies elected in a plan year, over the first vote and any further
 * vote on ties, and the seats still waiting for a further vote.
 */
export async function electedCandidates(deps: AppDeps, actor: Actor, regionCode: string, year: number) {
  assertAllowed(mayFollowVote(actor, regionCode));
  const plan = await findPlanYear(deps.db, regionCode, year);
  if (!plan)
    throw new DomainError('PLAN_YEAR_NOT_FOUND', { message: `没有 ${regionCode} ${year} 年度的计划` });
  const sessions = await sessionsOfPlanYear(deps.db, plan.id);
  const counted = sessions.filter((s) => s.state === 'closed' || s.state === 'published');
  const items: Array<{
    candidateId: string;
    seq: number;
    name: string;
    sessionId: string;
    sessionTitle: string;
    yes: number | null;
    points: number | null;
  }> = [];
  const pending: Array<{ sessionId: string; openSeats: number; tied: SessionResult['tied'] }> = [];
  for (const s of counted) {
    const result = storedResult(s.result);
    if (!result.valid) continue;
    for (const e of result.elected) {
      const row = result.candidates.find((c) => c.candidateId === e.candidateId)!;
      items.push({
        ...e,
        sessionId: s.id,
        sessionTitle: s.title,
        yes: row.yes ?? null,
        points: row.points ?? null,
      });
    }
    const settled = counted.some((f) => f.parentId === s.id && (f.result as SessionResult).valid);
    if (result.tied.length && !settled)
      pending.push({ sessionId: s.id, openSeats: result.openSeats, tied: result.tied });
  }
  return { items, pending };
}

export const RESULT_FORMATS = ['json', 'xlsx', 'docx'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];

/** The result as JSON, as the .xlsx ledger with every ballot, or as the resolution draft (.docx). */
export async function exportResult(deps: AppDeps, actor: Actor, id: string, format: ResultFormat) {
  const found: SessionWithPlan = await sessionOrThrow(deps.db, id);
  assertAllowed(mayFollowVote(actor, found.regionCode));
  const { session } = found;
  if (session.state !== 'closed' && session.state !== 'published') {
    throw new DomainError('VOTING_SESSION_NOT_CLOSED');
  }
  const result = storedResult(session.result);
  const name = `${session.congress}${session.sitting}${session.title}`;
  if (format === 'json') {
    return { body: result, contentType: 'application/json; charset=utf-8', fileName: null };
  }
  const input = {
    congress: session.congress,
    sitting: session.sitting,
    title: session.title,
    year: found.year,
    closedAt: session.closedAt!,
    result,
    candidates: session.ballotCandidates!,
  };
  // Loaded on first use: docx and exceljs would otherwise sit in the server's memory from the start.
  const { resolutionDocx, resultXlsx } = await import('../result-documents');
  if (format === 'xlsx') {
    const ballots = randomOrder(await ballotsOf(deps.db, id));
    return {
      body: await resultXlsx({ ...input, ballots }),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: `${name}-票决结果.xlsx`,
    };
  }
  return {
    body: await resolutionDocx(input),
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    fileName: `${name}-决议草案.docx`,
  };
}
