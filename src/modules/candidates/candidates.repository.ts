import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { candidates } from './candidates.tables';

export type CandidateRow = typeof candidates.$inferSelect;

export async function candidatesOf(db: Executor, planYearId: string): Promise<CandidateRow[]> {
  return db
    .select()
    .from(candidates)
    .where(eq(candidates.planYearId, planYearId))
    .orderBy(asc(candidates.seq));
}

export async function replaceCandidates(
  db: Executor,
  planYearId: string,
  rows: Array<Omit<typeof candidates.$inferInsert, 'planYearId'>>,
): Promise<void> {
  await db.delete(candidates).where(eq(candidates.planYearId, planYearId));
  if (rows.length) await db.insert(candidates).values(rows.map((r) => ({ ...r, planYearId })));
}
