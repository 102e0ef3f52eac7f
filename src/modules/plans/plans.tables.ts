import {
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { regions } from '../regions/regions.tables';

/** 年度民生实事计划: one region's list for one year, and the stage of the yearly cycle it is in. */
export const planYears = pgTable(
  'plan_years',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    year: integer('year').notNull(),
    /** The region's name as an imported plan document gave it, written back on export. */
    regionLabel: text('region_label'),
    title: text('title'),
    stage: text('stage').notNull().default('solicit'),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    /** Day of the next month by which monthly progress reports are due (DOMAIN.md: the 5th). */
    reportingDay: integer('reporting_day').notNull().default(5),
    /** Traffic-light rule: a preset name (yinchuan, wuhan, sanya, dazu) or the region's own bands. */
    lightRule: jsonb('light_rule'),
    /** Loaded as demonstration data with simulated figures: every page showing it says 演示数据. */
    demo: boolean('demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('plan_years_region_year_uq').on(t.regionCode, t.year)],
);
