import {
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables';
import { planYears } from '../plans/plans.tables';
import { regions } from '../regions/regions.tables';
import { units } from '../units/units.tables';

/** 民生实事项目: one project of a plan year, from an adopted candidate, an import, or typed in. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planYearId: uuid('plan_year_id')
      .notNull()
      .references(() => planYears.id, { onDelete: 'cascade' }),
    ref: text('ref').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    field: text('field'),
    task: text('task'),
    planText: text('plan_text'),
    /** [{role, name, phone?}] in the order the document lists them. */
    leaders: jsonb('leaders')
      .$type<Array<{ role: string; name: string; phone?: string }>>()
      .notNull()
      .default([]),
    budget: numeric('budget', { precision: 18, scale: 2 }),
    source: text('source').notNull().default('manual'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('projects_plan_ref_uq').on(t.planYearId, t.ref)],
);

/** 牵头单位 and 配合单位 of a project, in order. */
export const projectUnits = pgTable(
  'project_units',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    position: integer('position').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.role, t.position] }),
    index('project_units_unit_idx').on(t.unitId),
  ],
);

export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    ref: text('ref').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    unit: text('unit'),
    kind: text('kind').notNull(),
    /** null for entitlement (no fixed target) and for percent/milestone when defaulted. */
    target: numeric('target'),
  },
  (t) => [uniqueIndex('indicators_project_ref_uq').on(t.projectId, t.ref)],
);

export const milestones = pgTable(
  'milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    due: date('due').notNull(),
    text: text('text'),
    /** Planned cumulative values by indicator ref. */
    planned: jsonb('planned').$type<Record<string, number | string>>().notNull().default({}),
    investment: numeric('investment', { precision: 18, scale: 2 }),
  },
  (t) => [index('milestones_project_idx').on(t.projectId)],
);

/** 任务分解: part of an indicator's target given to a sub-region. */
export const allocations = pgTable(
  'allocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    target: numeric('target'),
  },
  (t) => [uniqueIndex('allocations_indicator_region_uq').on(t.indicatorId, t.regionCode)],
);

/**
 * 进度报告: one unit's cumulative figures for a project (or its share in a sub-region) at a date.
 * Approved reports are never changed (a trigger refuses it); a correction is a new version that
 * names the one it supersedes and why.
 */
export const progressReports = pgTable(
  'progress_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    asOf: date('as_of').notNull(),
    version: integer('version').notNull().default(1),
    status: text('status').notNull(),
    investment: numeric('investment', { precision: 18, scale: 2 }),
    fundsArrived: numeric('funds_arrived', { precision: 18, scale: 2 }),
    progressText: text('progress_text'),
    problemsText: text('problems_text'),
    nextText: text('next_text'),
    unitId: uuid('unit_id').references(() => units.id),
    authorId: uuid('author_id').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    returnReason: text('return_reason'),
    correctionReason: text('correction_reason'),
    /** Why a value fell below the last approved one or lies far above target, by indicator ref. */
    explanations: jsonb('explanations').$type<Record<string, string>>().notNull().default({}),
    supersedes: uuid('supersedes'),
    source: text('source').notNull().default('form'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('progress_reports_project_idx').on(t.projectId, t.regionCode, t.asOf),
    index('progress_reports_status_idx').on(t.status),
  ],
);

export const reportValues = pgTable(
  'report_values',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => progressReports.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    /** Null when the report gave only the eligible count: the served count stays the last one given. */
    value: numeric('value'),
    eligible: numeric('eligible'),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.indicatorId] }),
    index('report_values_indicator_idx').on(t.indicatorId),
  ],
);

/**
 * Read model: the latest approved figure of each indicator in each region (the plan's own region and
 * every sub-region it was split to). Kept by the approve and import use cases as an explicit step, so
 * overviews and roll-ups read one row per indicator and region instead of searching the history.
 * Derived and rebuildable from progress_reports, hence not audited.
 */
export const latestFigures = pgTable(
  'latest_figures',
  {
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    regionCode: text('region_code').notNull(),
    asOf: date('as_of').notNull(),
    version: integer('version').notNull(),
    reportId: uuid('report_id').notNull(),
    value: numeric('value').notNull(),
    eligible: numeric('eligible'),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.regionCode] })],
);

/**
 * Read model one level up: the current roll-up of each allocated indicator over all its children
 * (sums, or the target-weighted mean for percent), recomputed for a report's indicators when it is
 * approved and for a whole plan year when one is imported. Overviews over many provinces read one
 * row per indicator here instead of one per indicator and county in latest_figures. Derived and
 * rebuildable from latest_figures and allocations, hence not audited.
 */
export const indicatorRollups = pgTable('indicator_rollups', {
  indicatorId: uuid('indicator_id')
    .primaryKey()
    .references(() => indicators.id, { onDelete: 'cascade' }),
  children: integer('children').notNull(),
  reported: integer('reported').notNull(),
  target: numeric('target'),
  value: numeric('value').notNull(),
  eligible: numeric('eligible'),
});

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/** 现场照片 of a report, stored in the database so they are backed up and committed with it. */
export const reportPhotos = pgTable(
  'report_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => progressReports.id, { onDelete: 'cascade' }),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    bytes: bytea('bytes').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_photos_report_idx').on(t.reportId)],
);
