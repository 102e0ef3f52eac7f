import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError, type ErrorCode } from '../../../kernel/errors';
import { type AppDeps, todayInChina } from '../../../server/deps';
import { findPlanYear } from '../../plans';
import { findProjectWithPlanYear, lockPlanYearRow, projectUnitIds } from '../../progress';
import { mayIssue, mayReadOrders, mayTakeStep, UNIT_STEPS } from '../supervision.policy';
import {
  appendStep,
  findInspection,
  findOrder,
  insertOrder,
  nextSerial,
  stepsOfOrders,
} from '../supervision.repository';
import {
  type Grade,
  type Gravity,
  refusalOf,
  type StepKind,
  type StepRefusal,
  supervisionState,
} from '../supervision.rules';
import { asStep, presentOrder, presentSteps } from './present';

export interface IssueInput {
  projectId: string;
  /** One of the project's lead or partner units; the first lead unit when absent. */
  unitId?: string | null;
  gravity: Gravity;
  reason: string;
  requirement?: string | null;
  /** The deputy's inspection opinion of this project the order is made from. */
  inspectionId?: string | null;
}

/** 下达督办: the coordinator orders one of the project's units to act, numbered in the plan year. */
export async function issueOrder(
  deps: AppDeps,
  actor: Actor,
  regionCode: string,
  year: number,
  input: IssueInput,
) {
  if (!mayIssue(actor, regionCode)) throw new DomainError('OUT_OF_SCOPE');
  const planYear = await findPlanYear(deps.db, regionCode, year);
  if (!planYear) throw new DomainError('PLAN_YEAR_NOT_FOUND');
  const found = await findProjectWithPlanYear(deps.db, input.projectId);
  if (!found || found.planYear.id !== planYear.id)
    throw new DomainError('PROJECT_NOT_FOUND', { field: 'projectId' });
  const units = await projectUnitIds(deps.db, input.projectId);
  const unitId = input.unitId ?? units.lead[0] ?? units.partner[0];
  if (!unitId || ![...units.lead, ...units.partner].includes(unitId)) {
    throw new DomainError('SUPERVISION_UNIT_INVALID', { field: 'unitId' });
  }
  if (input.inspectionId) {
    const inspection = await findInspection(deps.db, input.inspectionId);
    if (inspection?.projectId !== input.projectId) {
      throw new DomainError('SUPERVISION_INSPECTION_INVALID', { field: 'inspectionId' });
    }
  }
  const today = todayInChina(deps);
  const id = await writeTransaction(deps.db, actor, async (tx) => {
    await lockPlanYearRow(tx, planYear.id);
    const serial = await nextSerial(tx, planYear.id);
    const order = await insertOrder(tx, {
      planYearId: planYear.id,
      serial,
      projectId: input.projectId,
      unitId,
      gravity: input.gravity,
      reason: input.reason,
      requirement: input.requirement || null,
      issuedBy: actor.userId,
      issuedAt: deps.now(),
      inspectionId: input.inspectionId ?? null,
    });
    await appendStep(tx, {
      orderId: order.id,
      position: 1,
      kind: 'issued',
      takenOn: today,
      text: input.reason,
      actorId: actor.userId,
      actorName: actor.displayName,
      at: deps.now(),
    });
    return order.id;
  });
  return orderDetail(deps, actor, id);
}

export interface StepInput {
  text?: string | null;
  grade?: Grade | null;
  /** measures of a major matter: the dated plan; returned: the new deadline. */
  dueOn?: string | null;
}

const REFUSALS: Record<StepRefusal, { code: ErrorCode; field?: string }> = {
  WRONG_STAGE: { code: 'SUPERVISION_STEP_INVALID' },
  PLAN_DATE_ORDINARY: { code: 'SUPERVISION_PLAN_DATE_ORDINARY', field: 'dueOn' },
  PLAN_DATE_EARLY: { code: 'SUPERVISION_PLAN_DATE_EARLY', field: 'dueOn' },
  GRADE_INVALID: { code: 'SUPERVISION_GRADE_INVALID', field: 'grade' },
};

/**
 * One step of an order, by whoever's it is to take: the unit acknowledges and reports, the issuer
 * reminds, closes with a grade or sends back. Appended after the last step read, or refused.
 */
export async function takeStep(
  deps: AppDeps,
  actor: Actor,
  orderId: string,
  kind: StepKind,
  input: StepInput,
) {
  const today = todayInChina(deps);
  await writeTransaction(deps.db, actor, async (tx) => {
    const order = await findOrder(tx, orderId);
    if (!order || !mayReadOrders(actor, order.regionCode)) throw new DomainError('SUPERVISION_NOT_FOUND');
    if (!mayTakeStep(actor, kind, order)) throw new DomainError('FORBIDDEN');
    const steps = (await stepsOfOrders(tx, [orderId])).get(orderId) ?? [];
    const state = supervisionState(order.gravity as Gravity, steps.map(asStep), today);
    const step = { kind, on: today, grade: input.grade ?? null, dueOn: input.dueOn ?? null };
    const refusal = refusalOf(state, order.gravity as Gravity, step);
    if (refusal) throw new DomainError(REFUSALS[refusal].code, { field: REFUSALS[refusal].field });
    const appended = await appendStep(tx, {
      orderId,
      position: steps.length + 1,
      kind,
      takenOn: today,
      text: input.text || null,
      grade: kind === 'returned' ? '不合格' : step.grade,
      dueOn: step.dueOn,
      actorId: actor.userId,
      actorName: actor.displayName,
      at: deps.now(),
      unitId: (UNIT_STEPS as readonly StepKind[]).includes(kind) ? order.unitId : null,
    });
    if (!appended) throw new DomainError('SUPERVISION_STEP_INVALID');
  });
  return orderDetail(deps, actor, orderId);
}

/** One order with its whole history and the steps this user may take. */
export async function orderDetail(deps: AppDeps, actor: Actor, orderId: string) {
  const order = await findOrder(deps.db, orderId);
  if (!order || !mayReadOrders(actor, order.regionCode)) throw new DomainError('SUPERVISION_NOT_FOUND');
  const steps = (await stepsOfOrders(deps.db, [orderId])).get(orderId) ?? [];
  return { ...presentOrder(order, steps, todayInChina(deps), actor), history: presentSteps(steps) };
}
