import type { Executor } from '../../../db/client';
import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import type { AppDeps } from '../../../server/deps';
import {
  ballotHash,
  type ChainedBallot,
  canonicalReceipt,
  canonicalToken,
  castTag,
  GENESIS_HASH,
  issuedHash,
  receiptFor,
  receiptHash,
  verifyBallotChain,
} from '../../voting';
import { assertAllowed, mayFollowEvaluation, mayManageEvaluation } from '../evaluation.policy';
import {
  type BallotRow,
  ballotByReceipt,
  ballotsOf,
  castChoicesOf,
  chainHead,
  insertBallot,
  lookupToken,
  sessionCounts,
  updateSession,
} from '../evaluation.repository';
import { describeRule } from '../evaluation.rules';
import { checkRatings, countEvaluation, type Ratings, sameRatings } from '../session.rules';
import { sessionOrThrow } from './sessions';

/**
 * The deputy's side of the evaluation, reached with a token instead of a login — the vote's token
 * mechanics (voting/ballot-secrets.ts): read the ballot, rate once, a retry answers the first
 * receipt. Ballots go on the vote's hash chain, with the evaluation session in place of the vote's.
 */
async function resolveToken(db: Executor, text: string) {
  const token = canonicalToken(text);
  if (!token) {
    throw new DomainError('EVALUATION_TOKEN_INVALID', {
      field: 'token',
      message: '测评凭证格式不正确：应为 32 位字母和数字，请扫描签到时的二维码',
    });
  }
  const found = await lookupToken(db, issuedHash(token), castTag(token));
  if (!found) throw new DomainError('EVALUATION_TOKEN_INVALID', { field: 'token' });
  return { token, ...found };
}

function refuseState(state: string): void {
  if (state === 'draft') throw new DomainError('EVALUATION_NOT_OPEN');
  if (state !== 'open') throw new DomainError('EVALUATION_CLOSED');
}

/** The ballot a token opens: the projects to rate and the rule. */
export async function readEvaluationBallot(deps: AppDeps, tokenText: string) {
  const found = await resolveToken(deps.db, tokenText);
  if (found.castChoices) throw new DomainError('EVALUATION_ALREADY_CAST');
  refuseState(found.state);
  const { session } = await sessionOrThrow(deps.db, found.sessionId);
  return {
    session: { id: session.id, title: session.title },
    ruleText: describeRule(session.rule),
    marks: ['满意', '基本满意', '不满意'],
    projects: session.ratedProjects ?? [],
  };
}

export function chained(
  sessionId: string,
  row: { seq: number; tokenTag: string; receiptHash: string; choices: Ratings },
) {
  return {
    sessionId,
    seq: row.seq,
    source: 'electronic' as const,
    tokenTag: row.tokenTag,
    paperNo: null,
    receiptHash: row.receiptHash,
    choices: row.choices,
  };
}

/**
 * Casts a token's ballot. Every project must be rated; a refused ballot records nothing. The same
 * ratings sent again (a retry after a lost answer) get the first receipt back, recomputed from the
 * token; different ratings are refused. The answer comes only after the ballot is committed.
 */
export async function castEvaluationBallot(deps: AppDeps, tokenText: string, input: Record<string, string>) {
  const found = await resolveToken(deps.db, tokenText);
  if (found.state === 'draft') throw new DomainError('EVALUATION_NOT_OPEN');
  const { session } = await sessionOrThrow(deps.db, found.sessionId);
  const ratings = checkRatings(session.ratedProjects ?? [], input);
  const receipt = receiptFor(session.receiptSecret, found.token);
  const answer = (repeated: boolean) => ({
    receipt,
    repeated,
    session: { id: session.id, title: session.title },
    message: repeated
      ? '该测评票此前已成功提交，以下为当时的回执码'
      : '测评票已提交。请保存回执码，计票后可凭回执码查验您的测评票已被计入',
  });
  if (found.castChoices) {
    if (sameRatings(found.castChoices, ratings)) return answer(true);
    throw new DomainError('EVALUATION_ALREADY_CAST');
  }
  refuseState(found.state);
  const tag = castTag(found.token);
  const repeated = await writeTransaction(deps.db, 'ballot', async (tx) => {
    // The session row lock orders the chain's writers and keeps ballots out once the count began.
    const locked = await sessionOrThrow(tx, session.id, true);
    refuseState(locked.session.state);
    const earlier = await castChoicesOf(tx, tag);
    if (earlier) {
      if (sameRatings(earlier, ratings)) return true;
      throw new DomainError('EVALUATION_ALREADY_CAST');
    }
    const head = await chainHead(tx, session.id);
    const row = {
      seq: (head?.seq ?? 0) + 1,
      tokenTag: tag,
      receiptHash: receiptHash(receipt),
      choices: ratings,
    };
    const prevHash = head?.hash ?? GENESIS_HASH;
    await insertBallot(tx, {
      sessionId: session.id,
      ...row,
      prevHash,
      hash: ballotHash(prevHash, chained(session.id, row)),
    });
    return false;
  });
  return answer(repeated);
}

function asChain(sessionId: string, rows: readonly BallotRow[]): ChainedBallot[] {
  return rows.map((r) => ({ ...chained(sessionId, r), prevHash: r.prevHash, hash: r.hash }));
}

/** Recomputes the session's ballot chain: numbering, links and every hash. */
export async function verifyEvaluationBallots(deps: AppDeps, actor: Actor, sessionId: string) {
  const found = await sessionOrThrow(deps.db, sessionId);
  assertAllowed(mayFollowEvaluation(actor, found.regionCode));
  return verifyBallotChain(asChain(sessionId, await ballotsOf(deps.db, sessionId)));
}

/** Ends rating and counts: a verdict per project by the session's rule, on a chain that checks out. */
export async function closeEvaluation(deps: AppDeps, actor: Actor, id: string) {
  await writeTransaction(deps.db, actor, async (tx) => {
    const found = await sessionOrThrow(tx, id, true);
    assertAllowed(mayManageEvaluation(actor, found.regionCode));
    if (found.session.state !== 'open') throw new DomainError('EVALUATION_SESSION_NOT_OPEN');
    const rows = await ballotsOf(tx, id);
    const check = verifyBallotChain(asChain(id, rows));
    if (!check.ok)
      throw new DomainError('EVALUATION_CHAIN_BROKEN', { message: `不能计票：${check.message}` });
    const counts = await sessionCounts(tx, id);
    const result = countEvaluation({
      projects: found.session.ratedProjects ?? [],
      ballots: rows,
      roll: counts.roll,
      present: counts.present,
      rule: found.session.rule,
      chain: { count: check.checked, head: check.head },
    });
    await updateSession(tx, id, { state: 'closed', result, closedAt: deps.now() });
  });
  const found = await sessionOrThrow(deps.db, id);
  return found.session.result!;
}

/** The counts and verdicts, public once counted (“counts published”). */
export async function publicEvaluationResult(deps: AppDeps, id: string) {
  const { session, regionCode, year } = await sessionOrThrow(deps.db, id);
  if (session.state !== 'closed' || !session.result) throw new DomainError('EVALUATION_RESULT_NOT_READY');
  return {
    id: session.id,
    title: session.title,
    region: regionCode,
    year,
    closedAt: session.closedAt,
    ...session.result,
  };
}

/** 回执查验: a deputy checks with the receipt code that the ballot is on record, and later counted. */
export async function lookUpEvaluationReceipt(deps: AppDeps, receiptText: string) {
  const code = canonicalReceipt(receiptText);
  if (!code) {
    throw new DomainError('EVALUATION_RECEIPT_NOT_FOUND', {
      field: 'receipt',
      message: '回执码格式不正确：应为 16 位字母和数字',
    });
  }
  const ballot = await ballotByReceipt(deps.db, receiptHash(code));
  if (!ballot) throw new DomainError('EVALUATION_RECEIPT_NOT_FOUND', { field: 'receipt' });
  const { session } = await sessionOrThrow(deps.db, ballot.sessionId);
  const counted = session.state === 'closed' && session.result !== null;
  return {
    session: { id: session.id, title: session.title },
    status: counted ? (session.result!.valid ? 'counted' : 'void') : 'received',
    message: counted
      ? session.result!.valid
        ? '您的测评票已计入本次测评结果'
        : `您的测评票已收到，但本次测评无效：${session.result!.invalidReason}`
      : '您的测评票已收到并记入测评票记录，等待计票',
  };
}
