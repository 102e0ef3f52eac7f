/**
 * A real `minsheng serve` process with a vote ready to take ballots, set up the way the office does
 * it, over HTTP: the coordinator signs in, imports the official Qinshui candidate list, creates a
 * session, loads a roll, opens it and checks every deputy in (each check-in hands out one token).
 * Shared by the voting benchmark and the killed-server durability test.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort, profileFlags, startProcess, waitForHealth } from './spawn';

const bin = new URL('../../bin/minsheng.mjs', import.meta.url).pathname;
const fixture = new URL('../../../shared/fixtures/qinshui-2023-candidates.tsv', import.meta.url).pathname;
export const DEMO_PASSWORD = 'Minsheng#2023';
export const ADMIN_PASSWORD = 'Bench#Root2023pw';

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  base: string;
}

/** `minsheng serve` on a free port; `env` chooses the database (MINSHENG_DATA_DIR or DATABASE_URL). */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = startProcess([...profileFlags(), bin, 'serve'], {
    MINSHENG_ADMIN_PASSWORD: ADMIN_PASSWORD,
    DATABASE_URL: '',
    HOST: '127.0.0.1',
    ...env,
    PORT: String(port),
  });
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) => reject(new Error(`server exited (code ${code}, signal ${signal})`))),
  );
  exited.catch(() => {});
  await Promise.race([waitForHealth(`${base}/api/health`, 120_000), exited]);
  return { child, port, base };
}

export interface Signed {
  cookie: string;
  csrf: string;
}

export async function signIn(
  base: string,
  username = 'qinshui.coord',
  password = DEMO_PASSWORD,
): Promise<Signed> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: (await response.json()).csrfToken };
}

/** A signed-in JSON call that throws on any non-2xx answer. */
// biome-ignore lint/suspicious/noExplicitAny: answers of many routes, read by tests and the bench as JSON
export async function api<T = any>(
  base: string,
  who: Signed,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      cookie: who.cookie,
      'x-csrf-token': who.csrf,
      ...(body instanceof FormData || body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

export interface PreparedVote {
  sessionId: string;
  candidateIds: string[];
  seats: number;
  tokens: string[];
  coordinator: Signed;
}

/** Runs `jobs` with at most `concurrency` at a time, keeping their order. */
export async function inParallel<T>(concurrency: number, jobs: Array<() => Promise<T>>): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

/** Imports the list (once per plan year), creates and opens a session with `roll` deputies, all checked in. */
export async function prepareVote(
  base: string,
  options: { roll: number; seats?: number },
): Promise<PreparedVote> {
  const coordinator = await signIn(base);
  const existing = await api(base, coordinator, 'GET', '/api/plan-years/140521/2024/candidates');
  if (existing.items.length === 0) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(readFileSync(fixture))]), 'list.tsv');
    await api(base, coordinator, 'POST', '/api/plan-years/140521/2024/candidates/import', form);
    // The list goes to the vote only after 政府常务会 and then 党委常委会 approved it.
    for (const [meeting, heldOn] of [
      ['government', '2024-01-08'],
      ['party', '2024-01-12'],
    ])
      await api(base, coordinator, 'POST', '/api/plan-years/140521/2024/candidates/reviews', {
        meeting,
        heldOn,
        decision: 'approved',
      });
  }
  const seats = options.seats ?? 12;
  const session = await api(base, coordinator, 'POST', '/api/plan-years/140521/2024/voting-sessions', {
    congress: '沁水县第十七届人民代表大会',
    sitting: '第四次会议',
    seats,
  });
  const deputies = Array.from({ length: options.roll }, (_, i) => ({
    name: `代表${String(i + 1).padStart(4, '0')}`,
    delegation: `第${Math.floor(i / 20) + 1}代表团`,
  }));
  await api(base, coordinator, 'PUT', `/api/voting-sessions/${session.id}/roll`, { deputies });
  await api(base, coordinator, 'POST', `/api/voting-sessions/${session.id}/open`);
  const roll = await api(base, coordinator, 'GET', `/api/voting-sessions/${session.id}/roll`);
  const tokens = await inParallel<string>(
    8,
    roll.items.map(
      (d: { id: string }) => async () =>
        (
          await api(base, coordinator, 'POST', `/api/voting-sessions/${session.id}/check-ins`, {
            deputyId: d.id,
          })
        ).token as string,
    ),
  );
  return {
    sessionId: session.id,
    candidateIds: session.candidates.map((c: { id: string }) => c.id),
    seats,
    tokens,
    coordinator,
  };
}

/** The i-th deputy's choices: 赞成 for `seats` candidates starting at a place that moves with i, 反对 for the rest. */
export function marksOf(candidateIds: readonly string[], seats: number, i: number): Record<string, string> {
  const n = candidateIds.length;
  const yes = new Set(Array.from({ length: seats }, (_, k) => (i + k) % n));
  return Object.fromEntries(candidateIds.map((id, k) => [id, yes.has(k) ? 'yes' : 'no']));
}

export function ballotBody(vote: PreparedVote, i: number): string {
  return JSON.stringify({ token: vote.tokens[i], marks: marksOf(vote.candidateIds, vote.seats, i) });
}
