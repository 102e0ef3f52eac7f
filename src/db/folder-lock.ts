import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One process per folder: `<folder>/<file>` holds the pid of the process that has the folder open,
 * created with O_EXCL. A lock left by a dead process (kill -9, power cut) is taken over. Returns the
 * release function (removes the file only while it is still ours). `describe` names the folder in the
 * refusal, `opener` what holds it. Used for the embedded database's folder and for the suggestion intake journal.
 */
export function lockFolder(folder: string, file: string, describe: string, opener = ''): () => void {
  const registry = globalThis as Record<symbol, Set<string> | undefined>;
  const openDirs = Symbol.for('minsheng.pglite.openDirs');
  if (!registry[openDirs]) registry[openDirs] = new Set<string>();
  const held = registry[openDirs];
  const lockPath = join(folder, file);
  const inUse = (by: string) =>
    new Error(
      `${describe}正被${by}使用（in use）：${opener}同一时间只能由一个进程打开。` +
        `请先停止该进程；若确认它已不在运行，删除 ${lockPath} 后重试。`,
    );
  if (held.has(lockPath)) throw inUse('本进程');
  const token = `${process.pid}\n${new Date().toISOString()}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(lockPath, token, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 2) throw error;
    }
    let holder = Number.NaN;
    try {
      holder = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    } catch {
      continue; // removed meanwhile: try again
    }
    let alive = !Number.isInteger(holder) || holder <= 0; // unreadable: assume someone has it
    if (!alive && holder !== process.pid) {
      try {
        process.kill(holder, 0);
        alive = true;
      } catch (error) {
        alive = (error as NodeJS.ErrnoException).code === 'EPERM';
      }
      // A killed holder not yet reaped by its parent (a zombie) still answers kill(pid, 0).
      try {
        if (alive && /^\d+ \(.*\) [ZX]/s.test(readFileSync(`/proc/${holder}/stat`, 'utf8'))) alive = false;
      } catch {
        // no /proc: trust kill(pid, 0)
      }
    }
    if (alive) throw inUse(Number.isInteger(holder) ? `进程 ${holder} ` : '另一进程');
    rmSync(lockPath, { force: true });
  }
  held.add(lockPath);
  return () => {
    held.delete(lockPath);
    try {
      if (readFileSync(lockPath, 'utf8') === token) rmSync(lockPath, { force: true });
    } catch {
      // already gone
    }
  };
}
