import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import type { AppDeps } from '../../../server/deps';
import { candidates } from '../../candidates';
import { settleIntake } from '../suggestion-intake';
import { mayManageSuggestions, mayReadSuggestions } from '../suggestions.policy';
import { funnelCounts, planYearById, requireGroup, requirePlanYear } from '../suggestions.repository';
import { candidateSuggestionGroups, suggestionGroups } from '../triage.tables';

async function checkedPair(tx: Tx, actor: Actor | string, candidateId: string, groupId: string) {
  const [candidate] = await tx
    .select({ id: candidates.id, planYearId: candidates.planYearId })
    .from(candidates)
    .where(eq(candidates.id, candidateId));
  if (!candidate) throw new DomainError('SUGGESTION_CANDIDATE_NOT_FOUND');
  const group = await requireGroup(tx, groupId, true);
  const planYear = (await planYearById(tx, group.planYearId))!;
  if (typeof actor !== 'string' && !mayManageSuggestions(actor, planYear.regionCode))
    throw new DomainError('OUT_OF_SCOPE');
  if (candidate.planYearId !== group.planYearId)
    throw new DomainError('VALIDATION_FAILED', {
      field: 'groupId',
      message: '候选项目和建议组不属于同一年度计划',
    });
  return { candidate, group };
}

/** 关联: the candidate answers the asks of this group (shown as its source, counted in the funnel). */
export async function linkCandidate(
  deps: AppDeps,
  actor: Actor | string,
  candidateId: string,
  groupId: string,
) {
  return writeTransaction(deps.db, actor, async (tx) => {
    await checkedPair(tx, actor, candidateId, groupId);
    await tx.insert(candidateSuggestionGroups).values({ candidateId, groupId }).onConflictDoNothing();
    // A linked group is the coordinator's work: automatic regrouping must keep it.
    await tx
      .update(suggestionGroups)
      .set({ edited: true, updatedAt: deps.now() })
      .where(eq(suggestionGroups.id, groupId));
    return { candidateId, groupId, linked: true };
  });
}

export async function unlinkCandidate(
  deps: AppDeps,
  actor: Actor | string,
  candidateId: string,
  groupId: string,
) {
  return writeTransaction(deps.db, actor, async (tx) => {
    await checkedPair(tx, actor, candidateId, groupId);
    await tx
      .delete(candidateSuggestionGroups)
      .where(
        and(
          eq(candidateSuggestionGroups.candidateId, candidateId),
          eq(candidateSuggestionGroups.groupId, groupId),
        ),
      );
    return { candidateId, groupId, linked: false };
  });
}

/**
 * 漏斗: how the plan year went from residents' suggestions to groups, proposals (every candidate
 * drafted), the candidates shortlisted for the vote, elected candidates and projects. A system actor
 * (the command line) reads any region.
 */
export async function planFunnel(deps: AppDeps, actor: Actor | string, regionCode: string, year: number) {
  if (typeof actor !== 'string' && !mayReadSuggestions(actor, regionCode))
    throw new DomainError('OUT_OF_SCOPE');
  await settleIntake(deps.db);
  const planYear = await requirePlanYear(deps.db, regionCode, year);
  return { region: regionCode, year, ...(await funnelCounts(deps.db, planYear.id)) };
}
