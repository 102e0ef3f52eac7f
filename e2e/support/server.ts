import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_PASSWORD, pgliteDataDir } from '../../test/support/databases';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The administrator's password of a journey's server (passes the server's password rules: 10+
 * chars, three classes, not containing "admin"); the demo template's, so that a copy of it is what
 * `serve` would have made of an empty folder.
 */
export { ADMIN_PASSWORD };
/** The demo accounts' password (src/seed/demo-data.ts). */
export const DEMO_PASSWORD = 'Minsheng#2023';

export interface RunningServer {
  url: string;
  dataDir: string;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/** The journeys test the built UI the server really serves, never a dev server. */
export function assertWebBuilt(): void {
  if (!existsSync(join(REPO_ROOT, 'dist/web/index.html'))) {
    throw new Error(
      'dist/web/index.html 不存在：端到端测试需要先构建前端（npx vite build；npm test 会先构建）。',
    );
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * `node bin/minsheng.mjs serve` on a free port with a fresh embedded database (demo data loaded),
 * ready once GET /api/health answers. The database is a copy of this run's demo template, which
 * `serve` migrates and seeds as it does on every start (nothing left to do), unless `emptyFolder`
 * asks for what a new installation starts with: `serve` then migrates and loads the demo itself,
 * some twenty seconds more.
 */
export async function startServer(
  options: { env?: Record<string, string>; timeoutMs?: number; emptyFolder?: boolean } = {},
) {
  assertWebBuilt();
  const port = await freePort();
  const dataDir = options.emptyFolder
    ? mkdtempSync(join(tmpdir(), 'minsheng-e2e-'))
    : await pgliteDataDir('demo');
  let output = '';
  const child = spawn(process.execPath, ['bin/minsheng.mjs', 'serve'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      // Each journey gets its own fresh embedded database, never the PostgreSQL that CI's DATABASE_URL
      // names: journeys sharing one database see each other's votes and ratings.
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      MINSHENG_DATA_DIR: dataDir,
      MINSHENG_ADMIN_PASSWORD: ADMIN_PASSWORD,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(killer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`服务启动失败（退出码 ${child.exitCode}）：\n${output}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`服务在规定时间内未就绪：\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, dataDir, output: () => output, stop } satisfies RunningServer;
}
