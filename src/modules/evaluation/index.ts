export { rehearseOpenEvaluation } from './ballot-rehearsal';
export { evaluationRoutes } from './evaluation.routes';
export {
  DEFAULT_SATISFACTION_RULE,
  EVALUATION_MARKS,
  type EvaluationMark,
  evaluationVerdict,
} from './evaluation.rules';
export * from './evaluation.tables';
// The demo seed sets a session up as the console does, then casts its ballots in bulk.
export { closeEvaluation } from './use-cases/ballots';
export { answerDemoSurvey, castDemoBallots } from './use-cases/demo';
export { evaluationResults } from './use-cases/results';
export { createSession, listSessions, openSession, setRoll } from './use-cases/sessions';
