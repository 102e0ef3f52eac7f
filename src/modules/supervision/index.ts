export { supervisionRoutes } from './supervision.routes';
export {
  GRADES,
  GRAVITY_LABELS,
  STAGE_LABELS,
  STEP_LABELS,
  type StepKind,
  type SupervisionTotals,
} from './supervision.rules';
export * from './supervision.tables';
export { type SupervisionAsOf, supervisionAsOf } from './use-cases/as-of';
export { escalatedOrders, ordersAwaitingMe, supervisionBoard } from './use-cases/board';
export { projectInspections, recordInspection } from './use-cases/inspections';
export { issueOrder, orderDetail, takeStep } from './use-cases/orders';
