import type { Executor } from '../../../db/client';
import { findPlanYear } from '../../plans';
import { ordersOfPlanYear, stepsOfOrders } from '../supervision.repository';
import {
  GRAVITY_LABELS,
  type Gravity,
  orderNumber,
  STAGE_LABELS,
  type SupervisionTotals,
  supervisionState,
  supervisionTotals,
} from '../supervision.rules';
import { asStep } from './present';

export interface SupervisionAsOf {
  asOf: string;
  totals: SupervisionTotals;
  orders: Array<{
    number: string;
    projectRef: string;
    projectName: string;
    unitName: string;
    gravity: Gravity;
    gravityLabel: string;
    issuedOn: string;
    stageLabel: string;
    dueOn: string | null;
    overdueDays: number;
    escalation: { level: number; label: string } | null;
    grade: string | null;
    closedOn: string | null;
    rounds: number;
    reminders: number;
  }>;
}

/**
 * The plan year's orders as they stood at a date, for the bulletin of that date: only what was
 * issued by then, each with only the steps taken by then, judged on that day. Null when there were
 * none. Reads only, and needs no user: the command line's bulletin reads it as the console's does.
 */
export async function supervisionAsOf(
  db: Executor,
  regionCode: string,
  year: number,
  asOf: string,
): Promise<SupervisionAsOf | null> {
  const planYear = await findPlanYear(db, regionCode, year);
  if (!planYear) return null;
  const rows = await ordersOfPlanYear(db, planYear.id);
  const stepsByOrder = await stepsOfOrders(
    db,
    rows.map((r) => r.id),
  );
  const orders = rows.flatMap((row) => {
    const steps = (stepsByOrder.get(row.id) ?? []).filter((s) => s.takenOn <= asOf);
    if (steps.length === 0) return [];
    const gravity = row.gravity as Gravity;
    const state = supervisionState(gravity, steps.map(asStep), asOf);
    return [
      {
        state,
        out: {
          number: orderNumber(row.year, row.serial),
          projectRef: row.projectRef,
          projectName: row.projectName,
          unitName: row.unitName,
          gravity,
          gravityLabel: GRAVITY_LABELS[gravity],
          issuedOn: steps[0]!.takenOn,
          stageLabel: STAGE_LABELS[state.stage],
          dueOn: state.dueOn,
          overdueDays: state.overdueDays,
          escalation: state.escalation,
          grade: state.grade,
          closedOn: state.closedOn,
          rounds: state.rounds,
          reminders: state.reminders,
        },
      },
    ];
  });
  if (orders.length === 0) return null;
  return { asOf, totals: supervisionTotals(orders.map((o) => o.state)), orders: orders.map((o) => o.out) };
}
