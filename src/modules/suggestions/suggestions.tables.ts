import { sql } from 'drizzle-orm';
import { customType, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { planYears } from '../plans/plans.tables';
import { units } from '../units/units.tables';
import { suggestionGroups } from './triage.tables';

/** 群众建议: one resident's suggestion, from whichever channel, with its public tracking code. */
export const suggestions = pgTable(
  'suggestions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planYearId: uuid('plan_year_id')
      .notNull()
      .references(() => planYears.id, { onDelete: 'cascade' }),
    /** 编号 as the source (a spreadsheet, the 12345 hotline) numbered it; unique within the plan year. */
    externalRef: text('external_ref'),
    channel: text('channel').notNull(),
    text: text('text').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    regionCode: text('region_code'),
    residentName: text('resident_name'),
    /** Never shown in public; masked for staff who do not handle the suggestion. */
    phone: text('phone'),
    field: text('field'),
    unitId: uuid('unit_id').references(() => units.id),
    trackingCode: text('tracking_code').notNull(),
    /** Intake state: received. What a resident sees follows from the group (triage.rules publicStatus). */
    status: text('status').notNull().default('received'),
    /** The group it was triaged into; every grouped suggestion is in exactly one. */
    groupId: uuid('group_id').references(() => suggestionGroups.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('suggestions_plan_ref_uq').on(t.planYearId, t.externalRef),
    uniqueIndex('suggestions_tracking_uq').on(t.trackingCode),
    // By plan year: suggestions_plan_ref_uq leads with it. A new suggestion has no group, and many have
    // no phone: those rows stay out of the two indexes below (every index is paid for by each of the
    // thousands of suggestions a public drain inserts).
    index('suggestions_group_idx').on(t.groupId).where(sql`${t.groupId} is not null`),
    index('suggestions_phone_idx').on(t.phone, t.createdAt).where(sql`${t.phone} is not null`),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/** A resident's photo with a suggestion: checked by its bytes, stripped of location metadata. */
export const suggestionPhotos = pgTable(
  'suggestion_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    suggestionId: uuid('suggestion_id')
      .notNull()
      .references(() => suggestions.id, { onDelete: 'cascade' }),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('suggestion_photos_suggestion_idx').on(t.suggestionId)],
);
