import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { candidates } from '../candidates/candidates.tables';
import { users } from '../identity/identity.tables';
import { planYears } from '../plans/plans.tables';
import { units } from '../units/units.tables';

/** 公开征集期: the days (China dates, both inclusive) a plan year takes residents' suggestions. */
export const solicitationWindows = pgTable(
  'solicitation_windows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planYearId: uuid('plan_year_id')
      .notNull()
      .references(() => planYears.id, { onDelete: 'cascade' }),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    /** 征集公告: a short text shown to residents above the form. */
    notice: text('notice'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('solicitation_windows_plan_uq').on(t.planYearId)],
);

/**
 * 建议组: near-duplicate suggestions treated as one ask — classified by field, routed to the unit that
 * answers it, and answered once for every resident in it. `edited` marks a group the coordinator has
 * touched (routed, merged, split, relabelled, linked): automatic regrouping leaves it alone.
 */
export const suggestionGroups = pgTable(
  'suggestion_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planYearId: uuid('plan_year_id')
      .notNull()
      .references(() => planYears.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    field: text('field'),
    unitId: uuid('unit_id').references(() => units.id),
    /** proposed | routed | answered (triage.rules.ts). */
    status: text('status').notNull().default('proposed'),
    edited: boolean('edited').notNull().default(false),
    /** The grouping's id of the membership an automatic group was made from. */
    autoKey: text('auto_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('suggestion_groups_plan_idx').on(t.planYearId),
    index('suggestion_groups_unit_idx').on(t.unitId),
  ],
);

/**
 * 答复: a unit's public answer to a group. Append-only: a new answer supersedes the one before
 * (higher version), and the earlier ones stay as the history.
 */
export const suggestionAnswers = pgTable(
  'suggestion_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => suggestionGroups.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** adopted | partly_adopted | declined | in_progress (triage.rules.ts). */
    verdict: text('verdict').notNull(),
    reason: text('reason').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('suggestion_answers_group_version_uq').on(t.groupId, t.version)],
);

/** 来源: which suggestion groups a candidate project answers (traceability from ask to project). */
export const candidateSuggestionGroups = pgTable(
  'candidate_suggestion_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => suggestionGroups.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('candidate_suggestion_groups_uq').on(t.candidateId, t.groupId),
    index('candidate_suggestion_groups_group_idx').on(t.groupId),
  ],
);
