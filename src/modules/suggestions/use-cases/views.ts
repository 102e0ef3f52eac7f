import { and, asc, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { likePattern } from '../../../db/like-pattern';
import type { Actor } from '../../../kernel/actor';
import { UNIT_ROLES } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import type { AppDeps } from '../../../server/deps';
import { candidates } from '../../candidates';
import { maskPhone } from '../../identity';
import { units } from '../../units';
import { settleIntake } from '../suggestion-intake';
import { CHANNEL_LABELS, type Channel } from '../suggestion-sheet.rules';
import { mayAnswerFor, mayManageSuggestions, mayReadSuggestions, seesPhones } from '../suggestions.policy';
import {
  type AnswerView,
  answeredPlanYears,
  answersOf,
  photoIdsOf,
  planYearByRegion,
  requirePlanYear,
  unitsWithin,
} from '../suggestions.repository';
import { suggestionPhotos, suggestions } from '../suggestions.tables';
import {
  GROUP_STATUS_LABELS,
  type GroupStatus,
  PUBLIC_STATUS_LABELS,
  type PublicStatus,
  publicStatus,
  VERDICT_LABELS,
  type Verdict,
} from '../triage.rules';
import { candidateSuggestionGroups, suggestionGroups } from '../triage.tables';

function answerView(a: AnswerView) {
  return {
    id: a.id,
    version: a.version,
    verdict: a.verdict,
    verdictLabel: VERDICT_LABELS[a.verdict as Verdict] ?? a.verdict,
    reason: a.reason,
    unitName: a.unitName,
    answeredAt: a.answeredAt.toISOString(),
  };
}

const memberColumns = {
  id: suggestions.id,
  groupId: suggestions.groupId,
  trackingCode: suggestions.trackingCode,
  externalRef: suggestions.externalRef,
  channel: suggestions.channel,
  text: suggestions.text,
  submittedAt: suggestions.submittedAt,
  createdAt: suggestions.createdAt,
  residentName: suggestions.residentName,
  phone: suggestions.phone,
  field: suggestions.field,
};

type MemberRow = {
  [K in keyof typeof memberColumns]: (typeof memberColumns)[K]['_']['notNull'] extends true
    ? (typeof memberColumns)[K]['_']['data']
    : (typeof memberColumns)[K]['_']['data'] | null;
};

function memberView(row: MemberRow, fullPhones: boolean, photos: Map<string, string[]>) {
  return {
    id: row.id,
    trackingCode: row.trackingCode,
    externalRef: row.externalRef,
    channel: row.channel,
    channelLabel: CHANNEL_LABELS[row.channel as Channel] ?? row.channel,
    text: row.text,
    submittedAt: (row.submittedAt ?? row.createdAt).toISOString(),
    residentName: row.residentName,
    phone: fullPhones ? row.phone : maskPhone(row.phone),
    field: row.field,
    photos: (photos.get(row.id) ?? []).map((id) => `/api/suggestion-photos/${id}`),
  };
}

/** The units the actor acts for as a department (clerk or approver). */
function unitsOfActor(actor: Actor): string[] {
  return actor.grants.filter((g) => UNIT_ROLES.includes(g.role) && g.unitId).map((g) => g.unitId!);
}

export interface GroupFilter {
  /** 'mine': groups routed to the actor's own units; else a unit id. */
  unit?: string;
  status?: GroupStatus;
}

/** The triage board: every group with its members, answers and linked candidates. */
export async function listGroups(
  deps: AppDeps,
  actor: Actor,
  regionCode: string,
  year: number,
  filter: GroupFilter = {},
) {
  if (!mayReadSuggestions(actor, regionCode)) throw new DomainError('OUT_OF_SCOPE');
  await settleIntake(deps.db);
  const planYear = await requirePlanYear(deps.db, regionCode, year);
  const mine = unitsOfActor(actor);
  const conditions: SQL[] = [eq(suggestionGroups.planYearId, planYear.id)];
  if (filter.status) conditions.push(eq(suggestionGroups.status, filter.status));
  if (filter.unit === 'mine')
    conditions.push(mine.length ? inArray(suggestionGroups.unitId, mine) : sql`false`);
  else if (filter.unit) conditions.push(eq(suggestionGroups.unitId, filter.unit));
  const groups = await deps.db
    .select({
      group: suggestionGroups,
      unitName: units.name,
      unitRegion: units.regionCode,
    })
    .from(suggestionGroups)
    .leftJoin(units, eq(units.id, suggestionGroups.unitId))
    .where(and(...conditions))
    .orderBy(asc(suggestionGroups.createdAt), asc(suggestionGroups.id));
  const groupIds = groups.map((g) => g.group.id);
  const members = groupIds.length
    ? await deps.db
        .select(memberColumns)
        .from(suggestions)
        .where(inArray(suggestions.groupId, groupIds))
        .orderBy(asc(suggestions.createdAt), asc(suggestions.id))
    : [];
  const photos = await photoIdsOf(
    deps.db,
    members.map((m) => m.id),
  );
  const answers = await answersOf(deps.db, groupIds);
  const links = groupIds.length
    ? await deps.db
        .select({
          groupId: candidateSuggestionGroups.groupId,
          id: candidates.id,
          seq: candidates.seq,
          name: candidates.name,
          status: candidates.status,
        })
        .from(candidateSuggestionGroups)
        .innerJoin(candidates, eq(candidates.id, candidateSuggestionGroups.candidateId))
        .where(inArray(candidateSuggestionGroups.groupId, groupIds))
        .orderBy(asc(candidates.seq))
    : [];
  const fullPhones = seesPhones(actor, regionCode);
  const manage = mayManageSuggestions(actor, regionCode);
  const membersOf = new Map<string, ReturnType<typeof memberView>[]>();
  for (const m of members)
    membersOf.set(m.groupId!, [...(membersOf.get(m.groupId!) ?? []), memberView(m, fullPhones, photos)]);
  const [ungrouped] = await deps.db
    .select({ n: sql<number>`count(*)::int` })
    .from(suggestions)
    .where(and(eq(suggestions.planYearId, planYear.id), isNull(suggestions.groupId)));
  return {
    region: regionCode,
    regionName: planYear.regionName,
    year,
    mayManage: manage,
    ungrouped: Number(ungrouped?.n ?? 0),
    units: manage ? await unitsWithin(deps.db, regionCode) : [],
    candidates: manage
      ? await deps.db
          .select({
            id: candidates.id,
            seq: candidates.seq,
            name: candidates.name,
            status: candidates.status,
          })
          .from(candidates)
          .where(eq(candidates.planYearId, planYear.id))
          .orderBy(asc(candidates.seq))
      : [],
    groups: groups
      .map(({ group, unitName, unitRegion }) => {
        const history = (answers.get(group.id) ?? []).map(answerView);
        return {
          id: group.id,
          label: group.label,
          field: group.field,
          unitId: group.unitId,
          unitName,
          status: group.status,
          statusLabel: GROUP_STATUS_LABELS[group.status as GroupStatus] ?? group.status,
          edited: group.edited,
          updatedAt: group.updatedAt.toISOString(),
          members: membersOf.get(group.id) ?? [],
          answer: history[0] ?? null,
          answers: history,
          candidates: links.filter((l) => l.groupId === group.id).map(({ groupId: _g, ...c }) => c),
          mayAnswer:
            group.status !== 'proposed' &&
            Boolean(group.unitId && unitRegion) &&
            mayAnswerFor(actor, { id: group.unitId!, regionCode: unitRegion! }),
        };
      })
      .filter((g) => g.members.length > 0 || g.answers.length > 0),
  };
}

export interface SuggestionFilter {
  q?: string;
  channel?: Channel;
  status?: PublicStatus;
  group?: string;
  limit?: number;
  offset?: number;
}

/** Staff list of a plan year's suggestions, newest first; phones masked unless the actor manages intake. */
export async function listSuggestions(
  deps: AppDeps,
  actor: Actor,
  regionCode: string,
  year: number,
  filter: SuggestionFilter = {},
) {
  if (!mayReadSuggestions(actor, regionCode)) throw new DomainError('OUT_OF_SCOPE');
  await settleIntake(deps.db);
  const planYear = await requirePlanYear(deps.db, regionCode, year);
  const conditions: SQL[] = [eq(suggestions.planYearId, planYear.id)];
  const q = filter.q?.trim();
  if (q) {
    const pattern = likePattern(q);
    conditions.push(
      or(
        ilike(suggestions.text, pattern),
        ilike(suggestions.trackingCode, pattern),
        ilike(suggestions.externalRef, pattern),
      )!,
    );
  }
  if (filter.channel) conditions.push(eq(suggestions.channel, filter.channel));
  if (filter.group) conditions.push(eq(suggestions.groupId, filter.group));
  if (filter.status === 'received') conditions.push(isNull(suggestions.groupId));
  if (filter.status === 'triage') conditions.push(eq(suggestionGroups.status, 'proposed'));
  if (filter.status === 'routed') conditions.push(eq(suggestionGroups.status, 'routed'));
  if (filter.status === 'answered') conditions.push(eq(suggestionGroups.status, 'answered'));
  const where = and(...conditions);
  const [total] = await deps.db
    .select({ n: sql<number>`count(*)::int` })
    .from(suggestions)
    .leftJoin(suggestionGroups, eq(suggestionGroups.id, suggestions.groupId))
    .where(where);
  const rows = await deps.db
    .select({
      ...memberColumns,
      groupLabel: suggestionGroups.label,
      groupStatus: suggestionGroups.status,
      unitName: units.name,
    })
    .from(suggestions)
    .leftJoin(suggestionGroups, eq(suggestionGroups.id, suggestions.groupId))
    .leftJoin(units, eq(units.id, suggestionGroups.unitId))
    .where(where)
    .orderBy(desc(sql`coalesce(${suggestions.submittedAt}, ${suggestions.createdAt})`), desc(suggestions.id))
    .limit(filter.limit ?? 50)
    .offset(filter.offset ?? 0);
  const photos = await photoIdsOf(
    deps.db,
    rows.map((r) => r.id),
  );
  const fullPhones = seesPhones(actor, regionCode);
  return {
    region: regionCode,
    regionName: planYear.regionName,
    year,
    total: Number(total?.n ?? 0),
    mayManage: mayManageSuggestions(actor, regionCode),
    items: rows.map((r) => {
      const status = publicStatus(r.groupStatus);
      return {
        ...memberView(r, fullPhones, photos),
        groupId: r.groupId,
        groupLabel: r.groupLabel,
        unitName: r.unitName,
        status,
        statusLabel: PUBLIC_STATUS_LABELS[status],
      };
    }),
  };
}

/** A resident's photo, for staff who may read the plan year's suggestions. */
export async function readSuggestionPhoto(deps: AppDeps, actor: Actor, photoId: string) {
  const [row] = await deps.db
    .select({
      contentType: suggestionPhotos.contentType,
      bytes: suggestionPhotos.bytes,
      regionCode: suggestions.regionCode,
    })
    .from(suggestionPhotos)
    .innerJoin(suggestions, eq(suggestions.id, suggestionPhotos.suggestionId))
    .where(eq(suggestionPhotos.id, photoId));
  if (!row) throw new DomainError('PHOTO_NOT_FOUND');
  if (!row.regionCode || !mayReadSuggestions(actor, row.regionCode)) throw new DomainError('OUT_OF_SCOPE');
  return row;
}

/** 答复公开: every answered group of a plan year, for the residents' page. No names, no phones. */
export async function publicAnswers(deps: AppDeps, regionCode: string, year: number) {
  const planYear = await planYearByRegion(deps.db, regionCode, year);
  if (!planYear) throw new DomainError('PLAN_YEAR_NOT_FOUND');
  const groups = await deps.db
    .select({
      id: suggestionGroups.id,
      label: suggestionGroups.label,
      field: suggestionGroups.field,
      // Spelled out: drizzle renders a lone column unqualified, which the subquery would read as s.id.
      size: sql<number>`(select count(*)::int from suggestions s where s.group_id = suggestion_groups.id)`,
    })
    .from(suggestionGroups)
    .where(and(eq(suggestionGroups.planYearId, planYear.id), eq(suggestionGroups.status, 'answered')))
    .orderBy(asc(suggestionGroups.createdAt), asc(suggestionGroups.id));
  const answers = await answersOf(
    deps.db,
    groups.map((g) => g.id),
  );
  return {
    region: regionCode,
    regionName: planYear.regionName,
    year,
    items: groups
      .map((g) => {
        const current = answers.get(g.id)?.[0];
        return {
          label: g.label,
          field: g.field,
          suggestions: Number(g.size),
          answer: current
            ? {
                verdict: current.verdict,
                verdictLabel: VERDICT_LABELS[current.verdict as Verdict] ?? current.verdict,
                reason: current.reason,
                unitName: current.unitName,
                answeredAt: current.answeredAt.toISOString(),
              }
            : null,
        };
      })
      .filter((g) => g.answer && g.suggestions > 0),
  };
}

/** The plan years whose answers the public page can show, so a resident can pick one. */
export async function publicAnswerYears(deps: AppDeps, named?: string) {
  return { items: await answeredPlanYears(deps.db, named) };
}
