/**
 * Foundation figures: time from `serve` (web already built, data already loaded) to a healthy
 * /api/health on PGlite, against the start of a bare Fastify process; and requests per second of
 * GET /api/auth/me with a session against a bare Fastify route, both measured in this run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoadResult, load } from './support/load';
import { freePort, startProcess, stop, waitForHealth } from './support/spawn';

const ADMIN_PASSWORD = 'Bench#Root2023pw';
const bin = new URL('../bin/minsheng.mjs', import.meta.url).pathname;
const bare = new URL('./support/bare-server.ts', import.meta.url).pathname;

async function timeToHealthy(args: string[], env: Record<string, string>, healthPath: string) {
  const port = await freePort();
  const t0 = performance.now();
  const child = startProcess(args, { ...env, PORT: String(port) });
  await waitForHealth(`http://127.0.0.1:${port}${healthPath}`);
  const ms = performance.now() - t0;
  return { ms, port, child };
}

export async function runFoundationBench(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'msbench-'));
  const env = { MINSHENG_DATA_DIR: dataDir, MINSHENG_ADMIN_PASSWORD: ADMIN_PASSWORD, DATABASE_URL: '' };
  // First start loads regions and demo data; the figure that matters is every start after it.
  const first = await timeToHealthy([bin, 'serve'], env, '/api/health');
  await stop(first.child);
  const starts: number[] = [];
  let product = first;
  for (let i = 0; i < 3; i++) {
    product = await timeToHealthy([bin, 'serve'], env, '/api/health');
    starts.push(product.ms);
    if (i < 2) await stop(product.child);
  }
  const bareStarts: number[] = [];
  let baseline = await timeToHealthy(['--import', 'tsx', bare], {}, '/bare');
  bareStarts.push(baseline.ms);
  for (let i = 0; i < 2; i++) {
    await stop(baseline.child);
    baseline = await timeToHealthy(['--import', 'tsx', bare], {}, '/bare');
    bareStarts.push(baseline.ms);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

  const login = await fetch(`http://127.0.0.1:${product.port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  // Warm both up, then alternate rounds and keep each one's best, so neither gains from going last.
  const opts = { seconds: 4, concurrency: 32 };
  const bareRun = () => load({ ...opts, url: `http://127.0.0.1:${baseline.port}/bare` });
  const meRun = () =>
    load({ ...opts, url: `http://127.0.0.1:${product.port}/api/auth/me`, headers: { cookie } });
  await bareRun();
  await meRun();
  const best = (a: LoadResult, b: LoadResult) => (a.rps >= b.rps ? a : b);
  let bareLoad = await bareRun();
  let meLoad = await meRun();
  bareLoad = best(bareLoad, await bareRun());
  meLoad = best(meLoad, await meRun());
  await stop(product.child);
  await stop(baseline.child);
  rmSync(dataDir, { recursive: true, force: true });

  const figures = {
    firstStartMs: Math.round(first.ms),
    startToHealthyMs: Math.round(median(starts)),
    bareFastifyStartMs: Math.round(median(bareStarts)),
    startRatio: median(starts) / median(bareStarts),
    authMeRps: Math.round(meLoad.rps),
    bareRouteRps: Math.round(bareLoad.rps),
    authMeToBareRatio: meLoad.rps / bareLoad.rps,
    authMeP99Ms: meLoad.p99,
    authMeErrors: meLoad.errors,
  };
  console.log('\n== foundation ==');
  console.log(
    `start to healthy (PGlite, built, data loaded): ${figures.startToHealthyMs} ms (target < 5000) — first start ${figures.firstStartMs} ms`,
  );
  console.log(
    `bare Fastify process start: ${figures.bareFastifyStartMs} ms → ratio ${figures.startRatio.toFixed(2)}×`,
  );
  console.log(
    `GET /api/auth/me: ${figures.authMeRps} req/s, p99 ${figures.authMeP99Ms.toFixed(1)} ms, errors ${figures.authMeErrors}`,
  );
  console.log(
    `bare Fastify route: ${figures.bareRouteRps} req/s → ratio ${figures.authMeToBareRatio.toFixed(2)} (target ≥ 0.5)`,
  );
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) await runFoundationBench();
