import { and, asc, count, eq, ilike, inArray, like, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { likePattern, likePrefix } from '../../db/like-pattern';
import { regions } from './regions.tables';

export type RegionRow = typeof regions.$inferSelect;

export async function findRegion(db: Executor, code: string): Promise<RegionRow | undefined> {
  const [row] = await db.select().from(regions).where(eq(regions.code, code)).limit(1);
  return row;
}

export async function findRegions(db: Executor, codes: string[]): Promise<RegionRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(regions).where(inArray(regions.code, codes));
}

/** The names of these regions by code (each code once, whatever the repeats). */
export async function regionNamesOf(db: Executor, codes: Iterable<string>): Promise<Record<string, string>> {
  const rows = await findRegions(db, [...new Set(codes)]);
  return Object.fromEntries(rows.map((r) => [r.code, r.name]));
}

export async function childrenOf(
  db: Executor,
  parentCode: string,
): Promise<Array<RegionRow & { childCount: number }>> {
  const child = sql<number>`(select count(*)::int from regions c where c.parent_code = "regions"."code")`;
  return db
    .select({
      code: regions.code,
      name: regions.name,
      level: regions.level,
      parentCode: regions.parentCode,
      source: regions.source,
      createdAt: regions.createdAt,
      childCount: child,
    })
    .from(regions)
    .where(eq(regions.parentCode, parentCode))
    .orderBy(asc(regions.code));
}

export async function searchRegions(db: Executor, text: string, limit: number): Promise<RegionRow[]> {
  return db
    .select()
    .from(regions)
    .where(or(ilike(regions.name, likePattern(text)), like(regions.code, likePrefix(text))))
    .orderBy(asc(regions.code))
    .limit(limit);
}

export async function countRegions(db: Executor, source?: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(regions)
    .where(source ? eq(regions.source, source) : undefined);
  return row?.n ?? 0;
}

export async function insertRegions(db: Executor, rows: Array<typeof regions.$inferInsert>): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const result = await db
      .insert(regions)
      .values(chunk)
      .onConflictDoNothing()
      .returning({ code: regions.code });
    inserted += result.length;
  }
  return inserted;
}

export async function renameRegion(db: Executor, code: string, name: string): Promise<void> {
  await db
    .update(regions)
    .set({ name })
    .where(and(eq(regions.code, code)));
}
