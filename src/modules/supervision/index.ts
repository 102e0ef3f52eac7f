export { supervisionRoutes } from './supervision.routes';
export { GRADES, GRAVITY_LABELS, STAGE_LABELS, STEP_LABELS, type StepKind } from './supervision.rules';
export * from './supervision.tables';
export { escalatedOrders, orderTotals, supervisionBoard } from './use-cases/board';
export { issueOrder, orderDetail, takeStep } from './use-cases/orders';
