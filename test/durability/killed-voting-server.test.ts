/**
 * "Killing the server mid-vote loses no acknowledged ballot." A real `minsheng serve` takes ballots
 * from many deputies at once; we SIGKILL it after the first hundred acknowledgements, start it again
 * on the same data, and retry every token that was acknowledged or still in flight. Every
 * acknowledged token answers its first receipt, every ballot is in the count exactly once, and the
 * published list holds each receipt once. On PGlite (a data folder) and PostgreSQL (DATABASE_URL).
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  api,
  ballotBody,
  type PreparedVote,
  prepareVote,
  startServer,
} from '../../bench/support/voting-server';
import { receiptHash } from '../../src/modules/voting/ballot-secrets';
import { pgliteDataDir, postgresDemo } from '../support/databases';

const DEPUTIES = 300;
const KILL_AFTER = 100;
const CONCURRENCY = 25;

async function post(base: string, body: string) {
  const response = await fetch(`${base}/api/ballot`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { status: response.status, json: await response.json() };
}

/** Deputies submit in parallel until `KILL_AFTER` are acknowledged; then the server is killed. */
async function voteAndKill(base: string, vote: PreparedVote, kill: () => void) {
  const acked = new Map<number, string>();
  const inFlight = new Set<number>();
  const lost = new Set<number>();
  let next = 0;
  let killed = false;
  const worker = async () => {
    while (!killed && next < vote.tokens.length) {
      const i = next++;
      inFlight.add(i);
      try {
        const answer = await post(base, ballotBody(vote, i));
        if (answer.status !== 200)
          throw new Error(`ballot ${i}: ${answer.status} ${JSON.stringify(answer.json)}`);
        acked.set(i, answer.json.receipt);
        if (acked.size >= KILL_AFTER && !killed) {
          killed = true;
          kill();
        }
      } catch (error) {
        if (!killed) throw error;
        lost.add(i);
      } finally {
        inFlight.delete(i);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { acked, lost };
}

async function killAndRecover(env: Record<string, string>) {
  const first = await startServer(env);
  let second: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const vote = await prepareVote(first.base, { roll: DEPUTIES });
    const exited = new Promise((resolve) => first.child.once('exit', (_code, signal) => resolve(signal)));
    const { acked, lost } = await voteAndKill(first.base, vote, () => first.child.kill('SIGKILL'));
    expect(await exited).toBe('SIGKILL');
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acked.size).toBeLessThan(DEPUTIES);

    second = await startServer(env);
    const base = second.base;
    // Every acknowledged token answers its first receipt and casts nothing new.
    for (const [i, receipt] of acked) {
      const again = await post(base, ballotBody(vote, i));
      expect(again.status).toBe(200);
      expect(again.json).toMatchObject({ receipt, repeated: true });
    }
    // A ballot in flight at the kill either made it (the retry says so) or is cast now: once either way.
    const receipts = new Map(acked);
    for (const i of lost) {
      const retry = await post(base, ballotBody(vote, i));
      expect(retry.status).toBe(200);
      receipts.set(i, retry.json.receipt);
    }
    const coordinator = vote.coordinator;
    const closed = await api(base, coordinator, 'POST', `/api/voting-sessions/${vote.sessionId}/close`);
    expect(closed.result).toMatchObject({ valid: true, issued: DEPUTIES, returned: receipts.size });
    expect(closed.result.chain.count).toBe(receipts.size);
    const verify = await api(base, coordinator, 'GET', `/api/voting-sessions/${vote.sessionId}/verify`);
    expect(verify).toMatchObject({ ok: true, checked: receipts.size });
    await api(base, coordinator, 'POST', `/api/voting-sessions/${vote.sessionId}/publish`);
    const published = await (
      await fetch(`${base}/api/public/voting-sessions/${vote.sessionId}/results`)
    ).json();
    const hashes = published.ballots.map((b: { receiptHash: string }) => b.receiptHash);
    expect(new Set(hashes).size).toBe(hashes.length);
    expect([...hashes].sort()).toEqual([...receipts.values()].map((r) => receiptHash(r)).sort());
    return { acked: acked.size, lost: lost.size };
  } finally {
    first.child.kill('SIGKILL');
    second?.child.kill('SIGKILL');
    if (second)
      await new Promise((r) => (second!.child.exitCode === null ? second!.child.once('exit', r) : r(0)));
  }
}

describe('a voting server killed mid-vote', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  // Each server starts on a copy of the run's demo database (what `serve` makes of an empty folder):
  // migrating and seeding one again would take most of this file's time.
  it('PGlite: keeps every acknowledged ballot exactly once across SIGKILL and restart', async () => {
    const dataDir = await pgliteDataDir('demo');
    const figures = await killAndRecover({ MINSHENG_DATA_DIR: dataDir });
    expect(figures.acked).toBeGreaterThanOrEqual(KILL_AFTER);
  }, 300_000);

  it.runIf(Boolean(process.env.DATABASE_URL))(
    'PostgreSQL: keeps every acknowledged ballot exactly once across SIGKILL and restart',
    async () => {
      const database = await postgresDemo();
      cleanups.push(() => database.close());
      const figures = await killAndRecover({ DATABASE_URL: database.url! });
      expect(figures.acked).toBeGreaterThanOrEqual(KILL_AFTER);
    },
    300_000,
  );
});
