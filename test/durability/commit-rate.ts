/**
 * What durability costs: commits per second of one-row transactions through writeTransaction (a
 * region insert plus its audit-chain row), each committed before the next starts, on
 *   - PGlite as the product opens it (fsync on, WAL fsynced at every commit),
 *   - PGlite with its own defaults (fsync off: what the product ran before),
 *   - PostgreSQL at DATABASE_URL when set (a scratch database, dropped after).
 * Also the time to create and open a fresh PGlite folder and migrate it, in both settings.
 *
 *   npx tsx test/durability/commit-rate.ts [commits=500] [rounds=3]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx test/durability/commit-rate.ts
 *
 * Prints one JSON line per database; each figure is the median of the rounds.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type Database, type Db, MIGRATIONS_FOLDER, openDatabase } from '../../src/db/client';
import * as schema from '../../src/db/schema';
import { regions } from '../../src/db/schema';
import { rowsOf, writeTransaction } from '../../src/db/transaction';

const commits = Number(process.argv[2] ?? 500);
const rounds = Number(process.argv[3] ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function commitRate(db: Db): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < commits; i++) {
    await writeTransaction(db, 'system:bench', (tx) =>
      tx.insert(regions).values({
        code: `1405219${String(i).padStart(5, '0')}`,
        name: `测试村${i}`,
        level: 'village',
        parentCode: '140521',
        source: 'manual',
      }),
    );
  }
  return commits / ((performance.now() - t0) / 1000);
}

/** PGlite exactly as PGlite opens a folder by default: what openDatabase did before fsync was turned on. */
async function openPgliteDefaults(dataDir: string): Promise<Database> {
  const client = new PGlite(dataDir);
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.close(),
  };
}

async function measurePglite(label: string, open: (dir: string) => Promise<Database>) {
  const opens: number[] = [];
  const rates: number[] = [];
  let settings: Record<string, string> = {};
  for (let r = 0; r < rounds; r++) {
    const dir = mkdtempSync(join(tmpdir(), 'minsheng-rate-'));
    try {
      const t0 = performance.now();
      const database = await open(dir);
      await database.migrate();
      opens.push(performance.now() - t0);
      settings = await showSettings(database.db);
      rates.push(await commitRate(database.db));
      await database.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return {
    database: label,
    ...settings,
    commits,
    commitsPerSecond: Math.round(median(rates)),
    freshOpenAndMigrateMs: Math.round(median(opens)),
  };
}

async function showSettings(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of ['fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes']) {
    const [row] = rowsOf<Record<string, string>>(await db.execute(sql.raw(`show ${name}`)));
    out[name] = Object.values(row!)[0]!;
  }
  return out;
}

/** DROP without FORCE, retried until the closed pool's connections are gone (FORCE would kill them mid-close). */
async function dropWhenIdle(admin: pg.Client, name: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (error) {
      if (attempt >= 50) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function measurePostgres(base: string) {
  const name = `mtest_rate_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const rates: number[] = [];
  let settings: Record<string, string> = {};
  let version = '';
  try {
    for (let r = 0; r < rounds; r++) {
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(base);
      url.pathname = `/${name}`;
      const database = await openDatabase({ url: url.toString() });
      try {
        await database.migrate();
        settings = await showSettings(database.db);
        version = (await admin.query('show server_version')).rows[0].server_version;
        rates.push(await commitRate(database.db));
      } finally {
        await database.close();
        await dropWhenIdle(admin, name);
      }
    }
  } finally {
    await admin.end();
  }
  return {
    database: `PostgreSQL ${version}`,
    ...settings,
    commits,
    commitsPerSecond: Math.round(median(rates)),
  };
}

console.log(
  JSON.stringify(
    await measurePglite('PGlite, as openDatabase opens it', (dir) => openDatabase({ dataDir: dir })),
  ),
);
console.log(JSON.stringify(await measurePglite('PGlite, its own defaults (before)', openPgliteDefaults)));
if (process.env.DATABASE_URL) console.log(JSON.stringify(await measurePostgres(process.env.DATABASE_URL)));
