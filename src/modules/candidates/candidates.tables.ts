import {
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
import { planYears } from '../plans/plans.tables';

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
    status: text('status').notNull().default('listed'),
    sourceRow: integer('source_row'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('candidates_plan_seq_uq').on(t.planYearId, t.seq),
    index('candidates_plan_idx').on(t.planYearId),
  ],
);
