import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/client';

/**
 * The databases a database test runs on: always a fresh in-memory PGlite, and a fresh scratch
 * PostgreSQL database when DATABASE_URL is set (created here, dropped in `close`).
 */
export interface TestDatabaseKind {
  name: 'pglite' | 'postgres';
  open(): Promise<TestDatabase>;
}

export interface TestDatabase extends Database {
  /** Connection string of the scratch PostgreSQL database, for child processes. */
  url?: string;
}

export function testDatabaseKinds(): TestDatabaseKind[] {
  const kinds: TestDatabaseKind[] = [{ name: 'pglite', open: openPgliteForTest }];
  if (process.env.DATABASE_URL)
    kinds.push({ name: 'postgres', open: () => openScratchPostgres(process.env.DATABASE_URL!) });
  return kinds;
}

async function openPgliteForTest(): Promise<TestDatabase> {
  const database = await openDatabase({ dataDir: ':memory:' });
  await database.migrate();
  return database;
}

async function openScratchPostgres(baseUrl: string): Promise<TestDatabase> {
  const name = `mtest_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  await database.migrate();
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: baseUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
