import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

/**
 * Gives the run a folder for the database templates test/support/templates.ts builds on first use
 * (nothing is built here: a run that needs no database pays nothing), and removes them at the end,
 * with this run's PostgreSQL template databases.
 */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'ms-templates-'));
  const runId = randomBytes(4).toString('hex');
  project.provide('testTemplatesDir', dir);
  project.provide('testRunId', runId);
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    const url = process.env.DATABASE_URL;
    if (!url) return;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE datname LIKE $1',
        [`mtpl\\_${runId}\\_%`],
      );
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  };
}
