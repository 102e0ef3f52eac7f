export { evaluationRoutes } from './evaluation.routes';
export {
  DEFAULT_SATISFACTION_RULE,
  EVALUATION_MARKS,
  type EvaluationMark,
  evaluationVerdict,
} from './evaluation.rules';
export * from './evaluation.tables';
export { evaluationResults } from './use-cases/results';
