import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything a repository can run a query on: the database or a transaction inside it. */
export type Executor = Db | Tx;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** The embedded database's folder on disk; absent in memory and on PostgreSQL. */
  dataDir?: string;
  /** How many times the embedded database has forced its write-ahead log to disk; absent on PostgreSQL. */
  walSyncs?: () => number;
  /** The embedded database whole, as a tar of its folder (a copy opens with openPglite(':memory:', dump)). */
  dump?: () => Promise<ArrayBuffer>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export interface DatabaseOptions {
  /** postgres://… — when set, PostgreSQL is used instead of the embedded PGlite. */
  url?: string;
  /** Folder of the embedded database; ':memory:' for a throw-away one. */
  dataDir?: string;
}

/** DATABASE_URL and MINSHENG_DATA_DIR, as every entry point reads them. */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  return { url: env.DATABASE_URL || undefined, dataDir: env.MINSHENG_DATA_DIR || './data' };
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url);
  // Loaded only here: PGlite and its driver cost ~38 MB of memory a server on PostgreSQL never uses.
  const { openPglite } = await import('./pglite');
  return openPglite(options.dataDir ?? './data');
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.MINSHENG_DB_POOL ?? 10) });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    migrate: () => migratePg(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => pool.end(),
  };
}
