import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeSegment, IntakeJournal } from './intake-journal';

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'intake-journal-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Note {
  n: number;
  text: string;
}
const open = (dir: string | null) => IntakeJournal.open<Note>({ dir, name: 'notes' });
const segments = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.log'));
const onDisk = (dir: string) =>
  segments(dir).flatMap((f) => decodeSegment<Note>(readFileSync(join(dir, f))).map((r) => r.record.n));

describe('the intake journal', () => {
  it('writes what arrives together in one write and one fdatasync, and acknowledges it on disk', async () => {
    const dir = freshDir();
    const { journal, replay } = await open(dir);
    expect(replay).toEqual([]);
    const seqs = await Promise.all(
      Array.from({ length: 200 }, (_, n) => journal.append({ n, text: `建议 ${n}` })),
    );
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(journal.syncs).toBe(1);
    expect(onDisk(dir)).toEqual(Array.from({ length: 200 }, (_, n) => n));

    // What arrives while a write runs goes into the next one, together.
    const first = journal.append({ n: 200, text: '先到' });
    await new Promise((resolve) => setImmediate(resolve)); // the first write has started
    const during = Array.from({ length: 50 }, (_, i) => journal.append({ n: 201 + i, text: '随后' }));
    await Promise.all([first, ...during]);
    expect(journal.syncs).toBe(3);
    await journal.close();
  });

  it('replays what was not released, in order, and numbers on after it', async () => {
    const dir = freshDir();
    const a = await open(dir);
    await Promise.all([1, 2, 3].map((n) => a.journal.append({ n, text: '甲' })));
    await a.journal.close();
    const b = await open(dir);
    expect(b.replay.map((r) => [r.seq, r.record.n])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(await b.journal.append({ n: 4, text: '乙' })).toBe(4);
    await b.journal.close();
    const c = await open(dir);
    expect(c.replay.map((r) => r.record.n)).toEqual([1, 2, 3, 4]);
    await c.journal.close();
  });

  it('deletes what was released and keeps the rest', async () => {
    const dir = freshDir();
    const a = await open(dir);
    await Promise.all([1, 2, 3].map((n) => a.journal.append({ n, text: '甲' })));
    await a.journal.release(3); // all of the active segment: rotated out and deleted
    expect(onDisk(dir)).toEqual([]);
    await Promise.all([4, 5].map((n) => a.journal.append({ n, text: '乙' })));
    await a.journal.release(4); // 5 is still waiting: its segment stays
    await a.journal.close();
    const b = await open(dir);
    expect(b.replay.map((r) => r.record.n)).toEqual([4, 5]);
    await b.journal.release(b.replay.at(-1)!.seq);
    expect(onDisk(dir)).toEqual([]);
    await b.journal.close();
    const c = await open(dir);
    expect(c.replay).toEqual([]);
    await c.journal.close();
  });

  it('ignores a line torn by a crash and a damaged one, and writes on after them', async () => {
    const dir = freshDir();
    const a = await open(dir);
    await Promise.all([1, 2].map((n) => a.journal.append({ n, text: '完整' })));
    await a.journal.close();
    const [segment] = segments(dir);
    const path = join(dir, segment!);
    // A bit flipped in the second line, then half a line with no newline (the crash).
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[1] = lines[1]!.replace('完整', '残缺');
    writeFileSync(path, lines.join('\n'));
    appendFileSync(path, '0badc0de [3,{"n":3,"te');
    const b = await open(dir);
    expect(b.replay.map((r) => r.record.n)).toEqual([1]);
    await b.journal.append({ n: 4, text: '之后' });
    await b.journal.close();
    const c = await open(dir);
    expect(c.replay.map((r) => r.record.n)).toEqual([1, 4]);
    await c.journal.close();
  });

  it('loses nothing acknowledged when its process is killed mid-stream', async () => {
    const dir = freshDir();
    const script = join(dir, 'writer.mjs');
    const journalModule = new URL('./intake-journal.ts', import.meta.url).pathname;
    writeFileSync(
      script,
      `import { IntakeJournal } from ${JSON.stringify(journalModule)};
const { journal } = await IntakeJournal.open({ dir: ${JSON.stringify(join(dir, 'j'))}, name: 'notes' });
let n = 0;
const worker = async () => { for (;;) { const i = n++; await journal.append({ n: i, text: 'x'.repeat(i % 50) }); process.stdout.write(i + '\\n'); } };
for (let w = 0; w < 16; w++) void worker();
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acked: number[] = [];
    let buffered = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const parts = buffered.split('\n');
        buffered = parts.pop()!;
        acked.push(...parts.map(Number));
        if (acked.length >= 2000 && child.exitCode === null) child.kill('SIGKILL');
      });
      child.once('exit', () => resolve());
    });
    expect(acked.length).toBeGreaterThanOrEqual(2000);
    const { journal, replay } = await IntakeJournal.open<Note>({ dir: join(dir, 'j'), name: 'notes' });
    const replayed = new Set(replay.map((r) => r.record.n));
    expect(acked.filter((n) => !replayed.has(n))).toEqual([]);
    expect(new Set(replay.map((r) => r.seq)).size).toBe(replay.length);
    await journal.close();
  }, 60_000);

  it('keeps one process per folder', async () => {
    const dir = freshDir();
    const a = await open(dir);
    await expect(open(dir)).rejects.toThrow(/使用/);
    await a.journal.close();
    const b = await open(dir);
    await b.journal.close();
  });

  it('in memory: numbers and acknowledges without a file', async () => {
    const { journal } = await open(null);
    expect(
      await Promise.all([journal.append({ n: 1, text: '' }), journal.append({ n: 2, text: '' })]),
    ).toEqual([1, 2]);
    await journal.release(2);
    await journal.close();
  });
});
