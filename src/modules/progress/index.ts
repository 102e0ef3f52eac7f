export { resolveLightRule } from './lights.rules';
export { type PlanDocument, parsePlanDocument, stringifyPlanDocument } from './plan-format.schema';
export { formatProblem, type Problem } from './problems.rules';
export { progressRoutes } from './progress.routes';
export * from './progress.tables';
export { exportPlan, type ImportSummary, importPlan, loadPlanDocument } from './use-cases/plan-exchange';
export { importSubRegionReports, type SubRegionReport } from './use-cases/sub-region-history';
