import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { scopesFor } from '../../../kernel/policy';
import { type AppDeps, todayInChina } from '../../../server/deps';
import { findProjectWithPlanYear, isBehind, planOverview } from '../../progress';
import { mayIssue, mayReadOrders } from '../supervision.policy';
import {
  openOrdersWithin,
  ordersOfPlanYear,
  ordersOfProject,
  unitsOfProjects,
} from '../supervision.repository';
import { laggingReason, supervisionTotals } from '../supervision.rules';
import { type PresentedOrder, presentOrders } from './present';

/** Open orders first, the longest overdue at the top; then the closed ones, newest first. */
function byUrgency(a: PresentedOrder, b: PresentedOrder): number {
  const closedA = a.stage === 'closed' ? 1 : 0;
  const closedB = b.stage === 'closed' ? 1 : 0;
  if (closedA !== closedB) return closedA - closedB;
  if (!closedA && a.overdueDays !== b.overdueDays) return b.overdueDays - a.overdueDays;
  return b.serial - a.serial;
}

/**
 * 调度督办 of a plan year: every order where it stands today, the totals, and the lagging projects
 * that have no open order yet, each with a reason in the bulletin's words, ready to be issued.
 */
export async function supervisionBoard(deps: AppDeps, actor: Actor, regionCode: string, year: number) {
  if (!mayReadOrders(actor, regionCode)) throw new DomainError('OUT_OF_SCOPE');
  const overview = await planOverview(deps, actor, regionCode, year);
  const planYearId = overview.planYear.id;
  const [rows, unitsByProject] = [
    await ordersOfPlanYear(deps.db, planYearId),
    await unitsOfProjects(deps.db, planYearId),
  ];
  const presented = await presentOrders(deps, actor, rows);
  const orders = presented.sort(byUrgency);
  const underOrder = new Set(orders.filter((o) => o.stage !== 'closed').map((o) => o.project.id));
  const projects = overview.projects.map((p) => ({
    id: p.id,
    ref: p.ref,
    name: p.name,
    status: p.status,
    light: p.light,
    completion: p.completion,
    planned: p.planned,
    units: unitsByProject.get(p.id) ?? [],
    underOrder: underOrder.has(p.id),
    reason: laggingReason({
      name: p.name,
      completion: p.completion,
      planned: p.planned,
      elapsed: overview.elapsed,
      severe: p.status === 'severely-lagging',
    }),
  }));
  return {
    planYear: overview.planYear,
    asOf: overview.asOf,
    today: todayInChina(deps),
    mayIssue: mayIssue(actor, regionCode),
    totals: supervisionTotals(orders),
    orders,
    /** Lagging projects without an open order: the ones to consider first. */
    lagging: projects.filter((p) => isBehind(p.status) && !p.underOrder).map((p) => p.id),
    projects,
  };
}

/**
 * The open orders across every plan year the user reads, where each stands today, that pass `keep`,
 * most urgent first. At most 1,000 are read: the per-plan-year board is the complete list.
 */
async function openOrdersKept(deps: AppDeps, actor: Actor, keep: (o: PresentedOrder) => boolean) {
  const scopes = scopesFor(actor, 'plan.read');
  if (scopes.length === 0) throw new DomainError('FORBIDDEN');
  const rows = await openOrdersWithin(deps.db, scopes, 1000);
  const presented = await presentOrders(deps, actor, rows);
  return { today: todayInChina(deps), items: presented.filter(keep).sort(byUrgency) };
}

/**
 * 提级督办: open orders overdue long enough to be raised to the level above, across every plan year
 * the user reads: what a city or province sees of its counties' delays.
 */
export function escalatedOrders(deps: AppDeps, actor: Actor) {
  return openOrdersKept(deps, actor, (o) => (o.escalation?.level ?? 0) >= 3);
}

/**
 * 督办待办: the open orders waiting on this user — for a unit's staff the orders to their unit that
 * they owe a step on, for a coordinator those reported and waiting for a grade. Reminding is not a
 * to-do: it is offered on every open order.
 */
export function ordersAwaitingMe(deps: AppDeps, actor: Actor) {
  return openOrdersKept(deps, actor, (o) => o.actions.some((a) => a !== 'reminded'));
}

/** One project's orders, newest first, for its page; and whether this user may issue another. */
export async function projectOrders(deps: AppDeps, actor: Actor, projectId: string) {
  const found = await findProjectWithPlanYear(deps.db, projectId);
  if (!found || !mayReadOrders(actor, found.planYear.regionCode)) throw new DomainError('PROJECT_NOT_FOUND');
  const rows = await ordersOfProject(deps.db, projectId);
  const presented = await presentOrders(deps, actor, rows);
  return {
    mayIssue: mayIssue(actor, found.planYear.regionCode),
    items: presented.sort(byUrgency),
  };
}
