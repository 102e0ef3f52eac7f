/** Every table of every module, for drizzle-kit and the typed client. */
export * from '../modules/audit/audit.tables';
export * from '../modules/candidates/candidates.tables';
export * from '../modules/evaluation/evaluation.tables';
export * from '../modules/identity/identity.tables';
export * from '../modules/plans/plans.tables';
export * from '../modules/progress/progress.tables';
export * from '../modules/regions/regions.tables';
export * from '../modules/suggestions/suggestions.tables';
export * from '../modules/suggestions/triage.tables';
export * from '../modules/supervision/supervision.tables';
export * from '../modules/units/units.tables';
export * from '../modules/voting/voting.tables';
