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
  // The embedded database's thread records the actor as it begins (pglite-thread.ts): one round trip
  // fewer. Whatever the driver did, a transaction that has not recorded this actor sets it here.
  const thread = (db as unknown as { $client?: { actorOfNextTransaction?: string } }).$client;
  const handsOver = thread !== undefined && 'actorOfNextTransaction' in thread;
  if (handsOver) thread.actorOfNextTransaction = who;
  const done = db.transaction(async (tx) => {
    if (actorAtBegin(tx) !== who) await tx.execute(sql`select set_config('minsheng.actor', ${who}, true)`);
    return work(tx);
  });
  if (handsOver) thread.actorOfNextTransaction = undefined; // taken by now, or by nobody
  return done;
}

/** The actor the driver's transaction recorded as it began (PgliteTransaction.actor), if it did. */
function actorAtBegin(tx: Tx): string | undefined {
  const driver = (tx as unknown as { session?: { client?: { actor?: unknown } } }).session?.client;
  return typeof driver?.actor === 'string' ? driver.actor : undefined;
}

export function actorLabel(actor: Actor): string {
  return actor.userId ? `user:${actor.username}` : actor.username;
}

/** Rows of a raw query, whichever driver ran it. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
