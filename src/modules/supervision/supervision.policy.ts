import { type Actor, grantCovers, UNIT_ROLES } from '../../kernel/actor';
import { can, grantAllows } from '../../kernel/policy';
import type { StepKind } from './supervision.rules';

/**
 * Who does what with a 督办 order. The region's coordinator (民生办) issues it, reminds, grades the
 * closure and sends it back; the ordered unit's own clerk or approver acknowledges it and reports
 * measures and the resolution (a coordinator does not answer for a department); whoever reads the
 * plan year reads its orders, superiors and deputies included.
 */
export const UNIT_STEPS = ['acknowledged', 'measures', 'resolution'] as const satisfies readonly StepKind[];
export const ISSUER_STEPS = ['returned', 'closed', 'reminded'] as const satisfies readonly StepKind[];

export function mayReadOrders(actor: Actor, regionCode: string): boolean {
  return can(actor, 'plan.read', { regionCode });
}

export function mayIssue(actor: Actor, regionCode: string): boolean {
  return can(actor, 'plan.manage', { regionCode });
}

export function mayAnswerFor(actor: Actor, order: { regionCode: string; unitId: string }): boolean {
  const target = { regionCode: order.regionCode, unitId: order.unitId };
  return actor.grants.some(
    (g) =>
      UNIT_ROLES.includes(g.role) &&
      g.unitId === order.unitId &&
      (grantAllows(g, 'record.write', target) || grantAllows(g, 'record.approve', target)),
  );
}

export function mayTakeStep(
  actor: Actor,
  kind: StepKind,
  order: { regionCode: string; unitId: string },
): boolean {
  if ((UNIT_STEPS as readonly StepKind[]).includes(kind)) return mayAnswerFor(actor, order);
  if ((ISSUER_STEPS as readonly StepKind[]).includes(kind)) return mayIssue(actor, order.regionCode);
  return false;
}

/** 代表视察意见 are the deputies' own: a deputy of the plan's region (or above it) writes them. */
export function mayInspect(actor: Actor, regionCode: string): boolean {
  return actor.grants.some((g) => g.role === 'deputy' && grantCovers(g, regionCode));
}
