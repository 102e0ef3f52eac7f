import type { Actor } from '../../kernel/actor';
import { can } from '../../kernel/policy';
import type { ListState } from './review.rules';

/**
 * Who may do what with candidates. The coordinator (民生办) of the plan year's region manages the
 * list: imports it, edits any candidate, screens, records the meetings. A department (clerk of the
 * lead unit) drafts its own candidates and edits them while the list is a draft. Everyone with the
 * plan in scope reads.
 */
export function mayReadCandidates(actor: Actor, regionCode: string): boolean {
  return can(actor, 'plan.read', { regionCode });
}

export function mayManageCandidates(actor: Actor, regionCode: string): boolean {
  return can(actor, 'plan.manage', { regionCode });
}

/** Drafting for a unit: its clerk, or anyone writing records for the whole region. */
export function mayDraftFor(actor: Actor, regionCode: string, unitId: string | null): boolean {
  return can(actor, 'record.write', { regionCode, unitId });
}

export type EditVerdict = 'ok' | 'out_of_scope' | 'in_review' | 'voted';

/** Whether the actor may change (or delete) this candidate now. */
export function editVerdict(
  actor: Actor,
  candidate: { regionCode: string; leadUnitId: string | null; status: string },
  state: ListState,
): EditVerdict {
  const manager = mayManageCandidates(actor, candidate.regionCode);
  if (!manager && !mayDraftFor(actor, candidate.regionCode, candidate.leadUnitId)) return 'out_of_scope';
  if (candidate.status === 'elected') return 'voted';
  if (!manager && state !== 'draft') return 'in_review';
  return 'ok';
}
