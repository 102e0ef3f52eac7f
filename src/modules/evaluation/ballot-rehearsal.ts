import type { FastifyInstance } from 'fastify';
import type { Executor } from '../../db/client';
import { rehearseTokenRoute } from '../voting';
import { latestOpenSession } from './evaluation.repository';

/** The evaluation's ballot route rehearsed (voting/ballot-rehearsal.ts), each project rated 满意. */
export function rehearseEvaluationBallots(
  app: FastifyInstance,
  projects: ReadonlyArray<{ id: string }>,
): Promise<number> {
  const ratings = Object.fromEntries(projects.map((p) => [p.id, '满意']));
  return rehearseTokenRoute(app, '/api/evaluation-ballot', () => ({ ratings }));
}

/** At start: the evaluation still open, if any, so that a restarted server meets the deputies warm. */
export async function rehearseOpenEvaluation(app: FastifyInstance, db: Executor): Promise<number> {
  const session = await latestOpenSession(db);
  if (!session) return 0;
  return rehearseEvaluationBallots(app, session.ratedProjects ?? session.projectIds.map((id) => ({ id })));
}
