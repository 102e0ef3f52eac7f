export { verifyBallots } from './use-cases/ballots';
export { closeSession, electedCandidates, publicResults } from './use-cases/results';
export { createSession, getSession, openSession } from './use-cases/sessions';
export { votingRoutes } from './voting.routes';
export * from './voting.tables';
