/**
 * The public submit endpoint under load, with its rate limiting on: POST /api/public/suggestions
 * (per-address limit counted by @fastify/rate-limit, the window and the phone's daily limit checked
 * in memory, each suggestion acknowledged once it is in the intake journal on disk and drained into
 * the table with its audit row in the background) against a bare Fastify POST route taking the same
 * JSON body, both measured in this run. The per-address limit is raised through
 * MINSHENG_SUGGESTION_RATE_LIMIT so the bench's own load (one address) is counted but not refused;
 * every request carries a new phone (so each one's 24-hour count is read from the database). After
 * the load the coordinator's list is read: it waits for the drain, so its time is how far the table
 * lagged, and its count shows every acknowledged suggestion stored.
 *
 * Run: npx tsx bench/suggestion-submit.bench.ts        (PGlite, as `npm start` runs)
 *      BENCH_DATABASE_URL=postgres://… npx tsx bench/suggestion-submit.bench.ts   (PostgreSQL, with a
 *      journal in MINSHENG_INTAKE_DIR; BENCH_INTAKE=direct for none: one transaction per suggestion)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoadResult, load } from './support/load';
import {
  freePort,
  profileClock,
  profileFlags,
  profileWindow,
  startProcess,
  stop,
  waitForHealth,
} from './support/spawn';
import { api, signIn } from './support/voting-server';

const bin = new URL('../bin/minsheng.mjs', import.meta.url).pathname;
const bare = new URL('./support/bare-server.ts', import.meta.url).pathname;

export async function runSuggestionSubmitBench(): Promise<Record<string, number | string>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'msbench-'));
  const port = await freePort();
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? '';
  const intakeDir = databaseUrl && process.env.BENCH_INTAKE !== 'direct' ? join(dataDir, 'intake-pg') : '';
  const product = startProcess([...profileFlags(), bin, 'serve'], {
    PORT: String(port),
    HOST: '127.0.0.1',
    MINSHENG_DATA_DIR: dataDir,
    MINSHENG_ADMIN_PASSWORD: 'Bench#Root2023pw',
    DATABASE_URL: databaseUrl,
    MINSHENG_INTAKE_DIR: intakeDir,
    MINSHENG_SUGGESTION_RATE_LIMIT: '100000000',
  });
  await waitForHealth(`http://127.0.0.1:${port}/api/health`, 180_000);
  const barePort = await freePort();
  const baseline = startProcess(['--import', 'tsx', bare], { PORT: String(barePort) });
  await waitForHealth(`http://127.0.0.1:${barePort}/bare`);

  // The demo data opens next year's solicitation for 沁水县 (src/seed/suggestions-demo.ts).
  const open = (await (await fetch(`http://127.0.0.1:${port}/api/public/solicitations`)).json()) as {
    items: { regionCode: string; year: number }[];
  };
  const target = open.items.find((s) => s.regionCode === '140521')!;
  let n = 0;
  const body = () =>
    JSON.stringify({
      region: target.regionCode,
      year: target.year,
      field: '交通出行',
      text: `嘉峰镇到县城的公交车太少，一天只有两趟，建议增加班次。（压测 ${++n}）`,
      phone: `138${String(n).padStart(8, '0')}`,
    });

  const opts = { seconds: 4, concurrency: 32 };
  // The same JSON body to both: the bare route parses it and answers 201, nothing else.
  const bareRun = () => load({ ...opts, url: `http://127.0.0.1:${barePort}/bare`, method: 'POST', body });
  let acknowledged = 0;
  const submitRun = async () => {
    const result = await load({
      ...opts,
      url: `http://127.0.0.1:${port}/api/public/suggestions`,
      method: 'POST',
      body,
    });
    acknowledged += result.requests - result.errors;
    return result;
  };
  // Warm both up, then alternate rounds and keep each one's best, as foundation.bench.ts does.
  await bareRun();
  await submitRun();
  const best = (a: LoadResult, b: LoadResult) => (a.rps >= b.rps ? a : b);
  let bareLoad = await bareRun();
  let submitLoad = await submitRun();
  bareLoad = best(bareLoad, await bareRun());
  const lastRound = profileClock();
  submitLoad = best(submitLoad, await submitRun());
  profileWindow('the last submit round', lastRound);

  // The staff list waits for the drain: how long the table lagged behind the acknowledgements.
  const base = `http://127.0.0.1:${port}`;
  const drainStarted = performance.now();
  const coordinator = await signIn(base);
  const listed = await api(
    base,
    coordinator,
    'GET',
    `/api/plan-years/${target.regionCode}/${target.year}/suggestions?q=${encodeURIComponent('压测')}&limit=1`,
  );
  const drainCatchUpMs = Math.round(performance.now() - drainStarted);
  const stored: number = listed.total;

  await stop(product);

  // The same server with the per-address limit at 1: the flood is refused by the limiter (429)
  // before any database work, which is what keeps one address from taking the endpoint down.
  const floodPort = await freePort();
  const flooded = startProcess([bin, 'serve'], {
    PORT: String(floodPort),
    HOST: '127.0.0.1',
    MINSHENG_DATA_DIR: dataDir,
    MINSHENG_ADMIN_PASSWORD: 'Bench#Root2023pw',
    DATABASE_URL: databaseUrl,
    MINSHENG_INTAKE_DIR: intakeDir,
    MINSHENG_SUGGESTION_RATE_LIMIT: '1',
  });
  await waitForHealth(`http://127.0.0.1:${floodPort}/api/health`, 180_000);
  const floodRun = () =>
    load({ ...opts, url: `http://127.0.0.1:${floodPort}/api/public/suggestions`, method: 'POST', body });
  await floodRun();
  const floodLoad = best(await floodRun(), await floodRun());
  bareLoad = best(bareLoad, await bareRun());
  await stop(flooded);
  await stop(baseline);
  rmSync(dataDir, { recursive: true, force: true });

  const figures = {
    database: databaseUrl ? 'postgres' : 'pglite',
    submitRps: Math.round(submitLoad.rps),
    submitP99Ms: Number(submitLoad.p99.toFixed(1)),
    submitErrors: submitLoad.errors,
    acknowledged,
    stored,
    drainCatchUpMs,
    bareRouteRps: Math.round(bareLoad.rps),
    submitToBareRatio: Number((submitLoad.rps / bareLoad.rps).toFixed(3)),
    floodRefusedRps: Math.round(floodLoad.rps),
    floodRefused: floodLoad.errors,
    floodToBareRatio: Number((floodLoad.rps / bareLoad.rps).toFixed(3)),
  };
  console.log(`\n== suggestion submit (${figures.database}) ==`);
  console.log(
    `POST /api/public/suggestions (rate limit on): ${figures.submitRps} req/s, p99 ${figures.submitP99Ms} ms, errors ${figures.submitErrors}`,
  );
  console.log(
    `bare Fastify POST route, same body: ${figures.bareRouteRps} req/s → ratio ${figures.submitToBareRatio.toFixed(2)} (target ≥ 0.5)`,
  );
  console.log(
    `acknowledged ${acknowledged}, in the table after the drain ${stored}; the staff list waited ${drainCatchUpMs} ms for the drain (sign-in included)`,
  );
  console.log(
    `flood from one address over the limit: ${figures.floodRefusedRps} req/s answered (${figures.floodRefused} refused with 429) → ratio ${figures.floodToBareRatio.toFixed(2)} of bare`,
  );
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) await runSuggestionSubmitBench();
