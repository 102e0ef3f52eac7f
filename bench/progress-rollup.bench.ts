/**
 * Issue 3's speed targets on a national-scale plan set (bench/support/national-plan-generator.ts:
 * 31 provinces × 20 projects × 3 indicators split to all 2,975 counties, 24 monthly approved reports
 * per project and county: 1.43 M reports, 4.28 M report values), on PostgreSQL and on PGlite:
 *
 * (a) the roll-up behind the national overview (`allocationTotals` over every province's plan year)
 *     and behind one provincial overview (the province with the most counties), p50/p95: it reads
 *     the indicator_rollups read model (one row per allocated indicator), which approveReport keeps
 *     current for the indicators a child's report fills in, so the refresh is inside (c)'s figures;
 * (b) the in-run baseline: the plain "latest value per indicator and region" DISTINCT ON query over
 *     report_values ⋈ progress_reports, rolled up the same way, on the same database in the same run,
 *     printed as ratios (its results are also checked to equal the roll-up's);
 * (c) draft → submit → approve of 120 monthly reports through the real use cases by a county clerk
 *     and a county approver, every trigger on, p50/p95 of each step;
 * (d) PostgreSQL only: the real server (`minsheng serve`) answering GET …/rollup and …/overview of the
 *     measured province a few hundred times as admin, then its RSS from /proc/<pid>/status.
 *
 * The data set is loaded by COPY inside a transaction with SET LOCAL session_replication_role =
 * replica (no triggers: no audit rows, no FK checks for generated rows); see LOAD_NOTE.
 *
 * Run: npx tsx bench/progress-rollup.bench.ts [--scale 0.1] [--db pglite|postgres|both]
 *        [--patched-root <a patched copy of the repository>]
 *      PostgreSQL: BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the
 *      server; a scratch database is created for the run and dropped after.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/client';
import type { Actor, Role } from '../src/kernel/actor';
import { createUser, findUserByUsername } from '../src/modules/identity';
import { grantsOfUsers } from '../src/modules/identity/identity.repository';
import { type AllocationTotal, allocationTotals } from '../src/modules/progress/reports.repository';
import { approveReport, draftReport, submitReport } from '../src/modules/progress/use-cases/reporting';
import { configFromEnv } from '../src/server/config';
import { createDeps } from '../src/server/deps';
import { load } from './support/load';
import { generateNationalPlan, LOAD_NOTE, type NationalPlanSet } from './support/national-plan-generator';
import { freePort, startProcess, stop, waitForHealth } from './support/spawn';

export type BenchDb = 'pglite' | 'postgres';

export interface ProgressBenchOptions {
  /** Share of the 31 provinces (1 = the full national set). */
  scale?: number;
  db?: BenchDb | 'both';
  /** Timed runs of each roll-up (after 3 warm-ups). */
  runs?: number;
  /** Timed runs of each naive query: at least 5, fewer if they pass 45 s. */
  naiveRuns?: number;
  /** Requests of each route against the server for the memory figure (each route bounded to 90 s). */
  serverRequests?: number;
  /**
   * A patched temporary copy of the repository: its report use cases file a second county's held-back
   * reports interleaved with the product's (c), and its server is measured after the product's (d),
   * on the same database in the same run, to measure a proposed product change before/after.
   */
  patchedRoot?: string;
  pgUrl?: string;
  log?: (line: string) => void;
}

export interface Timing {
  runs: number;
  p50: number;
  p95: number;
  max: number;
}

export interface ProgressFigures {
  db: BenchDb;
  scale: number;
  dataset: NationalPlanSet['counts'] & { provinces: number; counties: number; measuredProvince: string };
  loadMs: NationalPlanSet['loadMs'];
  rollupNational: Timing;
  rollupProvince: Timing;
  naiveNational: Timing;
  naiveProvince: Timing;
  /** naive ÷ roll-up, at p50 and at p95. */
  ratioNational: { p50: number; p95: number };
  ratioProvince: { p50: number; p95: number };
  resultsAgree: boolean;
  draft: Timing;
  submit: Timing;
  approve: Timing;
  loadAverage: { start: number; end: number };
  server?: ServerFigures;
  /** The same steps through the patched copy's use cases, on another county, interleaved. */
  patchedWorkflow?: { root: string; draft: Timing; submit: Timing; approve: Timing };
  patchedServer?: ServerFigures & { root: string };
}

export interface ServerFigures {
  requests: number;
  errors: number;
  rollup: Timing;
  overview: Timing;
  rssAfterStartMb: number;
  rssMb: number;
  peakRssMb: number;
  /** Indicators whose route roll-up differs from allocationTotals (0 = the route is right). */
  indicatorsDiffering: number;
  indicators: number;
}

const ADMIN_PASSWORD = 'Bench#Root2023pw';
const bin = new URL('../bin/minsheng.mjs', import.meta.url).pathname;

function timing(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.max(0, Math.ceil(p * s.length) - 1)] ?? 0;
  return { runs: s.length, p50: at(0.5), p95: at(0.95), max: s.at(-1) ?? 0 };
}

async function timeRuns(
  runs: number,
  warmups: number,
  work: () => Promise<unknown>,
  budget = { ms: Number.POSITIVE_INFINITY, minRuns: runs },
): Promise<Timing> {
  for (let i = 0; i < warmups; i++) await work();
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    if (i >= budget.minRuns && performance.now() - started > budget.ms) break;
    const t0 = performance.now();
    await work();
    samples.push(performance.now() - t0);
  }
  return timing(samples);
}

const uuidList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/**
 * The baseline: no read model, the latest approved value of each indicator in each region searched
 * in the report history with DISTINCT ON, then rolled up per province and indicator exactly as
 * `allocationTotals` does (same sums, same weighting), so that both answers can be compared.
 */
async function naiveTotals(database: Database, planYearIds: string[]) {
  const result = await database.db.execute(sql`
    with latest as (
      select distinct on (v.indicator_id, r.region_code) v.indicator_id, r.region_code, v.value, v.eligible
      from report_values v
      join progress_reports r on r.id = v.report_id
      where r.status = 'approved'
        and r.project_id in (select id from projects where plan_year_id in (${uuidList(planYearIds)}))
      order by v.indicator_id, r.region_code, r.as_of desc, r.version desc
    )
    select py.region_code as province, i.id as "indicatorId", i.kind,
           count(*)::int as children,
           count(f.value)::int as reported,
           case when i.kind = 'percent'
                then (sum(coalesce(a.target, 100) * coalesce(a.target, 100)) / nullif(sum(coalesce(a.target, 100)), 0))::text
                else sum(a.target)::text end as target,
           case when i.kind = 'percent'
                then coalesce(sum(coalesce(f.value, 0) * coalesce(a.target, 100)) / nullif(sum(coalesce(a.target, 100)), 0), 0)::text
                else coalesce(sum(f.value), 0)::text end as value,
           sum(f.eligible)::text as eligible
    from allocations a
    join indicators i on i.id = a.indicator_id
    join projects p on p.id = i.project_id
    join plan_years py on py.id = p.plan_year_id
    left join latest f on f.indicator_id = a.indicator_id and f.region_code = a.region_code
    where p.plan_year_id in (${uuidList(planYearIds)})
    group by py.region_code, i.id, i.kind`);
  return (result as unknown as { rows: Array<AllocationTotal & { province: string }> }).rows;
}

function sameTotals(a: AllocationTotal[], b: AllocationTotal[]): boolean {
  const key = (t: AllocationTotal) =>
    [t.indicatorId, t.kind, t.children, t.reported, t.target, t.value, t.eligible].join('|');
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.length === right.length && left.every((k, i) => k === right[i]);
}

async function actorOf(database: Database, username: string): Promise<Actor> {
  const user = (await findUserByUsername(database.db, username))!;
  const grants = (await grantsOfUsers(database.db, [user.id])).get(user.id) ?? [];
  return {
    userId: user.id,
    username,
    displayName: user.displayName,
    grants: grants.map((g) => ({ role: g.role as Role, regionCode: g.regionCode, unitId: g.unitId })),
  };
}

interface ReportUseCases {
  draftReport: typeof draftReport;
  submitReport: typeof submitReport;
  approveReport: typeof approveReport;
}

/**
 * (c): the held-back months filed by a county clerk and approved by a county approver (each a user
 * with a grant for the county's unit), through the real use cases. With a second set of use cases (a
 * patched copy), a second county's reports are filed by it, interleaved report by report.
 */
async function fileHeldBackReports(database: Database, set: NationalPlanSet, variants: ReportUseCases[]) {
  const deps = createDeps(database, configFromEnv({}));
  const people = [];
  for (const [k, county] of set.heldBack.slice(0, variants.length).entries()) {
    const grant = (role: Role) => [{ role, regionCode: county.countyCode, unitId: county.unitId }];
    await createUser(deps, 'system:bench', {
      username: `bench.clerk${k}`,
      displayName: `${county.countyName}发改局填报员`,
      password: 'Bench#Clerk2023pw',
      grants: grant('dept_clerk'),
    });
    await createUser(deps, 'system:bench', {
      username: `bench.approver${k}`,
      displayName: `${county.countyName}发改局审核人`,
      password: 'Bench#Approve2023pw',
      grants: grant('dept_approver'),
    });
    people.push({
      county,
      clerk: await actorOf(database, `bench.clerk${k}`),
      approver: await actorOf(database, `bench.approver${k}`),
      draft: [] as number[],
      submit: [] as number[],
      approve: [] as number[],
    });
  }
  const count = set.heldBack[0]!.reports.length;
  for (let i = 0; i < count; i++) {
    // Alternate who goes first, so that neither variant always runs on a warmer cache.
    const order = variants.map((_, k) => k);
    if (i % 2 === 1) order.reverse();
    for (const k of order) {
      const use = variants[k]!;
      const p = people[k]!;
      const r = p.county.reports[i]!;
      let t0 = performance.now();
      const report = await use.draftReport(deps, p.clerk, r.projectId, {
        regionCode: p.county.countyCode,
        asOf: r.asOf,
        values: r.values,
        eligible: {},
        explanations: {},
        progressText: '按计划推进',
      });
      p.draft.push(performance.now() - t0);
      t0 = performance.now();
      await use.submitReport(deps, p.clerk, report.id);
      p.submit.push(performance.now() - t0);
      t0 = performance.now();
      const approved = await use.approveReport(deps, p.approver, report.id);
      p.approve.push(performance.now() - t0);
      if (approved.status !== 'approved') throw new Error(`report ${report.id} not approved`);
    }
  }
  return people.map((p) => ({
    draft: timing(p.draft),
    submit: timing(p.submit),
    approve: timing(p.approve),
  }));
}

function memoryOf(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

/** (d): the real server on the bench database, its RSS after serving the two overviews. */
async function serverMemory(
  url: string,
  province: string,
  requests: number,
  expected: AllocationTotal[],
  root?: string,
): Promise<ServerFigures> {
  const port = await freePort();
  const entry = root ? join(root, 'bin/minsheng.mjs') : bin;
  const child = startProcess([entry, 'serve'], {
    DATABASE_URL: url,
    MINSHENG_DEMO: '0',
    MINSHENG_ADMIN_PASSWORD: ADMIN_PASSWORD,
    PORT: String(port),
    HOST: '127.0.0.1',
  });
  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, 120_000);
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const rssAfterStartMb = memoryOf(child.pid!).rssMb;
    const answer = (await (
      await fetch(`${base}/api/plan-years/${province}/2023/rollup`, { headers: { cookie } })
    ).json()) as {
      indicators: Array<{ projectId: string; ref: string; kind: string; rollup: { value: number | string } }>;
    };
    const byId = new Map(expected.map((t) => [t.indicatorId, t]));
    const ids = await indicatorIds(url);
    const indicatorsDiffering = answer.indicators.filter((i) => {
      const want = byId.get(ids.get(`${i.projectId}/${i.ref}`) ?? '');
      return (
        !want ||
        Math.abs(Number(i.rollup.value) - Number(want.value)) > 1e-4 * Math.max(1, Number(want.value))
      );
    }).length;
    const hit = (path: string) =>
      load({
        url: `${base}/api/plan-years/${province}/2023/${path}`,
        headers: { cookie },
        seconds: 90,
        concurrency: 2,
        maxRequests: requests,
      });
    const rollup = await hit('rollup');
    const overview = await hit('overview');
    const mem = memoryOf(child.pid!);
    const asTiming = (r: Awaited<ReturnType<typeof load>>): Timing => ({
      runs: r.requests,
      p50: r.p50,
      p95: r.p95,
      max: r.p99,
    });
    return {
      requests: rollup.requests + overview.requests,
      errors: rollup.errors + overview.errors,
      rollup: asTiming(rollup),
      overview: asTiming(overview),
      rssAfterStartMb,
      ...mem,
      indicatorsDiffering,
      indicators: answer.indicators.length,
    };
  } finally {
    await stop(child);
  }
}

/** Indicator ids by project id and ref, to match the route's answer with allocationTotals. */
async function indicatorIds(url: string): Promise<Map<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; project_id: string; ref: string }>(
      'select id, project_id, ref from indicators',
    );
    return new Map(rows.map((r) => [`${r.project_id}/${r.ref}`, r.id]));
  } finally {
    await client.end();
  }
}

async function openBenchDatabase(kind: BenchDb, pgUrl: string) {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'msbench-progress-'));
    const database = await openDatabase({ dataDir: dir });
    return {
      database,
      url: undefined,
      drop: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `msbench_progress_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: pgUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

type Resolved = Required<Omit<ProgressBenchOptions, 'db' | 'patchedRoot'>> & { patchedRoot?: string };

async function benchOne(kind: BenchDb, options: Resolved) {
  const log = options.log;
  const loadStart = loadavg()[0]!;
  const { database, url, drop } = await openBenchDatabase(kind, options.pgUrl);
  try {
    await database.migrate();
    log(`[${kind}] generating the plan set (scale ${options.scale}) …`);
    const variants: ReportUseCases[] = [{ draftReport, submitReport, approveReport }];
    if (options.patchedRoot)
      variants.push(
        await import(
          pathToFileURL(join(options.patchedRoot, 'src/modules/progress/use-cases/reporting.ts')).href
        ),
      );
    const set = await generateNationalPlan(database, {
      scale: options.scale,
      log,
      holdBackCounties: variants.length,
    });
    log(
      `[${kind}] loaded in ${(set.loadMs.total / 1000).toFixed(1)} s; filing reports through the use cases …`,
    );
    const [workflow, patched] = await fileHeldBackReports(database, set, variants);

    const all = set.planYearIds;
    const one = [set.measuredProvince.planYearId];
    const national = await allocationTotals(database.db, all);
    const naiveAll = await naiveTotals(database, all);
    const province = await allocationTotals(database.db, one);
    const naiveOne = await naiveTotals(database, one);
    const resultsAgree =
      sameTotals(national, naiveAll) &&
      sameTotals(province, naiveOne) &&
      national.length === set.counts.indicators &&
      national.every((t) => t.reported === t.children);
    log(`[${kind}] roll-up and naive results agree: ${resultsAgree}; timing …`);

    const rollupNational = await timeRuns(options.runs, 3, () => allocationTotals(database.db, all));
    const rollupProvince = await timeRuns(options.runs, 3, () => allocationTotals(database.db, one));
    const naiveBudget = { ms: 45_000, minRuns: 5 };
    const naiveProvince = await timeRuns(options.naiveRuns, 1, () => naiveTotals(database, one), naiveBudget);
    const naiveNational = await timeRuns(options.naiveRuns, 1, () => naiveTotals(database, all), naiveBudget);

    let server: ProgressFigures['server'];
    let patchedServer: ProgressFigures['patchedServer'];
    if (kind === 'postgres' && url) {
      log(`[${kind}] server memory: up to ${options.serverRequests} requests each of rollup and overview …`);
      server = await serverMemory(url, set.measuredProvince.code, options.serverRequests, province);
      if (options.patchedRoot) {
        log(`[${kind}] the same from the patched copy at ${options.patchedRoot} …`);
        patchedServer = {
          root: options.patchedRoot,
          ...(await serverMemory(
            url,
            set.measuredProvince.code,
            options.serverRequests,
            province,
            options.patchedRoot,
          )),
        };
      }
    }
    return {
      db: kind,
      scale: options.scale,
      dataset: {
        ...set.counts,
        provinces: set.provinces.length,
        counties: set.provinces.reduce((n, p) => n + p.counties.length, 0),
        measuredProvince: `${set.measuredProvince.code} ${set.measuredProvince.name} (${set.measuredProvince.counties.length} counties)`,
      },
      loadMs: set.loadMs,
      rollupNational,
      rollupProvince,
      naiveNational,
      naiveProvince,
      ratioNational: {
        p50: naiveNational.p50 / rollupNational.p50,
        p95: naiveNational.p95 / rollupNational.p95,
      },
      ratioProvince: {
        p50: naiveProvince.p50 / rollupProvince.p50,
        p95: naiveProvince.p95 / rollupProvince.p95,
      },
      resultsAgree,
      ...workflow!,
      patchedWorkflow: patched && { root: options.patchedRoot!, ...patched },
      loadAverage: { start: loadStart, end: loadavg()[0]! },
      server,
      patchedServer,
    } satisfies ProgressFigures;
  } finally {
    await drop();
  }
}

const ms = (t: Timing) => `p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms (${t.runs} runs)`;
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');

function print(f: ProgressFigures) {
  const rollupTarget = f.db === 'postgres' ? 50 : 150;
  const d = f.dataset;
  console.log(`\n== progress roll-up on ${f.db} (scale ${f.scale}) ==`);
  console.log(
    `data: ${d.provinces} provinces, ${d.counties} counties, ${d.projects} projects, ${d.indicators} indicators, ` +
      `${d.allocations} allocations, ${d.reports} reports, ${d.reportValues} report values, ${d.latestFigures} latest figures`,
  );
  console.log(
    `load: ${(f.loadMs.total / 1000).toFixed(1)} s (regions ${f.loadMs.regions} ms and the indicator_rollups build ${f.loadMs.rollups} ms through the product; the rest ${LOAD_NOTE})`,
  );
  console.log(`roll-up and naive query give the same totals: ${f.resultsAgree ? 'yes' : 'NO'}`);
  console.log(
    `national roll-up  allocationTotals(all ${d.provinces}): ${ms(f.rollupNational)}  target p95 < ${rollupTarget}: ${mark(f.rollupNational.p95 < rollupTarget)}`,
  );
  console.log(`  naive DISTINCT ON baseline:               ${ms(f.naiveNational)}`);
  console.log(
    `  → roll-up is ${f.ratioNational.p50.toFixed(1)}× faster at p50, ${f.ratioNational.p95.toFixed(1)}× at p95 (target ≥ 5×: ${mark(f.ratioNational.p95 >= 5)})`,
  );
  console.log(
    `provincial roll-up ${d.measuredProvince}: ${ms(f.rollupProvince)}  target p95 < ${rollupTarget}: ${mark(f.rollupProvince.p95 < rollupTarget)}`,
  );
  console.log(`  naive DISTINCT ON baseline:               ${ms(f.naiveProvince)}`);
  console.log(
    `  → roll-up is ${f.ratioProvince.p50.toFixed(1)}× faster at p50, ${f.ratioProvince.p95.toFixed(1)}× at p95 (target ≥ 5×: ${mark(f.ratioProvince.p95 >= 5)})`,
  );
  console.log(`report workflow through the use cases (county clerk → county approver, triggers on):`);
  console.log(`  draftReport   ${ms(f.draft)}`);
  console.log(`  submitReport  ${ms(f.submit)}  target p95 < 20: ${mark(f.submit.p95 < 20)}`);
  console.log(`  approveReport ${ms(f.approve)}  target p95 < 20: ${mark(f.approve.p95 < 20)}`);
  if (f.patchedWorkflow) {
    const w = f.patchedWorkflow;
    console.log(`  the same through the patched copy (${w.root}), another county, interleaved:`);
    console.log(`  draftReport   ${ms(w.draft)}`);
    console.log(`  submitReport  ${ms(w.submit)}  target p95 < 20: ${mark(w.submit.p95 < 20)}`);
    console.log(`  approveReport ${ms(w.approve)}  target p95 < 20: ${mark(w.approve.p95 < 20)}`);
  }
  const server = (s: ServerFigures, label: string) => {
    console.log(`${label}, ${s.requests} requests as admin, ${s.errors} errors:`);
    console.log(
      `  GET …/rollup   p50 ${s.rollup.p50.toFixed(1)} ms, p95 ${s.rollup.p95.toFixed(1)} ms (${s.rollup.runs})`,
    );
    console.log(
      `  GET …/overview p50 ${s.overview.p50.toFixed(1)} ms, p95 ${s.overview.p95.toFixed(1)} ms (${s.overview.runs})`,
    );
    console.log(
      `  RSS after start ${s.rssAfterStartMb.toFixed(0)} MB, after the requests ${s.rssMb.toFixed(0)} MB (peak ${s.peakRssMb.toFixed(0)} MB)  target < 250: ${mark(s.rssMb < 250)}`,
    );
    console.log(
      `  …/rollup totals equal allocationTotals: ${s.indicatorsDiffering === 0 ? 'yes' : `NO, ${s.indicatorsDiffering} of ${s.indicators} indicators differ`}`,
    );
  };
  if (f.server) server(f.server, 'server (minsheng serve on PostgreSQL)');
  if (f.patchedServer) server(f.patchedServer, `patched copy (${f.patchedServer.root})`);
  console.log(
    `(1-minute load average on this machine: ${f.loadAverage.start.toFixed(1)} at start, ${f.loadAverage.end.toFixed(1)} at end, ${cpus().length} cores)`,
  );
}

export async function runProgressBench(
  options: ProgressBenchOptions = {},
): Promise<Partial<Record<BenchDb, ProgressFigures>>> {
  const which = options.db ?? 'both';
  const scale = options.scale ?? 1;
  const resolved: Resolved = {
    scale,
    runs: options.runs ?? 50,
    naiveRuns: options.naiveRuns ?? 30,
    serverRequests: options.serverRequests ?? 150,
    patchedRoot: options.patchedRoot,
    pgUrl: options.pgUrl ?? process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    log: options.log ?? ((line: string) => console.log(line)),
  };
  const out: Partial<Record<BenchDb, ProgressFigures>> = {};
  for (const kind of ['postgres', 'pglite'] as const) {
    if (which !== 'both' && which !== kind) continue;
    const t0 = performance.now();
    out[kind] = await benchOne(kind, resolved);
    print(out[kind]!);
    console.log(`(${kind} part took ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  return out;
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const db = (argument('db') ?? 'both') as BenchDb | 'both';
  if (!['pglite', 'postgres', 'both'].includes(db)) throw new Error('--db pglite|postgres|both');
  const scale = Number(argument('scale') ?? 1);
  if (!(scale > 0 && scale <= 1)) throw new Error('--scale must be in (0, 1]');
  await runProgressBench({
    db,
    scale,
    patchedRoot: argument('patched-root'),
  });
}
