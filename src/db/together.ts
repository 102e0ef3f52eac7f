import pg from 'pg';
import type { Executor } from './client';
import { PgliteThread, PgliteTransaction } from './pglite-thread';

/**
 * Runs several reads on one executor, together where its driver takes them together: the embedded
 * database's thread queues a transaction's statements in order, so sent at once they cost one wait
 * between the threads instead of one each, and a node-postgres pool spreads them over its
 * connections. On one node-postgres connection (a transaction) they run one after another: it runs one
 * query at a time anyway, and handing it more at once is deprecated (pg 9 refuses it).
 */
export async function readTogether<T extends readonly unknown[]>(
  ex: Executor,
  reads: readonly [...{ [K in keyof T]: () => Promise<T[K]> }],
): Promise<T> {
  if (!onOneConnection(ex)) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}

/**
 * Whether the executor's transactions run one at a time, nothing else between their statements: true
 * of the embedded database (PGlite has one session and queues every other statement and transaction
 * behind an open one). Row locks that keep concurrent writers apart are then not needed.
 */
export function transactionsRunAlone(ex: Executor): boolean {
  const client =
    (ex as unknown as { session?: { client?: unknown } }).session?.client ??
    (ex as unknown as { $client?: unknown }).$client;
  return client instanceof PgliteThread || client instanceof PgliteTransaction;
}

function onOneConnection(ex: Executor): boolean {
  const client = (ex as unknown as { session?: { client?: unknown } }).session?.client;
  return client instanceof pg.Client;
}
