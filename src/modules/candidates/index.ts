export { type CandidateRow, candidatesOf } from './candidates.repository';
export { candidateRoutes } from './candidates.routes';
export { candidates } from './candidates.tables';
export {
  candidateListView,
  candidatesToExport,
  type ExportScope,
  exportCandidateList,
  importCandidateTable,
  listCandidates,
} from './use-cases/candidate-list';
export { approvedCandidateList, recordReview } from './use-cases/review';
