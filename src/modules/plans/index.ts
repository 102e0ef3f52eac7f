export { findPlanYear } from './plans.repository';
export { planRoutes } from './plans.routes';
export { PLAN_STAGE_LABELS, PLAN_STAGES, type PlanStage } from './plans.rules';
export { planYears } from './plans.tables';
export { openPlanYear } from './use-cases/plan-years';
