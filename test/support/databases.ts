import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/client';
import { openPglite } from '../../src/db/pglite';
import { templateFolder, templateRun } from './templates';

/** The admin password of the demo databases (`seed(deps, { demo: true, adminPassword })`). */
export const ADMIN_PASSWORD = 'Qinshui#2023pass';

/**
 * The databases a database test runs on: always a fresh in-memory PGlite, and a fresh scratch
 * PostgreSQL database when DATABASE_URL is set (created here, dropped in `close`). Each is a copy
 * of a template this test run built once (test/support/templates.ts): migrating a new PGlite costs
 * ~6 s of CPU (its initdb), the demo seed as much again; loading a copy ~1.5 s, cloning a
 * PostgreSQL database ~0.2 s.
 */
export interface TestDatabaseKind {
  name: 'pglite' | 'postgres';
  /** A fresh database, migrated, with nothing in it. */
  open(): Promise<TestDatabase>;
  /**
   * A fresh database holding what `seed(deps, { demo: true, adminPassword: ADMIN_PASSWORD })` loads
   * with the real clock (a test whose clock is fixed seeds its own: the demo seed reads the clock).
   */
  openDemo(): Promise<TestDatabase>;
}

export interface TestDatabase extends Database {
  /** Connection string of the scratch PostgreSQL database, for child processes. */
  url?: string;
}

export function testDatabaseKinds(): TestDatabaseKind[] {
  const kinds: TestDatabaseKind[] = [
    {
      name: 'pglite',
      open: async () => openPgliteCopy(await pgliteTemplate('migrated')),
      openDemo: async () => openPgliteCopy(await pgliteTemplate('demo')),
    },
  ];
  const url = process.env.DATABASE_URL;
  if (url) {
    kinds.push({
      name: 'postgres',
      open: async () => openScratchPostgres(url, await postgresTemplate(url, 'migrated')),
      openDemo: async () => openScratchPostgres(url, await postgresTemplate(url, 'demo')),
    });
  }
  return kinds;
}

/**
 * A scratch PostgreSQL database copied from the demo template, for a server started in a child
 * process (`url`): what `serve` would have made of an empty database. Needs DATABASE_URL.
 */
export async function postgresDemo(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('postgresDemo needs DATABASE_URL');
  return openScratchPostgres(url, await postgresTemplate(url, 'demo'));
}

/**
 * A new embedded-database folder (`MINSHENG_DATA_DIR`) for a command run in a child process, copied
 * from the migrated or the demo template: the command opens it as it opens any folder.
 */
export async function pgliteDataDir(template: 'migrated' | 'demo' = 'migrated'): Promise<string> {
  const source = await templateFolder(`pglite-${template}-folder`, async (folder) => {
    const dump = await pgliteTemplate(template);
    const client = new PGlite({ fs: new NodeFS(join(folder, 'data')), loadDataDir: new Blob([dump]) });
    await client.waitReady;
    await client.close();
  });
  // Inside the run's folder, so that the end of the run removes it.
  const dataDir = mkdtempSync(join(templateRun().dir, 'data-'));
  cpSync(join(source, 'data'), dataDir, { recursive: true });
  return dataDir;
}

type Template = 'migrated' | 'demo';

/** The template's data folder as PGlite's dump (a tar), to open a copy from. */
async function pgliteTemplate(template: Template): Promise<ArrayBuffer> {
  const folder = await templateFolder(`pglite-${template}`, async (into) => {
    const database =
      template === 'migrated'
        ? await openPglite(':memory:')
        : await openPgliteCopy(await pgliteTemplate('migrated'));
    try {
      if (template === 'migrated') await database.migrate();
      else await seedDemo(database);
      writeFileSync(join(into, 'dump.tar'), Buffer.from(await database.dump!()));
    } finally {
      await database.close();
    }
  });
  const bytes = readFileSync(join(folder, 'dump.tar'));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

/** An in-memory database loaded from a template, on its own thread as the product runs PGlite. */
function openPgliteCopy(dump: ArrayBuffer): Promise<TestDatabase> {
  return openPglite(':memory:', dump);
}

async function seedDemo(database: Database): Promise<void> {
  const [{ seed }, { configFromEnv }, { createDeps }] = await Promise.all([
    import('../../src/seed/seed'),
    import('../../src/server/config'),
    import('../../src/server/deps'),
  ]);
  await seed(createDeps(database, configFromEnv({})), { demo: true, adminPassword: ADMIN_PASSWORD });
}

async function adminQuery(baseUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * The pool's end() resolves before the server has closed every connection; a forced drop meanwhile
 * sends those connections a FATAL (57P01) that their ending clients raise as an unhandled error, which
 * fails the run. So the drop waits (up to 5 s) until nobody is connected, and forces only after that.
 */
async function dropWhenDisconnected(baseUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    for (let waited = 0; waited < 5000; waited += 50) {
      const { rows } = await admin.query(
        'select count(*)::int as n from pg_stat_activity where datname = $1',
        [name],
      );
      if (rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

function databaseUrl(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The name of this run's PostgreSQL template database, built on first use (no one stays connected). */
async function postgresTemplate(baseUrl: string, template: Template): Promise<string> {
  const name = `mtpl_${templateRun().runId}_${template}`;
  await templateFolder(`postgres-${template}`, async () => {
    const from = template === 'migrated' ? '' : ` TEMPLATE ${await postgresTemplate(baseUrl, 'migrated')}`;
    await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); // a killed builder's
    await adminQuery(baseUrl, `CREATE DATABASE ${name}${from}`);
    const database = await openDatabase({ url: databaseUrl(baseUrl, name) });
    try {
      if (template === 'migrated') await database.migrate();
      else await seedDemo(database);
    } finally {
      await database.close();
    }
    // A clone needs the template without sessions: keep everyone out (autovacuum too) from now on.
    await adminQuery(baseUrl, `ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
  });
  return name;
}

async function openScratchPostgres(baseUrl: string, template: string): Promise<TestDatabase> {
  const name = `mtest_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(baseUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = databaseUrl(baseUrl, name);
  const database = await openDatabase({ url });
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await dropWhenDisconnected(baseUrl, name);
    },
  };
}
