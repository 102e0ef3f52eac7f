import { mkdirSync, realpathSync } from 'node:fs';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { type Database, type Db, MIGRATIONS_FOLDER } from './client';
import { lockFolder } from './folder-lock';
import { PgliteThread } from './pglite-thread';
import * as schema from './schema';

/**
 * The embedded database: PGlite on a thread of its own (pglite-thread.ts), durable on disk
 * (pglite-worker.mjs makes its fsync real). We refuse a folder another live process holds: PGlite's own
 * postmaster.pid carries a fake pid and stops nobody, and two processes on one folder silently lose
 * acknowledged commits. See docs/OPERATIONS.md.
 */
export async function openPglite(dataDir: string, from?: ArrayBuffer): Promise<Database> {
  const wrap = async (client: PgliteThread, release: () => void, folder?: string): Promise<Database> => {
    try {
      await client.waitReady;
    } catch (error) {
      await client.close().catch(() => {});
      release();
      throw error;
    }
    const db = drizzlePglite({ client: client as never, schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      dataDir: folder,
      walSyncs: () => client.walSyncs,
      dump: () => client.dump(),
      migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  };
  if (dataDir === ':memory:') return wrap(new PgliteThread(null, from), () => {});

  mkdirSync(dataDir, { recursive: true });

  // One process per folder: <dataDir>/minsheng.lock holds the pid of the process that has it open.
  // A lock left by a dead process (kill -9, power cut) is taken over.
  const folder = realpathSync(dataDir);
  const release = lockFolder(folder, 'minsheng.lock', `数据目录 ${dataDir} `, '内嵌数据库（PGlite）');
  let client: PgliteThread;
  try {
    client = new PgliteThread(folder);
  } catch (error) {
    release();
    throw error;
  }
  return wrap(client, release, folder);
}
