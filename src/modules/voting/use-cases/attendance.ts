import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import type { AppDeps } from '../../../server/deps';
import { canonicalToken, issuedHash, newBallotToken } from '../ballot-secrets';
import { storedResult } from '../result.rules';
import { assertAllowed, mayManageVote, mayStaffVote } from '../voting.policy';
import {
  findDeputy,
  insertCheckin,
  insertTokens,
  isCheckedIn,
  sessionCounts,
  updateSession,
} from '../voting.repository';
import { votingSessions } from '../voting.tables';
import { BALLOT_FORM_LABELS, type BallotForm, VOTING_SESSION_STATE_LABELS } from '../voting-session.rules';
import { sessionOrThrow } from './sessions';

/** Takes a share lock on the session row: check-ins wait for the count, and the count for them. */
async function openSessionShared(tx: Tx, id: string) {
  const [row] = await tx
    .select({ state: votingSessions.state, slipsIssued: votingSessions.slipsIssued })
    .from(votingSessions)
    .where(eq(votingSessions.id, id))
    .for('share');
  if (!row) throw new DomainError('VOTING_SESSION_NOT_FOUND');
  if (row.state !== 'open') throw new DomainError('VOTING_SESSION_NOT_OPEN');
  return row;
}

/**
 * 签到: records that the deputy is present and hands them one ballot. For an electronic ballot a
 * fresh token is returned — once; the pages show it as a QR code — and only its "issued" hash is
 * stored, with no link to the deputy (ballot-secrets.ts). A printed slip or a paper ballot is handed
 * over by hand: the check-in records which form, never which slip or paper.
 */
export async function checkIn(
  deps: AppDeps,
  actor: Actor,
  sessionId: string,
  input: { deputyId: string; form: BallotForm },
) {
  const found = await sessionOrThrow(deps.db, sessionId);
  assertAllowed(mayStaffVote(actor, found.regionCode));
  const token = input.form === 'electronic' ? newBallotToken() : null;
  const checkin = await writeTransaction(deps.db, actor, async (tx) => {
    await openSessionShared(tx, sessionId);
    const deputy = await findDeputy(tx, sessionId, input.deputyId);
    if (!deputy) throw new DomainError('VOTING_DEPUTY_NOT_FOUND', { field: 'deputyId' });
    if (await isCheckedIn(tx, sessionId, deputy.id)) {
      throw new DomainError('VOTING_ALREADY_CHECKED_IN', {
        message: `${deputy.delegation} ${deputy.name} 已签到并领取选票，不能重复领取`,
      });
    }
    const row = await insertCheckin(tx, {
      sessionId,
      deputyId: deputy.id,
      form: input.form,
      checkedInAt: deps.now(),
    });
    if (token) await insertTokens(tx, sessionId, [issuedHash(canonicalToken(token)!)], 'checkin');
    return { deputy, row };
  });
  return {
    deputyId: checkin.deputy.id,
    name: checkin.deputy.name,
    delegation: checkin.deputy.delegation,
    form: input.form,
    formLabel: BALLOT_FORM_LABELS[input.form],
    checkedInAt: checkin.row.checkedInAt,
    /** Shown once, as a QR code; the server keeps only a hash it cannot trace back to the deputy. */
    token,
  };
}

/**
 * 票条: tokens printed on slips, handed out at check-in (form 'slip'). At most the roll in all: a
 * slip that reaches the box without having been handed out makes the count of returned ballots
 * exceed the ballots issued, and the vote void.
 */
export async function issueSlips(deps: AppDeps, actor: Actor, sessionId: string, count: number) {
  const found = await sessionOrThrow(deps.db, sessionId);
  assertAllowed(mayManageVote(actor, found.regionCode));
  const tokens = Array.from({ length: count }, () => newBallotToken());
  const total = await writeTransaction(deps.db, actor, async (tx) => {
    const row = await openSessionShared(tx, sessionId);
    const counts = await sessionCounts(tx, sessionId);
    if (row.slipsIssued + count > counts.roll) {
      throw new DomainError('VOTING_SLIPS_EXCEED_ROLL', {
        field: 'count',
        message: `已打印 ${row.slipsIssued} 张票条，再打印 ${count} 张将超过代表名单的 ${counts.roll} 人`,
      });
    }
    await insertTokens(
      tx,
      sessionId,
      tokens.map((t) => issuedHash(canonicalToken(t)!)),
      'slip',
    );
    await updateSession(tx, sessionId, { slipsIssued: row.slipsIssued + count });
    return row.slipsIssued + count;
  });
  return { tokens, slipsIssued: total };
}

/**
 * 大屏: what the hall sees while the vote runs — the roll, who is present, ballots issued and
 * returned. Nothing of the result until the session is counted.
 */
export async function bigScreen(deps: AppDeps, sessionId: string) {
  const found = await sessionOrThrow(deps.db, sessionId);
  const { session } = found;
  const counts = await sessionCounts(deps.db, sessionId);
  const counted = session.state === 'closed' || session.state === 'published';
  const result = counted ? storedResult(session.result) : null;
  return {
    id: session.id,
    congress: session.congress,
    sitting: session.sitting,
    title: session.title,
    state: session.state,
    stateLabel: VOTING_SESSION_STATE_LABELS[session.state],
    seats: session.seats,
    roll: counts.roll,
    present: counts.present,
    issued: counts.present,
    returned: counts.electronicBallots + counts.paperBallots,
    result: result && {
      valid: result.valid,
      invalidReasons: result.invalidReasons,
      validBallots: result.validBallots,
      voidBallots: result.voidBallots,
      elected: result.elected,
      tied: result.tied,
      openSeats: result.openSeats,
      candidates: result.candidates.map((c) => ({
        candidateId: c.candidateId,
        ballotNo: c.ballotNo,
        seq: c.seq,
        name: c.name,
        yes: c.yes,
        no: c.no,
        abstain: c.abstain,
        points: c.points,
        outcomeLabel: c.outcomeLabel,
      })),
    },
  };
}
