import { type Actor, grantCovers } from '../../kernel/actor';
import { DomainError } from '../../kernel/errors';
import { can, ROLE_ACTIONS } from '../../kernel/policy';

/**
 * Who does what in a satisfaction evaluation, as in the vote: the region's coordinator (plan.manage)
 * sets a session up, opens and closes it and hands out survey codes; the desk staff (the coordinator
 * or any clerk of the region) check deputies in; anyone who may read the region's records follows
 * the results. Deputies rate with a token and residents with their phone, neither with a login.
 */
export function mayManageEvaluation(actor: Actor, regionCode: string): boolean {
  return can(actor, 'plan.manage', { regionCode });
}

export function mayStaffEvaluation(actor: Actor, regionCode: string): boolean {
  return (
    mayManageEvaluation(actor, regionCode) ||
    actor.grants.some((g) => ROLE_ACTIONS[g.role].includes('record.write') && grantCovers(g, regionCode))
  );
}

export function mayFollowEvaluation(actor: Actor, regionCode: string): boolean {
  return can(actor, 'record.read', { regionCode }) || mayStaffEvaluation(actor, regionCode);
}

/** Comments come with the masked phone; only those who run the plan see even that. */
export function maySeeRespondents(actor: Actor, regionCode: string): boolean {
  return mayManageEvaluation(actor, regionCode);
}

export function assertAllowed(allowed: boolean): void {
  if (!allowed) throw new DomainError('OUT_OF_SCOPE');
}
