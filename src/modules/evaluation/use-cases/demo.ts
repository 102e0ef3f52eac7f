import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import type { AppDeps } from '../../../server/deps';
import {
  ballotHash,
  canonicalToken,
  castTag,
  GENESIS_HASH,
  issuedHash,
  newBallotToken,
  receiptFor,
  receiptHash,
} from '../../voting';
import { assertAllowed, mayManageEvaluation } from '../evaluation.policy';
import {
  chainHead,
  insertBallot,
  insertCheckin,
  insertSurveyAnswer,
  insertToken,
  projectWithPlan,
  rollOf,
  surveyKeyOf,
} from '../evaluation.repository';
import type { EvaluationMark } from '../evaluation.rules';
import { checkRatings } from '../session.rules';
import { cleanComment, maskedPhone, normalizePhone, respondentHash } from '../survey.rules';
import { chained } from './ballots';
import { sessionOrThrow } from './sessions';

/**
 * 演示数据 only (src/seed): a congress's worth of deputies checked in and their ballots cast, and
 * residents' answers, each in one transaction instead of one per deputy or answer, so `npm start`
 * stays quick. The rows are the ones checkIn, castEvaluationBallot and answerSurvey write — a token
 * hash apart from the check-in, ballots on the session's hash chain — and closeEvaluation verifies
 * that chain before it counts, as for any session.
 */
export async function castDemoBallots(
  deps: AppDeps,
  actor: Actor,
  sessionId: string,
  ballots: readonly Record<string, EvaluationMark>[],
): Promise<number> {
  return writeTransaction(deps.db, actor, async (tx) => {
    const { session, regionCode } = await sessionOrThrow(tx, sessionId, true);
    assertAllowed(mayManageEvaluation(actor, regionCode));
    if (session.state !== 'open') throw new DomainError('EVALUATION_SESSION_NOT_OPEN');
    const absent = (await rollOf(tx, sessionId)).filter((d) => d.checkedInAt === null);
    if (ballots.length > absent.length) {
      throw new DomainError('VALIDATION_FAILED', { message: '测评票多于尚未签到的代表' });
    }
    let head = await chainHead(tx, sessionId);
    for (const [i, choices] of ballots.entries()) {
      const token = canonicalToken(newBallotToken())!;
      await insertCheckin(tx, sessionId, absent[i]!.id, deps.now());
      await insertToken(tx, sessionId, issuedHash(token));
      const row = {
        seq: (head?.seq ?? 0) + 1,
        tokenTag: castTag(token),
        receiptHash: receiptHash(receiptFor(session.receiptSecret, token)),
        choices: checkRatings(session.ratedProjects ?? [], choices),
      };
      const prevHash = head?.hash ?? GENESIS_HASH;
      const hash = ballotHash(prevHash, chained(sessionId, row));
      await insertBallot(tx, { sessionId, ...row, prevHash, hash });
      head = { seq: row.seq, hash };
    }
    return ballots.length;
  });
}

export async function answerDemoSurvey(
  deps: AppDeps,
  projectId: string,
  answers: readonly { rating: EvaluationMark; phone: string; comment?: string | null; at: Date }[],
): Promise<number> {
  const project = await projectWithPlan(deps.db, projectId);
  if (!project) throw new DomainError('SURVEY_PROJECT_NOT_FOUND');
  return writeTransaction(deps.db, 'public:survey', async (tx) => {
    const key = await surveyKeyOf(tx, project.planYearId);
    let added = 0;
    for (const a of answers) {
      const phone = normalizePhone(a.phone);
      const inserted = await insertSurveyAnswer(tx, {
        planYearId: project.planYearId,
        projectId,
        rating: a.rating,
        comment: cleanComment(a.comment),
        via: 'phone',
        respondentHash: respondentHash(key, 'phone', phone),
        phoneMasked: maskedPhone(phone),
        createdAt: a.at,
      });
      if (inserted) added++;
    }
    return added;
  });
}
