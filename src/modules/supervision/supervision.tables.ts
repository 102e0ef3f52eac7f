import {
  type AnyPgColumn,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables';
import { planYears } from '../plans/plans.tables';
import { projects } from '../progress/progress.tables';
import { units } from '../units/units.tables';

/**
 * 督办事项: an order to one unit about one project. Never updated: where it stands is folded from its
 * steps (supervision.rules.ts). A project with an order cannot be dropped by a re-imported plan.
 */
export const supervisionOrders = pgTable(
  'supervision_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planYearId: uuid('plan_year_id')
      .notNull()
      .references(() => planYears.id),
    /** 督〔year〕serial号, numbered in the plan year. */
    serial: integer('serial').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** ordinary | major (supervision.rules.ts GRAVITIES). */
    gravity: text('gravity').notNull(),
    reason: text('reason').notNull(),
    requirement: text('requirement'),
    issuedBy: uuid('issued_by').references(() => users.id),
    /** The deputy's inspection opinion the order was made from, when it was. */
    inspectionId: uuid('inspection_id').references((): AnyPgColumn => projectInspections.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('supervision_orders_serial_uq').on(t.planYearId, t.serial),
    index('supervision_orders_project_idx').on(t.projectId),
  ],
);

/** 办理过程: each step of an order, appended in order and never changed (a trigger refuses it). */
export const supervisionSteps = pgTable(
  'supervision_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => supervisionOrders.id),
    /** 1 for `issued`, then one more per step: two replies racing for the same place cannot both land. */
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    /** The China date the step counts as taken on (deadlines are days). */
    takenOn: date('taken_on').notNull(),
    text: text('text'),
    grade: text('grade'),
    /** A major matter's dated plan, or the new deadline of a sent-back order. */
    dueOn: date('due_on'),
    actorId: uuid('actor_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('supervision_steps_order_position_uq').on(t.orderId, t.position)],
);

/**
 * 代表视察意见: what a deputy saw and said of a project on an inspection, written by the deputy and
 * never changed. The coordinator may turn one into a 督办 order, which then names it.
 */
export const projectInspections = pgTable(
  'project_inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    deputyId: uuid('deputy_id').references(() => users.id),
    deputyName: text('deputy_name').notNull(),
    /** The China date of the inspection. */
    visitedOn: date('visited_on').notNull(),
    text: text('text').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_inspections_project_idx').on(t.projectId)],
);
