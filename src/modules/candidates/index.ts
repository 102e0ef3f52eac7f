export { type CandidateRow, candidatesOf } from './candidates.repository';
export { candidateRoutes } from './candidates.routes';
export { candidates } from './candidates.tables';
export { importCandidateTable, listCandidates } from './use-cases/candidate-list';
