import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { regions } from '../regions/regions.tables';

/** 单位: a department or township government of a region that owns work. */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    name: text('name').notNull(),
    /** department | township | enterprise | other (see units.rules.ts). */
    kind: text('kind').notNull(),
    shortName: text('short_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('units_region_name_uq').on(t.regionCode, t.name)],
);
