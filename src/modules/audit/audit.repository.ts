import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rowsOf } from '../../db/transaction';
import { auditLog } from './audit.tables';

export interface ChainBreak {
  seq: number;
  reason: 'hash' | 'link' | 'gap';
}

/**
 * Recomputes every row's hash with the same SQL function the trigger used and checks each row
 * links to the one before. Walks in pages so a long log does not sit in memory.
 */
export async function findFirstChainBreak(
  db: Executor,
  pageSize = 5000,
): Promise<{ checked: number; broken: ChainBreak | null }> {
  let after = 0;
  let prevHash = '0'.repeat(64);
  let checked = 0;
  for (;;) {
    const rows = rowsOf<{ seq: string | number; prev_hash: string; hash: string; recomputed: string }>(
      await db.execute(sql`
        select seq, prev_hash, hash,
               audit_row_hash(prev_hash, seq, at, actor, action, table_name, record_id, before, after) as recomputed
        from audit_log where seq > ${after} order by seq limit ${pageSize}`),
    );
    if (rows.length === 0) return { checked, broken: null };
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== after + 1) return { checked, broken: { seq: after + 1, reason: 'gap' } };
      if (row.prev_hash !== prevHash) return { checked, broken: { seq, reason: 'link' } };
      if (row.recomputed !== row.hash) return { checked, broken: { seq, reason: 'hash' } };
      prevHash = row.hash;
      after = seq;
      checked++;
    }
  }
}

export async function recentAuditEntries(
  db: Executor,
  filter: { table?: string; record?: string; before?: number; limit: number },
) {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        filter.table ? eq(auditLog.tableName, filter.table) : undefined,
        filter.record ? eq(auditLog.recordId, filter.record) : undefined,
        filter.before ? lt(auditLog.seq, filter.before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.seq))
    .limit(filter.limit);
}
