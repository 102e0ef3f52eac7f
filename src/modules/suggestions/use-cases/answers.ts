import { eq, sql } from 'drizzle-orm';
import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import type { AppDeps } from '../../../server/deps';
import { units } from '../../units';
import { mayAnswerFor } from '../suggestions.policy';
import { requireGroup } from '../suggestions.repository';
import { VERDICT_LABELS, type Verdict } from '../triage.rules';
import { suggestionAnswers, suggestionGroups } from '../triage.tables';

export interface AnswerInput {
  verdict: Verdict;
  reason: string;
}

/**
 * 答复: the unit the group was routed to answers it (采纳/部分采纳/不予采纳/已在办理 and why). The answer
 * reaches every resident of the group through their tracking code. A later answer supersedes the
 * earlier one, which stays in the history.
 */
export async function answerGroup(deps: AppDeps, actor: Actor | string, groupId: string, input: AnswerInput) {
  return writeTransaction(deps.db, actor, async (tx) => {
    const group = await requireGroup(tx, groupId, true);
    if (group.status === 'proposed' || !group.unitId) throw new DomainError('SUGGESTION_GROUP_NOT_ROUTED');
    const [unit] = await tx
      .select({ id: units.id, name: units.name, regionCode: units.regionCode })
      .from(units)
      .where(eq(units.id, group.unitId));
    if (!unit || (typeof actor !== 'string' && !mayAnswerFor(actor, unit)))
      throw new DomainError('OUT_OF_SCOPE');
    const [last] = await tx
      .select({ version: sql<number>`coalesce(max(${suggestionAnswers.version}), 0)::int` })
      .from(suggestionAnswers)
      .where(eq(suggestionAnswers.groupId, groupId));
    const now = deps.now();
    const [answer] = await tx
      .insert(suggestionAnswers)
      .values({
        groupId,
        version: Number(last?.version ?? 0) + 1,
        verdict: input.verdict,
        reason: input.reason,
        unitId: unit.id,
        answeredBy: typeof actor === 'string' ? null : actor.userId,
        answeredAt: now,
      })
      .returning();
    await tx
      .update(suggestionGroups)
      .set({ status: 'answered', updatedAt: now })
      .where(eq(suggestionGroups.id, groupId));
    return {
      ...answer!,
      verdictLabel: VERDICT_LABELS[input.verdict],
      unitName: unit.name,
      supersedes: answer!.version > 1,
    };
  });
}
