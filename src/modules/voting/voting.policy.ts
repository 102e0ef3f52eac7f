import { type Actor, grantCovers } from '../../kernel/actor';
import { DomainError } from '../../kernel/errors';
import { can, ROLE_ACTIONS } from '../../kernel/policy';

/**
 * Who does what in a vote. The region's coordinator (plan.manage) sets a session up, opens, closes
 * and publishes it. The desk staff — the coordinator or any clerk of the region (record.write, of
 * any unit: counting clerks are lent by departments) — check deputies in and type in paper ballots.
 * Anyone who may read the region's records may follow the session. Deputies cast their ballots with
 * a token, not a login, so no rule here concerns them.
 */
export function mayManageVote(actor: Actor, regionCode: string): boolean {
  return can(actor, 'plan.manage', { regionCode });
}

export function mayStaffVote(actor: Actor, regionCode: string): boolean {
  return (
    mayManageVote(actor, regionCode) ||
    actor.grants.some((g) => ROLE_ACTIONS[g.role].includes('record.write') && grantCovers(g, regionCode))
  );
}

export function mayFollowVote(actor: Actor, regionCode: string): boolean {
  return can(actor, 'record.read', { regionCode }) || mayStaffVote(actor, regionCode);
}

export function assertAllowed(allowed: boolean): void {
  if (!allowed) throw new DomainError('OUT_OF_SCOPE');
}
