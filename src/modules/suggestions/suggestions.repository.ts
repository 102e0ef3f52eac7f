import { and, asc, desc, eq, gt, inArray, like, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { inJsonList } from '../../db/json-batches';
import { likePattern } from '../../db/like-pattern';
import { rowsOf } from '../../db/transaction';
import { DomainError } from '../../kernel/errors';
import { regionPrefix } from '../../kernel/regions';
import { planYears } from '../plans';
import { regions } from '../regions';
import { units } from '../units';
import { suggestionPhotos, suggestions } from './suggestions.tables';
import { solicitationWindows, suggestionAnswers, suggestionGroups } from './triage.tables';

export type SuggestionRow = typeof suggestions.$inferSelect;
export type GroupRow = typeof suggestionGroups.$inferSelect;
export type WindowRow = typeof solicitationWindows.$inferSelect;

export interface PlanYearRef {
  id: string;
  regionCode: string;
  regionName: string;
  year: number;
  title: string | null;
}

const planYearColumns = {
  id: planYears.id,
  regionCode: planYears.regionCode,
  regionName: regions.name,
  year: planYears.year,
  title: planYears.title,
};

export async function planYearByRegion(
  db: Executor,
  regionCode: string,
  year: number,
): Promise<PlanYearRef | undefined> {
  const [row] = await db
    .select(planYearColumns)
    .from(planYears)
    .innerJoin(regions, eq(regions.code, planYears.regionCode))
    .where(and(eq(planYears.regionCode, regionCode), eq(planYears.year, year)));
  return row;
}

export async function planYearById(db: Executor, id: string): Promise<PlanYearRef | undefined> {
  const [row] = await db
    .select(planYearColumns)
    .from(planYears)
    .innerJoin(regions, eq(regions.code, planYears.regionCode))
    .where(eq(planYears.id, id));
  return row;
}

export async function requirePlanYear(db: Executor, regionCode: string, year: number): Promise<PlanYearRef> {
  const planYear = await planYearByRegion(db, regionCode, year);
  if (!planYear)
    throw new DomainError('PLAN_YEAR_NOT_FOUND', { message: `没有 ${regionCode} ${year} 年度的计划` });
  return planYear;
}

/** Serialises writers of one plan year's triage (regrouping, merging) until the transaction ends. */
export async function lockPlanYear(db: Executor, planYearId: string): Promise<void> {
  await db.select({ id: planYears.id }).from(planYears).where(eq(planYears.id, planYearId)).for('update');
}

export async function windowOf(db: Executor, planYearId: string): Promise<WindowRow | undefined> {
  const [row] = await db
    .select()
    .from(solicitationWindows)
    .where(eq(solicitationWindows.planYearId, planYearId));
  return row;
}

/** Windows with their plan year and region, for the public list. */
export async function allWindows(db: Executor) {
  const parents = alias(regions, 'parents');
  return db
    .select({
      planYearId: planYears.id,
      regionCode: planYears.regionCode,
      regionName: regions.name,
      /** Names repeat (many 城关镇, 城区 in 阳泉市 and in 晋城市): the parent tells them apart. */
      parentName: parents.name,
      year: planYears.year,
      title: planYears.title,
      opensOn: solicitationWindows.opensOn,
      closesOn: solicitationWindows.closesOn,
      notice: solicitationWindows.notice,
    })
    .from(solicitationWindows)
    .innerJoin(planYears, eq(planYears.id, solicitationWindows.planYearId))
    .innerJoin(regions, eq(regions.code, planYears.regionCode))
    .leftJoin(parents, eq(parents.code, regions.parentCode))
    .orderBy(asc(solicitationWindows.closesOn), asc(planYears.regionCode));
}

/** Suggestions sent with this phone since the instant given. */
export async function countByPhoneSince(db: Executor, phone: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(suggestions)
    .where(and(eq(suggestions.phone, phone), gt(suggestions.createdAt, since)));
  return Number(row?.n ?? 0);
}

/** Holds one phone's submissions in line until the transaction ends, so the daily count is exact. */
export async function lockPhone(db: Executor, phone: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`suggestion-phone:${phone}`}))`);
}

/** Each phone's suggestions since the instant given, with their codes (the daily limit counts them). */
export async function recentByPhones(
  db: Executor,
  phones: string[],
  since: Date,
): Promise<Array<{ phone: string; trackingCode: string; createdAt: Date }>> {
  if (phones.length === 0) return [];
  const rows = await db
    .select({
      phone: suggestions.phone,
      trackingCode: suggestions.trackingCode,
      createdAt: suggestions.createdAt,
    })
    .from(suggestions)
    .where(and(inJsonList(suggestions.phone, phones), gt(suggestions.createdAt, since)));
  return rows.map((r) => ({ ...r, phone: r.phone! }));
}

/** Every suggestion's code, phone and time of entry, or only those entered after `since`. */
export async function codesAndPhonesSince(
  db: Executor,
  since: Date | null,
): Promise<Array<{ trackingCode: string; phone: string | null; createdAt: Date }>> {
  return db
    .select({
      trackingCode: suggestions.trackingCode,
      phone: suggestions.phone,
      createdAt: suggestions.createdAt,
    })
    .from(suggestions)
    .where(since ? gt(suggestions.createdAt, since) : undefined);
}

/**
 * Every tracking code in the table, read as one string: a row each would cost a million objects (and
 * their dates) crossing from the database thread on a large table.
 */
export async function allTrackingCodes(db: Executor): Promise<string[]> {
  const result = await db.execute(
    sql`select coalesce(string_agg(${suggestions.trackingCode}, ' '), '') as codes from ${suggestions}`,
  );
  const codes = rowsOf<{ codes: string }>(result)[0]?.codes ?? '';
  return codes ? codes.split(' ') : [];
}

/** Which of these tracking codes are already in the table, with what each row says. */
export async function suggestionsByCodes(db: Executor, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .select({
      trackingCode: suggestions.trackingCode,
      planYearId: suggestions.planYearId,
      text: suggestions.text,
      submittedAt: suggestions.submittedAt,
    })
    .from(suggestions)
    .where(inJsonList(suggestions.trackingCode, codes));
}

export async function trackingCodeTaken(db: Executor, code: string): Promise<boolean> {
  const [row] = await db
    .select({ id: suggestions.id })
    .from(suggestions)
    .where(eq(suggestions.trackingCode, code));
  return Boolean(row);
}

export async function suggestionByCode(db: Executor, code: string) {
  const [row] = await db
    .select({
      suggestion: suggestions,
      regionName: regions.name,
      year: planYears.year,
      planRegion: planYears.regionCode,
      groupStatus: suggestionGroups.status,
      groupLabel: suggestionGroups.label,
      groupField: suggestionGroups.field,
      unitName: units.name,
    })
    .from(suggestions)
    .innerJoin(planYears, eq(planYears.id, suggestions.planYearId))
    .innerJoin(regions, eq(regions.code, planYears.regionCode))
    .leftJoin(suggestionGroups, eq(suggestionGroups.id, suggestions.groupId))
    .leftJoin(units, eq(units.id, suggestionGroups.unitId))
    .where(eq(suggestions.trackingCode, code));
  return row;
}

export interface AnswerView {
  id: string;
  groupId: string;
  version: number;
  verdict: string;
  reason: string;
  unitId: string | null;
  unitName: string | null;
  answeredAt: Date;
}

/** Every answer of the groups, newest first within each group. */
export async function answersOf(db: Executor, groupIds: string[]): Promise<Map<string, AnswerView[]>> {
  const byGroup = new Map<string, AnswerView[]>();
  if (groupIds.length === 0) return byGroup;
  const rows = await db
    .select({
      id: suggestionAnswers.id,
      groupId: suggestionAnswers.groupId,
      version: suggestionAnswers.version,
      verdict: suggestionAnswers.verdict,
      reason: suggestionAnswers.reason,
      unitId: suggestionAnswers.unitId,
      unitName: units.name,
      answeredAt: suggestionAnswers.answeredAt,
    })
    .from(suggestionAnswers)
    .leftJoin(units, eq(units.id, suggestionAnswers.unitId))
    .where(inArray(suggestionAnswers.groupId, groupIds))
    .orderBy(asc(suggestionAnswers.groupId), desc(suggestionAnswers.version));
  for (const r of rows) byGroup.set(r.groupId, [...(byGroup.get(r.groupId) ?? []), r]);
  return byGroup;
}

export async function groupById(db: Executor, id: string, forUpdate = false): Promise<GroupRow | undefined> {
  const query = db.select().from(suggestionGroups).where(eq(suggestionGroups.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function requireGroup(db: Executor, id: string, forUpdate = false): Promise<GroupRow> {
  const group = await groupById(db, id, forUpdate);
  if (!group) throw new DomainError('SUGGESTION_GROUP_NOT_FOUND');
  return group;
}

/** The departments and township governments of the region and below, for routing. */
export async function unitsWithin(db: Executor, regionCode: string) {
  return db
    .select({ id: units.id, name: units.name, shortName: units.shortName, regionCode: units.regionCode })
    .from(units)
    .where(like(units.regionCode, `${regionPrefix(regionCode)}%`))
    .orderBy(asc(units.regionCode), asc(units.name));
}

export async function photoIdsOf(db: Executor, suggestionIds: string[]): Promise<Map<string, string[]>> {
  const bySuggestion = new Map<string, string[]>();
  if (suggestionIds.length === 0) return bySuggestion;
  const rows = await db
    .select({ id: suggestionPhotos.id, suggestionId: suggestionPhotos.suggestionId })
    .from(suggestionPhotos)
    .where(inArray(suggestionPhotos.suggestionId, suggestionIds));
  for (const r of rows) bySuggestion.set(r.suggestionId, [...(bySuggestion.get(r.suggestionId) ?? []), r.id]);
  return bySuggestion;
}

/** Counts of one plan year's way from suggestions to projects (the funnel). */
export async function funnelCounts(db: Executor, planYearId: string) {
  const result = await db.execute(sql`
    select
      (select count(*)::int from suggestions s where s.plan_year_id = ${planYearId}) as suggestions,
      (select count(*)::int from suggestions s where s.plan_year_id = ${planYearId} and s.group_id is not null) as grouped,
      (select count(*)::int from suggestion_groups g where g.plan_year_id = ${planYearId}
         and exists (select 1 from suggestions s where s.group_id = g.id)) as groups,
      (select count(*)::int from suggestion_groups g where g.plan_year_id = ${planYearId} and g.status = 'answered') as answered,
      (select count(*)::int from candidates c where c.plan_year_id = ${planYearId}) as candidates,
      (select count(*)::int from candidates c where c.plan_year_id = ${planYearId} and c.shortlisted) as shortlisted,
      (select count(*)::int from candidates c where c.plan_year_id = ${planYearId}
         and exists (select 1 from candidate_suggestion_groups l where l.candidate_id = c.id)) as linked_candidates,
      (select count(*)::int from candidates c where c.plan_year_id = ${planYearId} and c.status = 'elected') as elected,
      (select count(*)::int from projects p where p.plan_year_id = ${planYearId}) as projects,
      (select count(distinct s.id)::int from suggestions s
         join candidate_suggestion_groups l on l.group_id = s.group_id
         where s.plan_year_id = ${planYearId}) as suggestions_in_candidates,
      (select count(distinct s.id)::int from suggestions s
         join candidate_suggestion_groups l on l.group_id = s.group_id
         join candidates c on c.id = l.candidate_id and c.status = 'elected'
         where s.plan_year_id = ${planYearId}) as suggestions_in_elected
  `);
  const row = rowsOf<Record<string, number>>(result)[0]!;
  return {
    suggestions: Number(row.suggestions),
    grouped: Number(row.grouped),
    groups: Number(row.groups),
    answered: Number(row.answered),
    candidates: Number(row.candidates),
    shortlisted: Number(row.shortlisted),
    linkedCandidates: Number(row.linked_candidates),
    elected: Number(row.elected),
    projects: Number(row.projects),
    suggestionsInCandidates: Number(row.suggestions_in_candidates),
    suggestionsInElected: Number(row.suggestions_in_elected),
  };
}

/**
 * Plan years with at least one published answer (an answered group with members), newest first;
 * `named`: only those whose region's name, or its parent's, contains it.
 */
export async function answeredPlanYears(db: Executor, named?: string) {
  const pattern = named ? likePattern(named) : null;
  const result = await db.execute(sql`
    select p.region_code as "regionCode", r.name as "regionName", pr.name as "parentName", p.year, p.title,
      count(*)::int as groups
    from suggestion_groups g
    join plan_years p on p.id = g.plan_year_id
    join regions r on r.code = p.region_code
    left join regions pr on pr.code = r.parent_code
    where g.status = 'answered' and exists (select 1 from suggestions s where s.group_id = g.id)
      and (${pattern}::text is null or r.name like ${pattern} or pr.name like ${pattern})
    group by p.region_code, r.name, pr.name, p.year, p.title
    order by p.year desc, p.region_code
    limit 200
  `);
  return rowsOf<{
    regionCode: string;
    regionName: string;
    /** The region it belongs to: tells apart two of the same name (阳泉市 城区, 晋城市 城区). */
    parentName: string | null;
    year: number;
    title: string | null;
    groups: number;
  }>(result).map((r) => ({ ...r, year: Number(r.year), groups: Number(r.groups) }));
}
