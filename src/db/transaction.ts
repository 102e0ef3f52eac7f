import { sql } from 'drizzle-orm';
import type { Actor } from '../kernel/actor';
import type { Db, Tx } from './client';

/**
 * Every write goes through here: one transaction, with the acting user recorded in a
 * transaction-local setting that the audit trigger copies into every audit row it appends.
 */
export async function writeTransaction<T>(
  db: Db,
  actor: Actor | string,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const who = typeof actor === 'string' ? actor : actorLabel(actor);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('minsheng.actor', ${who}, true)`);
    return work(tx);
  });
}

export function actorLabel(actor: Actor): string {
  return actor.userId ? `user:${actor.username}` : actor.username;
}

/** Rows of a raw query, whichever driver ran it. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
