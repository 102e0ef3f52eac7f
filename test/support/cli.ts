import { spawnSync } from 'node:child_process';
import { vi } from 'vitest';

/** `npx minsheng` as outside tools start it. */
export const BIN = new URL('../../bin/minsheng.mjs', import.meta.url).pathname;

/**
 * Options of a describe whose tests start the command: a test runs it up to five times, seconds
 * each on a quiet machine and up to twenty on a loaded one (CI has two cores for two test files).
 */
export const COMMAND_TESTS = { timeout: 180_000 };

export interface CommandResult {
  code: number | null;
  stdout: Buffer;
  out: string;
  err: string;
}

/**
 * The command line exactly as outside tools run it: a child process, its exit code and output.
 * Each run costs seconds (tsx, loading every module, opening the database): keep them for what is
 * about the command line, and run what a test only sets up in-process.
 */
export function runCommand(args: string[], env: Record<string, string | undefined>): CommandResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    encoding: 'buffer',
  });
  return {
    code: result.status,
    stdout: result.stdout,
    out: result.stdout.toString('utf8'),
    err: result.stderr.toString('utf8'),
  };
}

/**
 * The same program (`run` of src/cli/main.ts, which bin/minsheng.mjs calls) inside the test
 * process, with `env` set for the run, what it writes and the exit code it sets. A child process
 * costs seconds more (tsx, loading the modules, PGlite on a thread of its own): each file runs each
 * command once or twice through runCommand, for the process contract (exit code, output, nothing
 * left running), and every other run in-process.
 */
export async function runCommandInProcess(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<CommandResult & { code: number }> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const capture = (into: Buffer[]) => (chunk: string | Uint8Array) => {
    into.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
    return true;
  };
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(capture(out) as never);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(capture(err) as never);
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  setEnv(env);
  const { run } = await import('../../src/cli/main');
  process.exitCode = undefined;
  try {
    await run(['node', 'minsheng', ...args]);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    setEnv(saved);
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  const stdoutBytes = Buffer.concat(out);
  return {
    code,
    stdout: stdoutBytes,
    out: stdoutBytes.toString('utf8'),
    err: Buffer.concat(err).toString('utf8'),
  };
}

/** The program in-process with the test's own environment: for what needs no database, such as help. */
export const runInProcess = (args: string[]) => runCommandInProcess(args);

function setEnv(env: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}
