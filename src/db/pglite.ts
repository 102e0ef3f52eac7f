import { fsyncSync, mkdirSync, realpathSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { type Database, type Db, MIGRATIONS_FOLDER } from './client';
import { lockFolder } from './folder-lock';
import * as schema from './schema';

/**
 * The embedded database. Out of the box PGlite runs PostgreSQL with fsync off, and the Node file
 * system it runs on (Emscripten NODEFS) turns fsync() into a no-op and fdatasync() into a no-op: a
 * commit reaches the OS page cache (a killed process loses nothing) but is never forced to disk (a
 * power cut can lose recent commits or leave the folder corrupt). For a folder on disk we turn fsync
 * on, make NODEFS's fsync a real fsync and sync the WAL with fsync(), so a commit returns only once
 * its WAL is on disk and checkpoints sync the data files, as on PostgreSQL. And we refuse a folder
 * another live process holds: PGlite's own postmaster.pid carries a fake pid and stops nobody, and
 * two processes on one folder silently lose acknowledged commits. See docs/OPERATIONS.md.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  const wrap = async (client: PGlite, release: () => void, folder?: string): Promise<Database> => {
    try {
      await client.waitReady;
    } catch (error) {
      release();
      throw error;
    }
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      dataDir: folder,
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
  if (dataDir === ':memory:') return wrap(new PGlite(), () => {});

  mkdirSync(dataDir, { recursive: true });

  // One process per folder: <dataDir>/minsheng.lock holds the pid of the process that has it open.
  // A lock left by a dead process (kill -9, power cut) is taken over.
  const folder = realpathSync(dataDir);
  const release = lockFolder(folder, 'minsheng.lock', `数据目录 ${dataDir} `, '内嵌数据库（PGlite）');

  interface NodeFsOps {
    tryFSOperation?: (operation: () => void) => void;
    stream_ops: { fsync?: (stream: { nfd: number }) => number };
  }
  class DurableNodeFS extends NodeFS {
    override async init(pg: PGlite, options: Parameters<NodeFS['init']>[1]) {
      const result = await super.init(pg, options);
      const preRun = result.emscriptenOpts.preRun ?? [];
      result.emscriptenOpts.preRun = [
        ...preRun,
        (mod) => {
          const nodefs = mod.NODEFS as unknown as NodeFsOps;
          if (!nodefs?.stream_ops)
            throw new Error('PGlite: NODEFS.stream_ops not found, cannot make fsync real');
          nodefs.stream_ops.fsync = (stream) => {
            const sync = () => fsyncSync(stream.nfd);
            if (nodefs.tryFSOperation) nodefs.tryFSOperation(sync);
            else sync();
            return 0;
          };
        },
      ];
      return result;
    }
  }
  let client: PGlite;
  try {
    client = new PGlite({
      fs: new DurableNodeFS(folder),
      // PGlite's defaults pass -F (fsync off); a later -c wins. Emscripten's fdatasync is a no-op,
      // so the WAL is synced with fsync().
      startParams: [...PGlite.defaultStartParams, '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'],
    });
  } catch (error) {
    release();
    throw error;
  }
  return wrap(client, release, folder);
}
