/**
 * "A killed server loses no acknowledged suggestion." A real `minsheng serve` takes residents'
 * suggestions from many clients at once and acknowledges each from its intake journal on disk; we
 * SIGKILL it after a few hundred acknowledgements, while some are still only in the journal (its
 * drainer is slowed to once a second here), start it again on the same data, and check that every
 * acknowledged tracking code answers on the public page and is in the table exactly once. On PGlite
 * (the journal beside the data folder) and PostgreSQL (DATABASE_URL, with MINSHENG_INTAKE_DIR).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { api, signIn, startServer } from '../../bench/support/voting-server';
import { decodeSegment } from '../../src/modules/suggestions/intake-journal';
import { pgliteDataDir, postgresDemo } from '../support/databases';

const KILL_AFTER = 300;
const MAX_SUBMISSIONS = 3000;
const CONCURRENCY = 32;
const MARK = '（耐久测试）';

/** Submits until `KILL_AFTER` are acknowledged, then kills the server; in-flight ones may or may not land. */
async function submitAndKill(base: string, year: number, kill: () => void) {
  const acked = new Map<string, string>(); // tracking code → text
  let inFlightAtKill = 0;
  let next = 0;
  let killed = false;
  let inFlight = 0;
  const worker = async () => {
    while (!killed && next < MAX_SUBMISSIONS) {
      const i = next++;
      const text = `嘉峰镇到县城的公交车太少，建议增加班次${MARK}${i}`;
      inFlight++;
      try {
        const response = await fetch(`${base}/api/public/suggestions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.7.${i % 250}.1` },
          body: JSON.stringify({ region: '140521', year, text, phone: `139${String(i).padStart(8, '0')}` }),
        });
        const json = await response.json();
        if (response.status !== 201)
          throw new Error(`submission ${i}: ${response.status} ${JSON.stringify(json)}`);
        acked.set(json.trackingCode, text);
        if (acked.size >= KILL_AFTER && !killed) {
          killed = true;
          inFlightAtKill = inFlight - 1;
          kill();
        }
      } catch (error) {
        if (!killed) throw error;
      } finally {
        inFlight--;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { acked, inFlightAtKill };
}

function recordsIn(intakeDir: string): number {
  if (!existsSync(intakeDir)) return 0;
  return readdirSync(intakeDir)
    .filter((f) => f.endsWith('.log'))
    .reduce((n, f) => n + decodeSegment(readFileSync(join(intakeDir, f))).length, 0);
}

async function killAndRecover(env: Record<string, string>, intakeDir: string) {
  const settings = {
    ...env,
    MINSHENG_SUGGESTION_RATE_LIMIT: '100000000',
    MINSHENG_TRUST_PROXY: '1',
    MINSHENG_INTAKE_DRAIN_MS: '1000',
  };
  const first = await startServer(settings);
  let second: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const open = await (await fetch(`${first.base}/api/public/solicitations`)).json();
    const year: number = open.items.find((s: { regionCode: string }) => s.regionCode === '140521').year;
    const exited = new Promise((resolve) => first.child.once('exit', (_code, signal) => resolve(signal)));
    const { acked, inFlightAtKill } = await submitAndKill(first.base, year, () =>
      first.child.kill('SIGKILL'),
    );
    expect(await exited).toBe('SIGKILL');
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER);
    const leftInJournal = recordsIn(intakeDir);
    expect(leftInJournal).toBeGreaterThan(0); // the restart has something to take back

    second = await startServer(settings);
    const base = second.base;
    let address = 0;
    for (const [code, text] of acked) {
      const response = await fetch(`${base}/api/public/suggestions/${code}`, {
        headers: { 'x-forwarded-for': `10.8.${address % 250}.${Math.floor(address++ / 250) + 1}` },
      });
      expect(response.status, code).toBe(200);
      expect(await response.json()).toMatchObject({ trackingCode: code, text, status: 'received' });
    }
    const coordinator = await signIn(base);
    const codes: string[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await api(
        base,
        coordinator,
        'GET',
        `/api/plan-years/140521/${year}/suggestions?q=${encodeURIComponent(MARK)}&limit=500&offset=${offset}`,
      );
      codes.push(...page.items.map((s: { trackingCode: string }) => s.trackingCode));
      if (page.items.length < 500) break;
    }
    const counted = new Map<string, number>();
    for (const c of codes) counted.set(c, (counted.get(c) ?? 0) + 1);
    for (const code of acked.keys()) expect(counted.get(code), code).toBe(1);
    expect(codes.length).toBe(counted.size); // nothing twice
    expect(codes.length).toBeLessThanOrEqual(acked.size + inFlightAtKill);
    expect(recordsIn(intakeDir)).toBe(0); // drained and released
    return { acked: acked.size, leftInJournal };
  } finally {
    first.child.kill('SIGKILL');
    second?.child.kill('SIGKILL');
    if (second)
      await new Promise((r) => (second!.child.exitCode === null ? second!.child.once('exit', r) : r(0)));
  }
}

describe('a server killed while residents submit suggestions', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  // Each server starts on a copy of the run's demo database (what `serve` makes of an empty folder):
  // migrating and seeding one again would take most of this file's time.
  it('PGlite: keeps every acknowledged suggestion exactly once across SIGKILL and restart', async () => {
    const dataDir = await pgliteDataDir('demo');
    const figures = await killAndRecover({ MINSHENG_DATA_DIR: dataDir }, join(dataDir, 'intake'));
    expect(figures.acked).toBeGreaterThanOrEqual(KILL_AFTER);
  }, 300_000);

  it.runIf(Boolean(process.env.DATABASE_URL))(
    'PostgreSQL: keeps every acknowledged suggestion exactly once across SIGKILL and restart',
    async () => {
      const database = await postgresDemo();
      const intakeDir = mkdtempSync(join(tmpdir(), 'minsheng-intake-kill-pg-'));
      cleanups.push(async () => {
        rmSync(intakeDir, { recursive: true, force: true });
        await database.close();
      });
      const figures = await killAndRecover(
        { DATABASE_URL: database.url!, MINSHENG_INTAKE_DIR: intakeDir },
        intakeDir,
      );
      expect(figures.acked).toBeGreaterThanOrEqual(KILL_AFTER);
    },
    300_000,
  );
});
