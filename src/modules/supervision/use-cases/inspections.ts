import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { type AppDeps, todayInChina } from '../../../server/deps';
import { findProjectWithPlanYear } from '../../progress';
import { mayInspect, mayIssue, mayReadOrders } from '../supervision.policy';
import { insertInspection, inspectionsOfProject, ordersOfProject } from '../supervision.repository';
import { orderNumber } from '../supervision.rules';

async function readableProject(deps: AppDeps, actor: Actor, projectId: string) {
  const found = await findProjectWithPlanYear(deps.db, projectId);
  if (!found || !mayReadOrders(actor, found.planYear.regionCode)) throw new DomainError('PROJECT_NOT_FOUND');
  return found;
}

/**
 * 代表视察意见 of a project: each deputy's visit and what they said, newest first, with the 督办 orders
 * made from it; and whether this user may write one (a deputy) or turn one into an order (the
 * coordinator).
 */
export async function projectInspections(deps: AppDeps, actor: Actor, projectId: string) {
  const { planYear } = await readableProject(deps, actor, projectId);
  const [rows, orders] = [
    await inspectionsOfProject(deps.db, projectId),
    await ordersOfProject(deps.db, projectId),
  ];
  return {
    mayInspect: mayInspect(actor, planYear.regionCode),
    mayIssue: mayIssue(actor, planYear.regionCode),
    items: rows.map((r) => ({
      id: r.id,
      deputyName: r.deputyName,
      visitedOn: r.visitedOn,
      text: r.text,
      at: r.at.toISOString(),
      orders: orders
        .filter((o) => o.inspectionId === r.id)
        .map((o) => ({ id: o.id, number: orderNumber(o.year, o.serial) })),
    })),
  };
}

/** A deputy writes down an inspection of a project: on a day not after today, in their own name. */
export async function recordInspection(
  deps: AppDeps,
  actor: Actor,
  projectId: string,
  input: { visitedOn: string; text: string },
) {
  const { planYear } = await readableProject(deps, actor, projectId);
  if (!mayInspect(actor, planYear.regionCode)) throw new DomainError('FORBIDDEN');
  if (input.visitedOn > todayInChina(deps)) {
    throw new DomainError('VALIDATION_FAILED', { field: 'visitedOn', message: '视察日期不能晚于今天' });
  }
  await writeTransaction(deps.db, actor, (tx) =>
    insertInspection(tx, {
      projectId,
      deputyId: actor.userId,
      deputyName: actor.displayName,
      visitedOn: input.visitedOn,
      text: input.text,
      at: deps.now(),
    }),
  );
  return projectInspections(deps, actor, projectId);
}
