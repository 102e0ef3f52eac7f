import { and, asc, count, eq, inArray, max, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { planYears } from '../plans/plans.tables';
// The suggestions module keeps the links (来源) in its tables and has no index yet; drafting writes
// the links of its own candidates in the same transaction as the candidate.
import { suggestions } from '../suggestions/suggestions.tables';
import { candidateSuggestionGroups, suggestionGroups } from '../suggestions/triage.tables';
import { normalizeUnitName, units } from '../units';
import { candidateReviews, candidateScores, candidateScreening, candidates } from './candidates.tables';
import { type Criterion, DEFAULT_CRITERIA } from './screening.rules';

export type CandidateRow = typeof candidates.$inferSelect;
export type CandidateInsert = Omit<typeof candidates.$inferInsert, 'planYearId'>;
export type ReviewRow = typeof candidateReviews.$inferSelect;

export async function candidatesOf(db: Executor, planYearId: string): Promise<CandidateRow[]> {
  return db
    .select()
    .from(candidates)
    .where(eq(candidates.planYearId, planYearId))
    .orderBy(asc(candidates.seq));
}

export async function replaceCandidates(
  db: Executor,
  planYearId: string,
  rows: Array<Omit<typeof candidates.$inferInsert, 'planYearId'>>,
): Promise<void> {
  await db.delete(candidates).where(eq(candidates.planYearId, planYearId));
  if (rows.length) await db.insert(candidates).values(rows.map((r) => ({ ...r, planYearId })));
}

export interface CandidateInPlan {
  candidate: CandidateRow;
  regionCode: string;
  year: number;
}

export async function findCandidate(
  db: Executor,
  id: string,
  forUpdate = false,
): Promise<CandidateInPlan | undefined> {
  const query = db
    .select({ candidate: candidates, regionCode: planYears.regionCode, year: planYears.year })
    .from(candidates)
    .innerJoin(planYears, eq(planYears.id, candidates.planYearId))
    .where(eq(candidates.id, id))
    .limit(1);
  const [row] = forUpdate ? await query.for('update', { of: candidates }) : await query;
  return row;
}

/** Serialises list-wide changes (a new 序号, a meeting record) of one plan year. */
export async function lockPlanYear(tx: Tx, planYearId: string): Promise<void> {
  await tx.select({ id: planYears.id }).from(planYears).where(eq(planYears.id, planYearId)).for('update');
}

export async function nextSeq(db: Executor, planYearId: string): Promise<number> {
  const [row] = await db
    .select({ seq: max(candidates.seq) })
    .from(candidates)
    .where(eq(candidates.planYearId, planYearId));
  return (row?.seq ?? 0) + 1;
}

export async function insertCandidate(
  tx: Tx,
  planYearId: string,
  row: CandidateInsert,
): Promise<CandidateRow> {
  const [created] = await tx
    .insert(candidates)
    .values({ ...row, planYearId })
    .returning();
  return created!;
}

export async function updateCandidate(
  tx: Tx,
  id: string,
  patch: Partial<CandidateInsert>,
): Promise<CandidateRow> {
  const [updated] = await tx.update(candidates).set(patch).where(eq(candidates.id, id)).returning();
  return updated!;
}

export async function deleteCandidate(tx: Tx, id: string): Promise<void> {
  await tx.delete(candidates).where(eq(candidates.id, id));
}

/** The region's units by full and short name, to tie an imported lead unit to the unit's clerks. */
export async function unitIdsByName(db: Executor, regionCode: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: units.id, name: units.name, shortName: units.shortName })
    .from(units)
    .where(eq(units.regionCode, regionCode));
  const byName = new Map<string, string>();
  for (const u of rows) {
    if (u.shortName) byName.set(normalizeUnitName(u.shortName), u.id);
    byName.set(normalizeUnitName(u.name), u.id);
  }
  return byName;
}

// ── the suggestions behind a candidate ──────────────────────────────────────────────────────────

// Spelled out: drizzle may render a lone column unqualified, which the subquery would read as s.id.
const memberCount = sql<number>`(select count(*)::int from ${suggestions} s where s.group_id = suggestion_groups.id)`;

export interface GroupRef {
  id: string;
  label: string;
  /** How many residents' suggestions the group holds (its members). */
  suggestions: number;
}

export async function suggestionLinksOf(db: Executor, candidateIds: string[]) {
  const links = new Map<string, GroupRef[]>();
  if (candidateIds.length === 0) return links;
  const rows = await db
    .select({
      candidateId: candidateSuggestionGroups.candidateId,
      id: suggestionGroups.id,
      label: suggestionGroups.label,
      suggestions: memberCount,
    })
    .from(candidateSuggestionGroups)
    .innerJoin(suggestionGroups, eq(suggestionGroups.id, candidateSuggestionGroups.groupId))
    .where(inArray(candidateSuggestionGroups.candidateId, candidateIds))
    .orderBy(asc(suggestionGroups.label));
  for (const r of rows) {
    const list = links.get(r.candidateId) ?? [];
    list.push({ id: r.id, label: r.label, suggestions: Number(r.suggestions) });
    links.set(r.candidateId, list);
  }
  return links;
}

/** The plan year's suggestion groups a candidate can answer, with how many residents asked. */
export async function suggestionGroupsOf(db: Executor, planYearId: string) {
  return db
    .select({
      id: suggestionGroups.id,
      label: suggestionGroups.label,
      field: suggestionGroups.field,
      unitId: suggestionGroups.unitId,
      status: suggestionGroups.status,
      suggestions: memberCount,
    })
    .from(suggestionGroups)
    .where(eq(suggestionGroups.planYearId, planYearId))
    .orderBy(asc(suggestionGroups.label));
}

/** Replaces the candidate's links; returns ids that are not groups of the plan year. */
export async function replaceSuggestionLinks(
  tx: Tx,
  planYearId: string,
  candidateId: string,
  groupIds: readonly string[],
  now: Date,
): Promise<string[]> {
  const known = groupIds.length
    ? await tx
        .select({ id: suggestionGroups.id })
        .from(suggestionGroups)
        .where(and(eq(suggestionGroups.planYearId, planYearId), inArray(suggestionGroups.id, [...groupIds])))
    : [];
  const knownIds = new Set(known.map((g) => g.id));
  const unknown = groupIds.filter((id) => !knownIds.has(id));
  if (unknown.length) return unknown;
  await tx.delete(candidateSuggestionGroups).where(eq(candidateSuggestionGroups.candidateId, candidateId));
  if (groupIds.length) {
    await tx
      .insert(candidateSuggestionGroups)
      .values(groupIds.map((groupId) => ({ candidateId, groupId })))
      .onConflictDoNothing();
    // As linking from triage does: a group a project answers is a person's work, kept by regrouping.
    await tx
      .update(suggestionGroups)
      .set({ edited: true, updatedAt: now })
      .where(inArray(suggestionGroups.id, [...groupIds]));
  }
  return [];
}

// ── screening ───────────────────────────────────────────────────────────────────────────────────

export async function criteriaOf(db: Executor, planYearId: string): Promise<Criterion[]> {
  const [row] = await db
    .select({ criteria: candidateScreening.criteria })
    .from(candidateScreening)
    .where(eq(candidateScreening.planYearId, planYearId));
  return row?.criteria ?? DEFAULT_CRITERIA.map((c) => ({ ...c }));
}

export async function saveCriteria(tx: Tx, planYearId: string, criteria: Criterion[], now: Date) {
  await tx
    .insert(candidateScreening)
    .values({ planYearId, criteria, updatedAt: now })
    .onConflictDoUpdate({ target: candidateScreening.planYearId, set: { criteria, updatedAt: now } });
}

export async function scoresOf(db: Executor, planYearId: string) {
  const rows = await db
    .select({
      candidateId: candidateScores.candidateId,
      criterion: candidateScores.criterion,
      score: candidateScores.score,
    })
    .from(candidateScores)
    .innerJoin(candidates, eq(candidates.id, candidateScores.candidateId))
    .where(eq(candidates.planYearId, planYearId));
  const scores = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const own = scores.get(r.candidateId) ?? {};
    own[r.criterion] = Number(r.score);
    scores.set(r.candidateId, own);
  }
  return scores;
}

export async function saveScores(
  tx: Tx,
  candidateId: string,
  scores: Record<string, number | null>,
  scoredBy: string | null,
  now: Date,
) {
  for (const [criterion, score] of Object.entries(scores)) {
    if (score === null) {
      await tx
        .delete(candidateScores)
        .where(and(eq(candidateScores.candidateId, candidateId), eq(candidateScores.criterion, criterion)));
      continue;
    }
    const value = score.toFixed(1);
    await tx
      .insert(candidateScores)
      .values({ candidateId, criterion, score: value, scoredBy, updatedAt: now })
      .onConflictDoUpdate({
        target: [candidateScores.candidateId, candidateScores.criterion],
        set: { score: value, scoredBy, updatedAt: now },
      });
  }
}

// ── meetings ────────────────────────────────────────────────────────────────────────────────────

export async function reviewsOf(db: Executor, planYearId: string): Promise<ReviewRow[]> {
  return db
    .select()
    .from(candidateReviews)
    .where(eq(candidateReviews.planYearId, planYearId))
    .orderBy(asc(candidateReviews.position));
}

export async function insertReview(
  tx: Tx,
  row: Omit<typeof candidateReviews.$inferInsert, 'position'>,
): Promise<ReviewRow> {
  const [n] = await tx
    .select({ n: count() })
    .from(candidateReviews)
    .where(eq(candidateReviews.planYearId, row.planYearId));
  const [created] = await tx
    .insert(candidateReviews)
    .values({ ...row, position: (n?.n ?? 0) + 1 })
    .returning();
  return created!;
}
