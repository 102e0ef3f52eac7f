import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** 行政区划: GB/T 2260 codes, from the nation down to villages. */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    parentCode: text('parent_code'),
    /** Where the row came from: 'gb2260' (the loaded standard data) or 'manual' / 'import'. */
    source: text('source').notNull().default('gb2260'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);
