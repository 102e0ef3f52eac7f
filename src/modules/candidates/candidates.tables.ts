import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables';
import { planYears } from '../plans/plans.tables';
import { units } from '../units/units.tables';
import type { ReviewDecision, ReviewMeeting } from './review.rules';
import type { Criterion } from './screening.rules';

/**
 * 候选项目: a drafted project of a plan year with every field of the official appendix table. People
 * and units are kept as the table wrote them (names, phones) until the list is adopted as projects.
 */
export const candidates = pgTable(
  'candidates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planYearId: uuid('plan_year_id')
      .notNull()
      .references(() => planYears.id, { onDelete: 'cascade' }),
    /** 序号 in the official list; the order of the list. */
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    field: text('field'),
    annualTask: text('annual_task').notNull().default(''),
    planText: text('plan_text').notNull().default(''),
    units: jsonb('units').$type<{ lead: string[]; partners: string[]; implementers: string[] }>().notNull(),
    countyLeaders: jsonb('county_leaders').$type<string[]>().notNull().default([]),
    responsibleLeaders: jsonb('responsible_leaders').$type<string[]>().notNull().default([]),
    supervisingLeaders: jsonb('supervising_leaders').$type<string[]>().notNull().default([]),
    contacts: jsonb('contacts').$type<Array<{ name: string; phone: string | null }>>().notNull().default([]),
    budget: numeric('budget', { precision: 18, scale: 2 }),
    remarks: text('remarks').notNull().default(''),
    milestones: jsonb('milestones')
      .$type<Array<{ due: string; text: string; investment: string | null }>>()
      .notNull()
      .default([]),
    indicators: jsonb('indicators')
      .$type<Array<{ ref: string; name: string; unit?: string; kind: string; target?: number | string }>>()
      .notNull()
      .default([]),
    /** What a person must check: cells the reader could not fully understand, with row and column. */
    needsReview: jsonb('needs_review')
      .$type<Array<{ column: string | null; message: string }>>()
      .notNull()
      .default([]),
    /** draft (a department's proposal) | listed (on the official table) | elected (by the vote). */
    status: text('status').notNull().default('listed'),
    /** The unit that leads the work and whose clerks may edit the draft (牵头单位). */
    leadUnitId: uuid('lead_unit_id').references(() => units.id),
    /** On the list after screening (入围): what goes to the meetings and then to the vote. */
    shortlisted: boolean('shortlisted').notNull().default(false),
    sourceRow: integer('source_row'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('candidates_plan_seq_uq').on(t.planYearId, t.seq),
    index('candidates_plan_idx').on(t.planYearId),
    index('candidates_lead_unit_idx').on(t.leadUnitId),
  ],
);

/** 比选标准: the criteria and weights a plan year's candidates are scored on (default: screening.rules). */
export const candidateScreening = pgTable('candidate_screening', {
  planYearId: uuid('plan_year_id')
    .primaryKey()
    .references(() => planYears.id, { onDelete: 'cascade' }),
  criteria: jsonb('criteria').$type<Criterion[]>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 评分: the coordinator's score of one candidate on one criterion (0–100, one decimal). */
export const candidateScores = pgTable(
  'candidate_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    criterion: text('criterion').notNull(),
    score: numeric('score', { precision: 4, scale: 1 }).notNull(),
    scoredBy: uuid('scored_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('candidate_scores_uq').on(t.candidateId, t.criterion)],
);

/**
 * 会议研究: one meeting's decision on the plan year's candidate list. Append-only: a list sent back
 * is studied again in a new record, and the earlier ones stay as they were.
 */
export const candidateReviews = pgTable(
  'candidate_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planYearId: uuid('plan_year_id')
      .notNull()
      .references(() => planYears.id, { onDelete: 'cascade' }),
    /** Order of entry: the rules read the records in this order. */
    position: integer('position').notNull(),
    meeting: text('meeting').$type<ReviewMeeting>().notNull(),
    heldOn: date('held_on').notNull(),
    decision: text('decision').$type<ReviewDecision>().notNull(),
    note: text('note').notNull().default(''),
    /** How many candidates were on the list the meeting studied. */
    listSize: integer('list_size').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('candidate_reviews_plan_position_uq').on(t.planYearId, t.position)],
);
