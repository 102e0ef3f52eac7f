import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder where this run keeps its database templates (test/support/global-setup.ts). */
    testTemplatesDir: string;
    /** Names this run's PostgreSQL template databases (`mtpl_<runId>_…`), dropped at the end. */
    testRunId: string;
  }
}

/**
 * Built once per test run, shared by every test file: a fresh PGlite costs seconds of initdb, the
 * demo seed several more, and test files run in separate processes. The first file to need a
 * template builds it under a lock (an atomic mkdir); the others wait for it and copy it.
 */
export interface TemplateRun {
  dir: string;
  runId: string;
}

let fallback: TemplateRun | undefined;

export function templateRun(): TemplateRun {
  let dir: string | undefined;
  let runId: string | undefined;
  try {
    dir = inject('testTemplatesDir');
    runId = inject('testRunId');
  } catch {
    // outside a vitest worker: templates of this process only
  }
  if (dir && runId) return { dir, runId };
  fallback ??= { dir: mkdtempSync(join(tmpdir(), 'ms-templates-')), runId: `p${process.pid}` };
  return fallback;
}

const WAIT_MS = 600_000;

/**
 * The folder of the template `name`, built by `build(folder)` the first time any test file of
 * this run asks. A failed build is reported to every file that waits on it; one whose builder was
 * killed (a timeout, a crash) is built again by a file that waits on it.
 */
export async function templateFolder(
  name: string,
  build: (folder: string) => Promise<void>,
): Promise<string> {
  const { dir } = templateRun();
  const ready = join(dir, name);
  const failed = join(dir, `${name}.failed`);
  const lock = join(dir, `${name}.lock`);
  if (existsSync(ready)) return ready;
  if (takeLock(lock)) {
    const building = join(dir, `${name}.building`);
    rmSync(building, { recursive: true, force: true });
    mkdirSync(building);
    try {
      await build(building);
      renameSync(building, ready);
    } catch (error) {
      writeFileSync(failed, error instanceof Error ? (error.stack ?? error.message) : String(error));
      throw error;
    }
    return ready;
  }
  const deadline = Date.now() + WAIT_MS;
  while (!existsSync(ready)) {
    if (existsSync(failed))
      throw new Error(`template ${name} failed to build:\n${readFileSync(failed, 'utf8')}`);
    if (Date.now() > deadline) throw new Error(`template ${name} not built within ${WAIT_MS / 1000} s`);
    if (!holderAlive(lock)) {
      // One waiter takes over (an atomic rename); the others go on waiting for it.
      try {
        renameSync(lock, `${lock}.dead-${process.pid}`);
      } catch {
        // another waiter took it over
      }
      return templateFolder(name, build);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return ready;
}

/** An atomic mkdir, with the pid of the process that builds inside. */
function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  writeFileSync(join(lock, 'pid'), String(process.pid));
  return true;
}

function holderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    return true; // just taken: the pid is not written yet
  }
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
