import { isWithinRegion } from './regions';

export const ROLES = [
  'admin',
  'coordinator',
  'dept_clerk',
  'dept_approver',
  'deputy',
  'superior_viewer',
  'public',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  coordinator: '统筹协调（民生办）',
  dept_clerk: '部门填报员',
  dept_approver: '部门审核人',
  deputy: '人大代表',
  superior_viewer: '上级查看',
  public: '公众',
};

/** Department roles act for one unit; the others act over a whole region subtree. */
export const UNIT_ROLES: readonly Role[] = ['dept_clerk', 'dept_approver'];

export interface RoleGrant {
  role: Role;
  /** The region subtree the grant covers (GB/T 2260 code; 000000 = the whole country). */
  regionCode: string;
  /** For department roles: the unit the grant acts for. */
  unitId?: string | null;
}

export interface Actor {
  /** null for an anonymous resident. */
  userId: string | null;
  username: string;
  displayName: string;
  grants: RoleGrant[];
}

export const ANONYMOUS: Actor = { userId: null, username: 'anonymous', displayName: '公众', grants: [] };

export function isAuthenticated(actor: Actor): boolean {
  return actor.userId !== null;
}

export function grantCovers(grant: RoleGrant, regionCode: string): boolean {
  return isWithinRegion(regionCode, grant.regionCode);
}
