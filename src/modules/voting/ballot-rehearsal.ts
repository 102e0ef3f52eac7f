import type { FastifyInstance } from 'fastify';
import type { Executor } from '../../db/client';
import { rehearse } from '../../server/rehearsal';
import { newBallotToken } from './ballot-secrets';
import { latestOpenSession } from './voting.repository';

/**
 * A public ballot route rehearsed once its session opens (server/rehearsal.ts), with ballots shaped
 * like the session's own but carrying tokens that were never issued: each is refused as an unknown
 * token and nothing is recorded. Used by the vote and by the deputies' evaluation.
 */
export function rehearseTokenRoute(
  app: FastifyInstance,
  url: string,
  choices: (i: number) => Record<string, unknown>,
): Promise<number> {
  return rehearse(app, { url, body: (i) => ({ token: newBallotToken(), ...choices(i) }) });
}

const MARKS = ['yes', 'no', 'abstain'] as const;

/** The vote's ballot route, with the session's candidates marked (or ranked) as its rule asks. */
export function rehearseBallots(
  app: FastifyInstance,
  session: { rule: { method: string }; candidates: ReadonlyArray<{ id: string }> },
): Promise<number> {
  const ids = session.candidates.map((c) => c.id);
  return rehearseTokenRoute(app, '/api/ballot', (i) =>
    session.rule.method === 'ranking'
      ? { ranks: Object.fromEntries(ids.map((id, k) => [id, k + 1])) }
      : { marks: Object.fromEntries(ids.map((id, k) => [id, MARKS[(i + k) % 3]])) },
  );
}

/** At start: the vote still open, if any, so that a server restarted mid-vote meets the retries warm. */
export async function rehearseOpenVote(app: FastifyInstance, db: Executor): Promise<number> {
  const session = await latestOpenSession(db);
  if (!session?.ballotCandidates) return 0;
  return rehearseBallots(app, { rule: session.rule, candidates: session.ballotCandidates });
}
