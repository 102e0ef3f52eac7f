import { ROLE_LABELS, ROLES, type Role, UNIT_ROLES } from '../../../kernel/actor';

export { ROLE_LABELS };

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** Department clerks and approvers act for one unit, so their grant names it. */
export function needsUnit(role: Role | undefined): boolean {
  return role !== undefined && UNIT_ROLES.includes(role);
}

export const PASSWORD_HINT = '至少 10 位，包含大写字母、小写字母、数字、符号中的至少三类，且不含用户名';
