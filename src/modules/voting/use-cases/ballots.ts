import type { Db, Executor } from '../../../db/client';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import type { AppDeps } from '../../../server/deps';
import { type ChoiceInput, choicesInWords, overfullBallot, verifyBallotChain } from '../ballot.rules';
import { ballotBoxOf, ballotConfig } from '../ballot-box';
import { ballotByReceipt, ballotsOf, lookupToken } from '../ballot-box.repository';
import { canonicalReceipt, canonicalToken, castTag, issuedHash, receiptHash } from '../ballot-secrets';
import type { SessionResult } from '../result.rules';
import { assertAllowed, mayFollowVote } from '../voting.policy';
import { describeRule, maxRankedOf, maxYesOf, numberedByBallot, overfullOf } from '../voting-session.rules';
import { sessionOrThrow } from './sessions';

/*
 * The deputy's side of the vote, reached with a ballot token instead of a login: read the ballot,
 * cast it once, look the receipt up later. Every refusal is a named error and records nothing.
 */

function malformedToken(): DomainError {
  return new DomainError('BALLOT_TOKEN_INVALID', {
    field: 'token',
    message: '选票凭证格式不正确：应为 32 位字母和数字，请扫描选票上的二维码',
  });
}

async function resolveToken(db: Db, text: string) {
  const token = canonicalToken(text);
  if (!token) throw malformedToken();
  const found = await lookupToken(db, issuedHash(token), castTag(token));
  if (!found) throw new DomainError('BALLOT_TOKEN_INVALID', { field: 'token' });
  return { token, ...found };
}

function refuseState(state: string): void {
  if (state === 'draft') throw new DomainError('BALLOT_NOT_OPEN');
  if (state !== 'open') throw new DomainError('BALLOT_SESSION_CLOSED');
}

/** The ballot a token opens: the candidates in order, the seats and the rule. */
export async function readBallot(deps: AppDeps, tokenText: string) {
  const found = await resolveToken(deps.db, tokenText);
  if (found.castChoices) throw new DomainError('BALLOT_ALREADY_CAST');
  refuseState(found.state);
  const config = await ballotConfig(deps.db, found.sessionId);
  return {
    session: { id: config.id, congress: config.congress, sitting: config.sitting, title: config.title },
    seats: config.seats,
    method: config.rule.method,
    maxYes: config.rule.method === 'approval' ? maxYesOf(config.rule, config.seats) : null,
    /** What becomes of a ballot with more 赞成 than maxYes: void (taken, counted void) or refuse. */
    overfull: config.rule.method === 'approval' ? overfullOf(config.rule) : null,
    maxRanked: config.rule.method === 'ranking' ? maxRankedOf(config.rule, config.candidates.length) : null,
    ruleText: describeRule(config.rule, config.seats, config.candidates.length),
    candidates: numberedByBallot(config.candidates),
  };
}

/**
 * Casts the ballot of a token. The choices are checked against the rule first; a ballot with more
 * 赞成 than allowed is taken and answered as void (the default rule), or refused with nothing
 * recorded when the rule hands such ballots back. A token casts once: the same choices sent again (a retry
 * after a lost answer) get the first receipt back, recomputed from the token; different choices are
 * refused. The answer comes only after the ballot is committed. Everything that needs the database
 * happens in the ballot box, a batch of ballots at a time.
 */
export async function castBallot(deps: AppDeps, tokenText: string, input: ChoiceInput) {
  const token = canonicalToken(tokenText);
  if (!token) throw malformedToken();
  const answer = await ballotBoxOf(deps.db).cast(token, input);
  const message = answer.repeated
    ? '该选票此前已成功投出，以下为当时的回执码'
    : '投票成功。请保存回执码，计票公布后可凭回执码查验您的选票已被计入';
  return {
    ...answer,
    message: answer.voidReason
      ? `${message}。注意：本票${answer.voidReason}，计入收回票数，但不计入各项目得票`
      : message,
  };
}

/**
 * 回执查验: a deputy checks with their receipt code that their ballot is in the count. The choices
 * are shown once the result is published (when every ballot is public anyway).
 */
export async function lookUpReceipt(deps: AppDeps, receiptText: string) {
  const code = canonicalReceipt(receiptText);
  if (!code) {
    throw new DomainError('RECEIPT_NOT_FOUND', {
      field: 'receipt',
      message: '回执码格式不正确：应为 16 位字母和数字',
    });
  }
  const hash = receiptHash(code);
  const ballot = await ballotByReceipt(deps.db, hash);
  if (!ballot) throw new DomainError('RECEIPT_NOT_FOUND', { field: 'receipt' });
  const { session } = await sessionOrThrow(deps.db, ballot.sessionId);
  const result = session.result as SessionResult | null;
  const counted = session.state === 'closed' || session.state === 'published';
  const published = session.state === 'published';
  const status = !counted ? 'received' : result?.valid ? 'counted' : 'vote_invalid';
  const voidReason = overfullBallot(session.rule, session.seats, ballot.choices)?.reason;
  const message = {
    received: voidReason
      ? `您的选票已收到并记入选票记录，等待计票；该票${voidReason}`
      : '您的选票已收到并记入选票记录，等待计票',
    counted: voidReason
      ? `您的选票已计入收回票数；该票${voidReason}，不计入各项目得票`
      : '您的选票已计入本次票决结果',
    vote_invalid: `您的选票已收到，但本次表决无效：${result?.invalidReasons.join('；') ?? ''}`,
  }[status];
  return {
    session: { id: session.id, title: session.title, congress: session.congress, sitting: session.sitting },
    receiptHash: hash,
    status,
    message,
    choices: published ? choicesInWords(ballot.choices, session.ballotCandidates ?? []) : null,
  };
}

/** Recomputes the session's ballot chain: numbering, links and every hash. */
export async function verifyBallots(db: Executor, sessionId: string) {
  const rows = await ballotsOf(db, sessionId);
  return verifyBallotChain(rows);
}

export async function verifySessionBallots(deps: AppDeps, actor: Actor, sessionId: string) {
  const found = await sessionOrThrow(deps.db, sessionId);
  assertAllowed(mayFollowVote(actor, found.regionCode));
  const check = await verifyBallots(deps.db, sessionId);
  const announced = (found.session.result as SessionResult | null)?.chain;
  if (check.ok && announced && (announced.count !== check.checked || announced.head !== check.head)) {
    return {
      ...check,
      ok: false as const,
      message: `选票记录与计票时不一致：计票时共 ${announced.count} 张，现有 ${check.checked} 张`,
    };
  }
  return check;
}
