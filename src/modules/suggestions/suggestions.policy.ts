import type { Actor } from '../../kernel/actor';
import { can } from '../../kernel/policy';

/** Who the audit log names for a resident's submission: residents have no account. */
export const PUBLIC_ACTOR = 'public:web';

/**
 * Who may do what with residents' suggestions. The coordinator (民生办) manages intake and triage of
 * the plan year's region; a department answers the groups routed to its unit; every staff member
 * with the plan in scope may read. Residents' phones are for those who manage intake only.
 */
export function mayReadSuggestions(actor: Actor, regionCode: string): boolean {
  return can(actor, 'plan.read', { regionCode });
}

export function mayManageSuggestions(actor: Actor, regionCode: string): boolean {
  return can(actor, 'plan.manage', { regionCode });
}

export function seesPhones(actor: Actor, regionCode: string): boolean {
  return mayManageSuggestions(actor, regionCode);
}

/** A clerk or approver of the unit (or a coordinator over its region) answers for the unit. */
export function mayAnswerFor(actor: Actor, unit: { id: string; regionCode: string }): boolean {
  const target = { regionCode: unit.regionCode, unitId: unit.id };
  return can(actor, 'record.write', target) || can(actor, 'record.approve', target);
}
