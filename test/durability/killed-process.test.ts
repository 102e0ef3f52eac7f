/**
 * "A killed server loses nothing acknowledged." A child process commits one region per transaction
 * and acknowledges each on stdout once the commit has returned; we SIGKILL it mid-stream, reopen the
 * database and look for every acknowledged row and its audit record. On PGlite we also check that the
 * data folder is refused to a second opener while the child holds it, that the folder opens again
 * after the kill (the holder is dead), and that the child fsynced the WAL before every acknowledgement
 * (what makes the row survive a power loss too, not only a killed process).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { rowsOf } from '../../src/db/transaction';
import { verifyAuditChain } from '../../src/modules/audit';
import { pgliteDataDir } from '../support/databases';

const REPO_ROOT = new URL('../../', import.meta.url).pathname;
const WRITER = new URL('./writer.ts', import.meta.url).pathname;
/** Acknowledgements to wait for before the kill. */
const KILL_AFTER = 150;

interface Ack {
  code: string;
  walFsyncs: number;
}

interface Writer {
  child: ChildProcess;
  acks: Ack[];
  ready: Promise<string>;
  /** Resolves once `n` acknowledgements have been read. */
  acked(n: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

function startWriter(env: Record<string, string>): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: '', MINSHENG_DATA_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (chunk) => {
    err += chunk;
  });
  const acks: Ack[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  let onReady: (kind: string) => void = () => {};
  const ready = new Promise<string>((resolve) => {
    onReady = resolve;
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const [word, a, b] = line.split(' ');
    if (word === 'ready') onReady(a!);
    if (word === 'ack') {
      acks.push({ code: a!, walFsyncs: Number(b) });
      for (const w of waiters.filter((x) => acks.length >= x.n)) w.resolve();
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const failOnExit = <T>(p: Promise<T>) =>
    Promise.race([
      p,
      exited.then(({ code, signal }) => {
        throw new Error(`writer exited early (code ${code}, signal ${signal}):\n${err}`);
      }),
    ]);
  return {
    child,
    acks,
    ready: failOnExit(ready),
    acked: (n) => failOnExit(new Promise<void>((resolve) => waiters.push({ n, resolve }))),
    exited,
    stderr: () => err,
  };
}

async function killMidStream(writer: Writer) {
  await writer.acked(KILL_AFTER);
  writer.child.kill('SIGKILL');
  const { signal } = await writer.exited;
  return { signal, acknowledged: [...writer.acks] };
}

/** Every acknowledged code is a stored row, and each has its audit insert record. */
async function expectAllAcknowledgedStored(options: { url?: string; dataDir?: string }, acks: Ack[]) {
  const database = await openDatabase(options);
  try {
    const codes = acks.map((a) => a.code);
    const stored = rowsOf<{ code: string }>(
      await database.db.execute(
        sql`select code from regions where parent_code = '140521' and level = 'township' and code like '140521%'`,
      ),
    ).map((r) => r.code);
    expect(codes.filter((c) => !stored.includes(c))).toEqual([]);
    const audited = rowsOf<{ record_id: string }>(
      await database.db.execute(
        sql`select record_id from audit_log
            where table_name = 'regions' and action = 'insert' and actor = 'system:durability-test'`,
      ),
    ).map((r) => r.record_id);
    expect(codes.filter((c) => !audited.includes(c))).toEqual([]);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    return { stored: stored.length };
  } finally {
    await database.close();
  }
}

describe('a killed process loses nothing acknowledged', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('PGlite: every acknowledged row and audit record survives SIGKILL; the folder has one user at a time', async () => {
    // A migrated folder copied from the run's template: a new one would cost seconds of initdb.
    const dataDir = await pgliteDataDir();
    const writer = startWriter({ MINSHENG_DATA_DIR: dataDir });
    cleanups.push(() => void writer.child.kill('SIGKILL'));
    expect(await writer.ready).toBe('pglite');

    // While the writer runs, a second opener of the same folder is turned away.
    await writer.acked(1);
    await expect(openDatabase({ dataDir })).rejects.toThrow(/in use|使用/);

    const { signal, acknowledged } = await killMidStream(writer);
    expect(signal).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    // The WAL was forced to disk (fsync) before every acknowledgement.
    expect(acknowledged.filter((a) => a.walFsyncs < 1)).toEqual([]);

    // The holder is dead: the folder opens again, with everything acknowledged in it.
    const { stored } = await expectAllAcknowledgedStored({ dataDir }, acknowledged);
    expect(stored).toBeGreaterThanOrEqual(acknowledged.length);
  });

  it('PGlite: a folder open in this process is refused to a second open until it is closed', async () => {
    const dataDir = await pgliteDataDir();
    const first = await openDatabase({ dataDir });
    try {
      await expect(openDatabase({ dataDir })).rejects.toThrow(/in use|使用/);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir });
    await again.close();
  });

  it.runIf(Boolean(process.env.DATABASE_URL))(
    'PostgreSQL: every acknowledged row and audit record survives SIGKILL of the app',
    async () => {
      const base = process.env.DATABASE_URL!;
      const name = `mtest_kill_${process.pid}_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      cleanups.push(async () => {
        // Without FORCE, retried: FORCE would kill connections of a pool that is still closing.
        const dropper = new pg.Client({ connectionString: base });
        await dropper.connect();
        for (let attempt = 0; ; attempt++) {
          try {
            await dropper.query(`DROP DATABASE IF EXISTS ${name}`);
            break;
          } catch (error) {
            if (attempt >= 50) throw error;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
        await dropper.end();
      });
      const url = new URL(base);
      url.pathname = `/${name}`;

      const writer = startWriter({ DATABASE_URL: url.toString() });
      cleanups.push(() => void writer.child.kill('SIGKILL'));
      expect(await writer.ready).toBe('postgres');
      const { signal, acknowledged } = await killMidStream(writer);
      expect(signal).toBe('SIGKILL');
      expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);

      const { stored } = await expectAllAcknowledgedStored({ url: url.toString() }, acknowledged);
      expect(stored).toBeGreaterThanOrEqual(acknowledged.length);
    },
  );
});
