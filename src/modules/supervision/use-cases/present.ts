import type { Actor } from '../../../kernel/actor';
import { type AppDeps, todayInChina } from '../../../server/deps';
import { mayAnswerFor, mayIssue, UNIT_STEPS } from '../supervision.policy';
import { type OrderRow, type StepRow, stepsOfOrders } from '../supervision.repository';
import {
  GRAVITY_LABELS,
  type Gravity,
  orderNumber,
  STAGE_LABELS,
  STEP_LABELS,
  type Stage,
  type Step,
  type StepKind,
  stepsAllowedIn,
  supervisionState,
} from '../supervision.rules';

export function asStep(row: StepRow): Step {
  return {
    kind: row.kind as StepKind,
    on: row.takenOn,
    grade: (row.grade as Step['grade']) ?? null,
    dueOn: row.dueOn,
  };
}

/** An order as the console shows it: its number, where it stands today, and what this user may do. */
export function presentOrder(order: OrderRow, steps: readonly StepRow[], today: string, actor: Actor) {
  const gravity = order.gravity as Gravity;
  const state = supervisionState(gravity, steps.map(asStep), today);
  const answers = mayAnswerFor(actor, order);
  const issues = mayIssue(actor, order.regionCode);
  return {
    id: order.id,
    number: orderNumber(order.year, order.serial),
    serial: order.serial,
    regionCode: order.regionCode,
    regionName: order.regionName,
    year: order.year,
    project: { id: order.projectId, ref: order.projectRef, name: order.projectName },
    unit: { id: order.unitId, name: order.unitName },
    gravity,
    gravityLabel: GRAVITY_LABELS[gravity],
    reason: order.reason,
    inspectionId: order.inspectionId,
    requirement: order.requirement,
    issuedAt: order.issuedAt.toISOString(),
    /** The China date it was issued on, from which 13710 counts. */
    issuedOn: steps[0]?.takenOn ?? today,
    ...state,
    stageLabel: STAGE_LABELS[state.stage],
    /** The steps this user may take now, in the order the page offers them. */
    actions: nextActions(state.stage, { answers, issues }),
  };
}

/** Orders as the console shows them, their steps read in one query. */
export async function presentOrders(deps: AppDeps, actor: Actor, rows: readonly OrderRow[]) {
  const steps = await stepsOfOrders(
    deps.db,
    rows.map((r) => r.id),
  );
  const today = todayInChina(deps);
  return rows.map((r) => presentOrder(r, steps.get(r.id) ?? [], today, actor));
}

/** The steps this user may take now: the unit's own if they answer for it, the issuer's if they issue. */
function nextActions(stage: Stage, who: { answers: boolean; issues: boolean }): StepKind[] {
  return stepsAllowedIn(stage).filter((kind) =>
    (UNIT_STEPS as readonly StepKind[]).includes(kind) ? who.answers : who.issues,
  );
}

/** The history as the page lists it: who did what on which day, with what they wrote. */
export function presentSteps(steps: readonly StepRow[]) {
  return steps.map((s) => ({
    kind: s.kind as StepKind,
    label: STEP_LABELS[s.kind as StepKind] ?? s.kind,
    takenOn: s.takenOn,
    at: s.at.toISOString(),
    actorName: s.actorName,
    text: s.text,
    grade: s.grade,
    dueOn: s.dueOn,
  }));
}

export type PresentedOrder = ReturnType<typeof presentOrder>;
