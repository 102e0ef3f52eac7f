import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import type { AppDeps } from '../../../server/deps';
import { groupSuggestions } from '../grouping.rules';
import { SUGGESTION_FIELDS } from '../lexicon.rules';
import { suggestField, suggestUnit } from '../routing.rules';
import { settleIntake } from '../suggestion-intake';
import { mayManageSuggestions } from '../suggestions.policy';
import {
  type GroupRow,
  lockPlanYear,
  type PlanYearRef,
  planYearById,
  requireGroup,
  requirePlanYear,
  unitsWithin,
} from '../suggestions.repository';
import { suggestions } from '../suggestions.tables';
import { labelOfText, planRegrouping } from '../triage.rules';
import { candidateSuggestionGroups, suggestionAnswers, suggestionGroups } from '../triage.tables';

export interface RegroupSummary {
  region: string;
  year: number;
  suggestions: number;
  groups: number;
  /** Groups the coordinator had worked on, left as they were (late duplicates may have joined). */
  kept: number;
  created: number;
  reused: number;
  /** Suggestions that joined a kept group. */
  joined: number;
}

function mostCommon(values: Array<string | null>): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * 自动分组: groups the plan year's suggestions by near-duplicate wording, each new group with a first
 * guess at its field and unit. Groups the coordinator has worked on stay as they are.
 */
export async function autoGroup(
  deps: AppDeps,
  actor: Actor | string,
  regionCode: string,
  year: number,
): Promise<RegroupSummary> {
  if (typeof actor !== 'string' && !mayManageSuggestions(actor, regionCode))
    throw new DomainError('OUT_OF_SCOPE');
  await settleIntake(deps.db);
  return writeTransaction(deps.db, actor, async (tx) => {
    const planYear = await requirePlanYear(tx, regionCode, year);
    await lockPlanYear(tx, planYear.id);
    const rows = await tx
      .select({
        id: suggestions.id,
        text: suggestions.text,
        field: suggestions.field,
        groupId: suggestions.groupId,
      })
      .from(suggestions)
      .where(eq(suggestions.planYearId, planYear.id))
      .orderBy(asc(suggestions.createdAt), asc(suggestions.id));
    const groups = await tx
      .select({ id: suggestionGroups.id, edited: suggestionGroups.edited, autoKey: suggestionGroups.autoKey })
      .from(suggestionGroups)
      .where(eq(suggestionGroups.planYearId, planYear.id));
    const clusters = groupSuggestions(rows.map((r) => ({ ref: r.id, text: r.text })));
    const plan = planRegrouping(
      clusters,
      rows.map((r) => ({ suggestionId: r.id, groupId: r.groupId })),
      groups,
    );
    if (plan.drop.length) await tx.delete(suggestionGroups).where(inArray(suggestionGroups.id, plan.drop));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const regionUnits = await unitsWithin(tx, regionCode);
    const now = deps.now();
    for (const { cluster, members } of plan.create) {
      const text = byId.get(cluster.representative)?.text ?? byId.get(members[0]!)!.text;
      const unit = suggestUnit(text, regionUnits);
      const [group] = await tx
        .insert(suggestionGroups)
        .values({
          planYearId: planYear.id,
          label: cluster.label,
          field: suggestField(text)?.field ?? mostCommon(members.map((m) => byId.get(m)?.field ?? null)),
          unitId: unit?.unit.id ?? null,
          status: 'proposed',
          edited: false,
          autoKey: cluster.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: suggestionGroups.id });
      await tx.update(suggestions).set({ groupId: group!.id }).where(inArray(suggestions.id, members));
    }
    const joins = new Map<string, string[]>();
    for (const j of plan.join) joins.set(j.groupId, [...(joins.get(j.groupId) ?? []), j.suggestionId]);
    for (const [groupId, ids] of joins) {
      await tx.update(suggestions).set({ groupId }).where(inArray(suggestions.id, ids));
      await tx.update(suggestionGroups).set({ updatedAt: now }).where(eq(suggestionGroups.id, groupId));
    }
    const kept = groups.filter((g) => g.edited).length;
    return {
      region: regionCode,
      year,
      suggestions: rows.length,
      groups: kept + plan.reuse.length + plan.create.length,
      kept,
      created: plan.create.length,
      reused: plan.reuse.length,
      joined: plan.join.length,
    };
  });
}

/** The group, its plan year, and the check that the actor manages that plan year's triage. */
async function managedGroup(
  tx: Tx,
  actor: Actor | string,
  groupId: string,
): Promise<{ group: GroupRow; planYear: PlanYearRef }> {
  const group = await requireGroup(tx, groupId, true);
  const planYear = (await planYearById(tx, group.planYearId))!;
  if (typeof actor !== 'string' && !mayManageSuggestions(actor, planYear.regionCode))
    throw new DomainError('OUT_OF_SCOPE');
  return { group, planYear };
}

async function unitInRegion(tx: Tx, unitId: string, regionCode: string) {
  const unit = (await unitsWithin(tx, regionCode)).find((u) => u.id === unitId);
  if (!unit) throw new DomainError('UNIT_NOT_FOUND', { field: 'unitId', message: '该单位不在本地区' });
  return unit;
}

function checkField(field: string | null | undefined): void {
  if (field && !(SUGGESTION_FIELDS as readonly string[]).includes(field))
    throw new DomainError('VALIDATION_FAILED', { field: 'field', message: '领域不正确' });
}

export interface RouteInput {
  unitId: string;
  field?: string | null;
  label?: string | null;
}

/**
 * 确认转交 / 改派: the coordinator accepts (or changes) the group's field and the unit that answers
 * it. An answered group keeps its answer until the new unit answers again.
 */
export async function routeGroup(deps: AppDeps, actor: Actor | string, groupId: string, input: RouteInput) {
  checkField(input.field);
  return writeTransaction(deps.db, actor, async (tx) => {
    const { group, planYear } = await managedGroup(tx, actor, groupId);
    await unitInRegion(tx, input.unitId, planYear.regionCode);
    const [updated] = await tx
      .update(suggestionGroups)
      .set({
        unitId: input.unitId,
        field: input.field === undefined ? group.field : input.field,
        label: input.label?.trim() || group.label,
        status: group.status === 'answered' ? 'answered' : 'routed',
        edited: true,
        updatedAt: deps.now(),
      })
      .where(eq(suggestionGroups.id, groupId))
      .returning();
    return updated!;
  });
}

/** Renames or reclassifies a group without routing it. */
export async function editGroup(
  deps: AppDeps,
  actor: Actor | string,
  groupId: string,
  input: { label?: string | null; field?: string | null },
) {
  checkField(input.field);
  return writeTransaction(deps.db, actor, async (tx) => {
    const { group } = await managedGroup(tx, actor, groupId);
    const [updated] = await tx
      .update(suggestionGroups)
      .set({
        label: input.label?.trim() || group.label,
        field: input.field === undefined ? group.field : input.field,
        edited: true,
        updatedAt: deps.now(),
      })
      .where(eq(suggestionGroups.id, groupId))
      .returning();
    return updated!;
  });
}

/**
 * 合并: every suggestion of `sourceId` joins `targetId`, with the candidates it was linked to; the
 * emptied group goes. A group already answered cannot be merged away (its answer would be lost to
 * its residents); merging into an answered group gives the newcomers that answer.
 */
export async function mergeGroups(deps: AppDeps, actor: Actor | string, targetId: string, sourceId: string) {
  if (targetId === sourceId)
    throw new DomainError('VALIDATION_FAILED', { field: 'from', message: '不能把一个组合并到它自己' });
  return writeTransaction(deps.db, actor, async (tx) => {
    const { group: target } = await managedGroup(tx, actor, targetId);
    const { group: source } = await managedGroup(tx, actor, sourceId);
    if (source.planYearId !== target.planYearId)
      throw new DomainError('VALIDATION_FAILED', { field: 'from', message: '只能合并同一年度计划的建议组' });
    const [answered] = await tx
      .select({ id: suggestionAnswers.id })
      .from(suggestionAnswers)
      .where(eq(suggestionAnswers.groupId, sourceId))
      .limit(1);
    if (answered) throw new DomainError('SUGGESTION_GROUP_ANSWERED', { field: 'from' });
    const moved = await tx
      .update(suggestions)
      .set({ groupId: targetId })
      .where(eq(suggestions.groupId, sourceId))
      .returning({ id: suggestions.id });
    const links = await tx
      .select({ candidateId: candidateSuggestionGroups.candidateId })
      .from(candidateSuggestionGroups)
      .where(eq(candidateSuggestionGroups.groupId, sourceId));
    if (links.length)
      await tx
        .insert(candidateSuggestionGroups)
        .values(links.map((l) => ({ candidateId: l.candidateId, groupId: targetId })))
        .onConflictDoNothing();
    await tx.delete(suggestionGroups).where(eq(suggestionGroups.id, sourceId));
    const [updated] = await tx
      .update(suggestionGroups)
      .set({ edited: true, updatedAt: deps.now() })
      .where(eq(suggestionGroups.id, targetId))
      .returning();
    return { group: updated!, moved: moved.length };
  });
}

/**
 * 拆分: the suggestion leaves its group for a group of its own, with its own first guesses at field
 * and unit; the coordinator then routes it. An ungrouped suggestion gets its own group the same way.
 */
export async function splitSuggestion(deps: AppDeps, actor: Actor | string, suggestionId: string) {
  return writeTransaction(deps.db, actor, async (tx) => {
    const [s] = await tx.select().from(suggestions).where(eq(suggestions.id, suggestionId)).for('update');
    if (!s) throw new DomainError('NOT_FOUND', { message: '建议不存在' });
    const planYear = (await planYearById(tx, s.planYearId))!;
    if (typeof actor !== 'string' && !mayManageSuggestions(actor, planYear.regionCode))
      throw new DomainError('OUT_OF_SCOPE');
    await lockPlanYear(tx, planYear.id);
    let from: GroupRow | undefined;
    if (s.groupId) {
      from = await requireGroup(tx, s.groupId, true);
      const [others] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(suggestions)
        .where(eq(suggestions.groupId, s.groupId));
      if (Number(others?.n ?? 0) <= 1) throw new DomainError('SUGGESTION_ALONE');
    }
    const regionUnits = await unitsWithin(tx, planYear.regionCode);
    const unit = suggestUnit(s.text, regionUnits);
    const now = deps.now();
    const [group] = await tx
      .insert(suggestionGroups)
      .values({
        planYearId: s.planYearId,
        label: labelOfText(s.text),
        field: suggestField(s.text)?.field ?? s.field ?? from?.field ?? null,
        unitId: unit?.unit.id ?? from?.unitId ?? null,
        status: 'proposed',
        edited: true,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.update(suggestions).set({ groupId: group!.id }).where(eq(suggestions.id, suggestionId));
    if (from)
      await tx
        .update(suggestionGroups)
        .set({ edited: true, updatedAt: now })
        .where(eq(suggestionGroups.id, from.id));
    return { group: group!, from: from?.id ?? null };
  });
}
