import { type Actor, grantCovers, type Role, type RoleGrant, UNIT_ROLES } from './actor';

/**
 * What each role may do. A grant allows an action on a target when the role lists the action, the
 * target's region lies in the grant's subtree, and — for department roles — the target belongs to
 * the grant's unit. Pure: the server calls it on every request, the web calls it to hide buttons.
 */
export const ACTIONS = [
  'region.read',
  'region.manage',
  'unit.read',
  'unit.manage',
  'user.read',
  'user.manage',
  'plan.read',
  'plan.manage',
  'record.read',
  'record.write',
  'record.approve',
  'vote.cast',
  'audit.read',
] as const;
export type Action = (typeof ACTIONS)[number];

const READ: Action[] = ['region.read', 'unit.read', 'plan.read', 'record.read'];

export const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  admin: [...READ, 'region.manage', 'unit.manage', 'user.read', 'user.manage', 'plan.manage', 'audit.read'],
  coordinator: [...READ, 'unit.manage', 'user.read', 'plan.manage', 'record.write', 'record.approve'],
  dept_clerk: [...READ, 'record.write'],
  dept_approver: [...READ, 'record.approve'],
  deputy: [...READ, 'vote.cast'],
  superior_viewer: [...READ, 'user.read'],
  public: [],
};

/** Actions on records owned by a unit are bound to that unit for department roles. */
const UNIT_BOUND: readonly Action[] = ['record.write', 'record.approve'];

export interface Target {
  regionCode: string;
  /** The unit that owns the record, when it has one. */
  unitId?: string | null;
}

export function grantAllows(grant: RoleGrant, action: Action, target: Target): boolean {
  if (!ROLE_ACTIONS[grant.role].includes(action)) return false;
  if (!grantCovers(grant, target.regionCode)) return false;
  if (UNIT_ROLES.includes(grant.role) && UNIT_BOUND.includes(action)) {
    return Boolean(grant.unitId) && grant.unitId === target.unitId;
  }
  return true;
}

export function can(actor: Actor, action: Action, target: Target): boolean {
  return actor.grants.some((g) => grantAllows(g, action, target));
}

/** Whether the actor may do the action anywhere at all (to show a menu entry, say). */
export function canAnywhere(actor: Actor, action: Action): boolean {
  return actor.grants.some((g) => ROLE_ACTIONS[g.role].includes(action));
}

/** The region codes under which the actor may do the action: for filtering lists in queries. */
export function scopesFor(actor: Actor, action: Action): string[] {
  return actor.grants.filter((g) => ROLE_ACTIONS[g.role].includes(action)).map((g) => g.regionCode);
}
