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
 * process, with what it writes and the exit code it sets: for what does not need a process of its
 * own, such as the help of each command.
 */
export async function runInProcess(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
  const { run } = await import('../../src/cli/main');
  process.exitCode = undefined;
  try {
    await run(['node', 'minsheng', ...args]);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { code, out, err };
}
