/**
 * The vote under load (issue 4, "Speed"): 1,000 checked-in deputies submit their ballots over
 * loopback, 200 at a time, to a real `minsheng serve`; every ballot must be acknowledged exactly
 * once, the tally must be ready within 1 s of closing, ballot throughput must be at least half of a
 * bare Fastify route inserting one row into the same kind of database (measured in this run, before
 * and after, the better baseline kept), and p99 under 200 ms at 200 concurrent voters. On PGlite,
 * and on PostgreSQL when DATABASE_URL is set (a scratch database, dropped after).
 *
 *   npx tsx bench/voting.bench.ts
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/voting.bench.ts
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, profileClock, profileWindow, startProcess, stop, waitForHealth } from './support/spawn';
import { api, ballotBody, prepareVote, startServer } from './support/voting-server';

const DEPUTIES = 1000;
const CONCURRENCY = 200;
const bareInsert = new URL('./support/bare-insert-server.ts', import.meta.url).pathname;

interface Burst {
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  statuses: number[];
  bodies: string[];
  /** When each request was answered, ms after the burst began. */
  byIndex: number[];
}

/**
 * Sends request i = 0..n-1 once each (POST JSON), `concurrency` in flight over keep-alive connections
 * (those of `agent` when given, already open; else new ones, opened as the first requests go).
 */
export async function burst(
  url: string,
  n: number,
  concurrency: number,
  body: (i: number) => string,
  given?: Agent,
): Promise<Burst> {
  const agent = given ?? new Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  const latencies: number[] = [];
  const byIndex: number[] = new Array(n);
  const statuses: number[] = new Array(n);
  const bodies: string[] = new Array(n);
  let next = 0;
  const started = performance.now();
  const once = (i: number) =>
    new Promise<void>((resolve) => {
      const payload = body(i);
      const t0 = performance.now();
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => {
            text += chunk;
          });
          res.on('end', () => {
            latencies.push(performance.now() - t0);
            byIndex[i] = performance.now() - started;
            statuses[i] = res.statusCode ?? 0;
            bodies[i] = text;
            resolve();
          });
        },
      );
      req.on('error', (error) => {
        statuses[i] = 0;
        bodies[i] = String(error);
        resolve();
      });
      req.end(payload);
    });
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await once(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  if (!given) agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { seconds, rps: n / seconds, p50: pct(0.5), p99: pct(0.99), statuses, bodies, byIndex };
}

/** One keep-alive connection per voter, each opened by that voter's ballot read (GET /api/ballot). */
async function openVoterConnections(port: number, tokens: readonly string[]): Promise<Agent> {
  const agent = new Agent({ keepAlive: true, maxSockets: tokens.length });
  await Promise.all(
    tokens.map(
      (token) =>
        new Promise<void>((resolve, reject) => {
          const req = request(
            { agent, host: '127.0.0.1', port, path: '/api/ballot', headers: { 'x-ballot-token': token } },
            (res) => {
              res.resume();
              res.on('end', () =>
                res.statusCode === 200 ? resolve() : reject(new Error(`ballot read ${res.statusCode}`)),
              );
            },
          );
          req.on('error', reject);
          req.end();
        }),
    ),
  );
  return agent;
}

async function startBare(env: Record<string, string>) {
  const port = await freePort();
  const child = startProcess(['--import', 'tsx', bareInsert], { ...env, PORT: String(port) });
  await waitForHealth(`http://127.0.0.1:${port}/bare`);
  return { child, url: `http://127.0.0.1:${port}/bare-insert` };
}

async function runOn(
  kind: 'pglite' | 'postgres',
  product: Record<string, string>,
  bareEnv: Record<string, string>,
) {
  const server = await startServer(product);
  try {
    const vote = await prepareVote(server.base, { roll: DEPUTIES });
    const bare = await startBare(bareEnv);
    try {
      const sample = ballotBody(vote, 0);
      // The baseline's connections are opened by a warm-up round and kept, as the voters' are.
      const bareClients = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
      await burst(bare.url, 400, CONCURRENCY, () => sample, bareClients);
      const before = await burst(bare.url, DEPUTIES, CONCURRENCY, () => sample, bareClients);
      // Every deputy's phone reads the ballot before 提交 is pressed, over the connection the vote then
      // goes by: the voters' connections are open when the ballots come. (Opening 200 connections at
      // once from this one process is not part of a ballot's latency; counted in, it alone put the
      // first wave's p99 near 800 ms, for the bare insert as much as for the product.)
      const voters = await openVoterConnections(server.port, vote.tokens.slice(0, CONCURRENCY));
      const windowStart = profileClock();
      const ballots = await burst(
        `${server.base}/api/ballot`,
        DEPUTIES,
        CONCURRENCY,
        (i) => ballotBody(vote, i),
        voters,
      );
      voters.destroy();
      profileWindow('the ballots', windowStart);
      const after = await burst(bare.url, DEPUTIES, CONCURRENCY, () => sample, bareClients);
      bareClients.destroy();
      const baseline = before.rps >= after.rps ? before : after;

      const answers = ballots.bodies.map((b) => JSON.parse(b));
      const acknowledged = ballots.statuses.filter((s) => s === 200).length;
      const receipts = new Set(answers.map((a) => a.receipt));
      const firstTime = answers.filter((a) => a.repeated === false).length;
      const t0 = performance.now();
      const closed = await api(
        server.base,
        vote.coordinator,
        'POST',
        `/api/voting-sessions/${vote.sessionId}/close`,
      );
      const closeMs = performance.now() - t0;
      const figures = {
        db: kind,
        deputies: DEPUTIES,
        concurrency: CONCURRENCY,
        acknowledged,
        distinctReceipts: receipts.size,
        firstTimeAnswers: firstTime,
        counted: closed.result.returned,
        submitSeconds: Number(ballots.seconds.toFixed(2)),
        ballotRps: Math.round(ballots.rps),
        ballotP50Ms: Number(ballots.p50.toFixed(1)),
        ballotP99Ms: Number(ballots.p99.toFixed(1)),
        bareInsertRps: Math.round(baseline.rps),
        bareInsertP99Ms: Number(baseline.p99.toFixed(1)),
        ratio: Number((ballots.rps / baseline.rps).toFixed(2)),
        closeMs: Math.round(closeMs),
        firstAnswerMs: Math.round(Math.min(...ballots.byIndex)),
      };
      const ok =
        acknowledged === DEPUTIES &&
        receipts.size === DEPUTIES &&
        firstTime === DEPUTIES &&
        closed.result.returned === DEPUTIES;
      console.log(`\n== voting (${kind}) ==`);
      console.log(
        `${DEPUTIES} ballots, ${CONCURRENCY} at a time: ${figures.submitSeconds} s (target < 60 s), acknowledged ${acknowledged}, distinct receipts ${receipts.size}, counted ${figures.counted} → ${ok ? 'each exactly once' : 'NOT exactly once'}`,
      );
      console.log(
        `POST /api/ballot: ${figures.ballotRps} ballots/s, p50 ${figures.ballotP50Ms} ms, p99 ${figures.ballotP99Ms} ms (target < 200), first answer after ${figures.firstAnswerMs} ms`,
      );
      console.log(
        `bare Fastify insert of one row: ${figures.bareInsertRps} req/s, p99 ${figures.bareInsertP99Ms} ms → ratio ${figures.ratio} (target ≥ 0.5)`,
      );
      console.log(`close and tally: ${figures.closeMs} ms (target < 1000)`);
      if (!ok)
        console.log(`statuses: ${JSON.stringify(ballots.statuses.filter((s) => s !== 200).slice(0, 10))}`);
      return figures;
    } finally {
      await stop(bare.child);
    }
  } finally {
    await stop(server.child);
  }
}

export async function runVotingBench() {
  const results = [];
  const dirs = [mkdtempSync(join(tmpdir(), 'msvote-')), mkdtempSync(join(tmpdir(), 'msvote-bare-'))];
  try {
    results.push(await runOn('pglite', { MINSHENG_DATA_DIR: dirs[0]! }, { MINSHENG_DATA_DIR: dirs[1]! }));
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
  const base = process.env.DATABASE_URL;
  if (base) {
    const name = `mbench_vote_${process.pid}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    try {
      const env = { DATABASE_URL: url.toString() };
      results.push(await runOn('postgres', env, env));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await runVotingBench();
