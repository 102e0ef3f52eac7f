import {
  closeSync,
  fdatasync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { lockFolder } from '../../db/folder-lock';

/**
 * A durable append-only journal with group commit, for taking many small records fast and handing
 * them to the database later. `append` resolves only once the record's bytes are on disk
 * (fdatasync); every record that arrives while one write + fdatasync runs goes into the next one
 * together, so a thousand concurrent appends cost a few syncs, not a thousand.
 *
 * On disk: a folder of segments `<name>-<first seq>.log`, each a run of lines
 * `<crc32 hex> <json [seq, record]>\n`. A process opens a fresh segment each time it starts, and after
 * a failed write, so a line torn by a crash or a full disk is only ever the last line of a segment; a
 * line whose checksum does not match is skipped on replay (it was never acknowledged). `release(seq)`
 * says every record up to `seq` is safe elsewhere: segments holding nothing newer are deleted, and the
 * active segment is rotated out once it holds only released records. A lock file keeps a second
 * process off the folder.
 *
 * With `dir: null` the journal keeps nothing on disk (for a database that is itself in memory):
 * appends resolve at once, the same grouping and sequence numbers apply.
 */
export interface JournalRecord<T> {
  seq: number;
  record: T;
}

interface Segment {
  path: string;
  /** Highest sequence number written to it. */
  lastSeq: number;
  records: number;
  bytes: number;
}

interface Waiting {
  seq: number;
  line: Buffer;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

export interface JournalOptions {
  /** Folder of the segments; null keeps the journal in memory. */
  dir: string | null;
  /** Segment file prefix. */
  name: string;
  /** Rotate the active segment once it is this big and the writer moves on (default 8 MiB). */
  segmentBytes?: number;
}

const SEGMENT = /^(.+)-(\d{12})\.log$/;

function encode(seq: number, record: unknown): Buffer {
  const json = Buffer.from(JSON.stringify([seq, record]), 'utf8');
  const crc = crc32(json).toString(16).padStart(8, '0');
  return Buffer.concat([Buffer.from(`${crc} `), json, Buffer.from('\n')]);
}

/** The intact records of one segment's bytes, in order; torn or damaged lines are skipped. */
export function decodeSegment<T>(bytes: Buffer): JournalRecord<T>[] {
  const records: JournalRecord<T>[] = [];
  let start = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(0x0a, start);
    if (end < 0) break; // a last line without its newline was torn mid-write
    const line = bytes.subarray(start, end);
    start = end + 1;
    if (line.length < 10 || line[8] !== 0x20) continue;
    const json = line.subarray(9);
    if (crc32(json).toString(16).padStart(8, '0') !== line.subarray(0, 8).toString('latin1')) continue;
    try {
      const [seq, record] = JSON.parse(json.toString('utf8')) as [number, T];
      if (Number.isSafeInteger(seq)) records.push({ seq, record });
    } catch {
      // a checksum collision on garbage: skip it as well
    }
  }
  return records;
}

function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export class IntakeJournal<T> {
  private queue: Waiting[] = [];
  private flushScheduled = false;
  /** Serialises writes, syncs and rotations. */
  private tail: Promise<unknown> = Promise.resolve();
  private handle: FileHandle | null = null;
  private active: Segment | null = null;
  private readonly sealed: Segment[] = [];
  private released = 0;
  private closed = false;
  private needsRotation = false;
  private syncCount = 0;

  private constructor(
    private readonly options: JournalOptions,
    private nextSeq: number,
    private readonly unlock: () => void,
  ) {}

  /** Opens (creating) the journal and returns what earlier processes left in it, oldest first. */
  static async open<T>(
    options: JournalOptions,
  ): Promise<{ journal: IntakeJournal<T>; replay: JournalRecord<T>[] }> {
    if (!options.dir) return { journal: new IntakeJournal<T>(options, 1, () => {}), replay: [] };
    const dir = options.dir;
    mkdirSync(dir, { recursive: true });
    const unlock = lockFolder(dir, `${options.name}.lock`, `建议受理日志目录 ${dir} `);
    try {
      const replay: JournalRecord<T>[] = [];
      const segments: Segment[] = [];
      let maxSeq = 0;
      const files = readdirSync(dir)
        .map((file) => ({ file, match: SEGMENT.exec(file) }))
        .filter((f) => f.match?.[1] === options.name)
        .sort((a, b) => Number(a.match![2]) - Number(b.match![2]));
      for (const { file, match } of files) {
        const path = join(dir, file);
        const records = decodeSegment<T>(readFileSync(path));
        const lastSeq = records.at(-1)?.seq ?? 0;
        maxSeq = Math.max(maxSeq, Number(match![2]), lastSeq);
        replay.push(...records);
        segments.push({ path, lastSeq, records: records.length, bytes: 0 });
      }
      const journal = new IntakeJournal<T>(options, maxSeq + 1, unlock);
      for (const s of segments) {
        if (s.records === 0) rmSync(s.path, { force: true });
        else journal.sealed.push(s);
      }
      await journal.startSegment(journal.nextSeq);
      return { journal, replay };
    } catch (error) {
      unlock();
      throw error;
    }
  }

  /** Appends one record; resolves with its sequence number once it is on disk. */
  append(record: T): Promise<number> {
    if (this.closed) return Promise.reject(new Error('intake journal closed'));
    const seq = this.nextSeq++;
    const line = this.options.dir ? encode(seq, record) : Buffer.alloc(0);
    return new Promise((resolve, reject) => {
      this.queue.push({ seq, line, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        // After the event loop has read every request waiting, so they share this write.
        setImmediate(() => void this.exclusive(() => this.flush()));
      }
    });
  }

  /** Every record up to and including `seq` is safely elsewhere: its segment may go. */
  release(seq: number): Promise<void> {
    if (seq <= this.released) return Promise.resolve();
    this.released = seq;
    return this.exclusive(async () => {
      if (!this.options.dir || this.closed) return;
      const active = this.active!;
      if (active.records > 0 && active.lastSeq <= this.released && this.queue.length === 0)
        await this.rotate(this.nextSeq);
      this.dropReleasedSegments();
    });
  }

  /** Writes (each with its fdatasync) so far: fewer than appends when they were grouped. */
  get syncs(): number {
    return this.syncCount;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.exclusive(() => this.flush());
    this.closed = true;
    await this.exclusive(async () => {
      await this.handle?.close();
      this.handle = null;
    });
    this.unlock();
  }

  private exclusive<R>(work: () => Promise<R>): Promise<R> {
    const run = this.tail.then(work);
    this.tail = run.catch(() => {});
    return run;
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    const group = this.queue.splice(0);
    if (group.length === 0) return;
    try {
      if (this.options.dir) {
        if (this.needsRotation || this.active!.bytes >= (this.options.segmentBytes ?? 8 * 1024 * 1024))
          await this.rotate(group[0]!.seq);
        const bytes = Buffer.concat(group.map((w) => w.line));
        // The group goes to the page cache from this thread (a few kilobytes: microseconds) and only
        // the sync waits for the disk, in the thread pool: one hand-off per group instead of two.
        const fd = this.handle!.fd;
        let written = 0;
        while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
        await new Promise<void>((resolve, reject) =>
          fdatasync(fd, (error) => (error ? reject(error) : resolve())),
        );
        this.syncCount++;
        this.active!.lastSeq = group.at(-1)!.seq;
        this.active!.records += group.length;
        this.active!.bytes += bytes.length;
      }
    } catch (error) {
      // Whatever part of this group reached the file is now a torn tail: write on in a fresh segment.
      this.needsRotation = true;
      for (const w of group) w.reject(error);
      return;
    }
    for (const w of group) w.resolve(w.seq);
  }

  /** A fresh segment, named after the first sequence number it will hold. */
  private async startSegment(firstSeq: number): Promise<void> {
    const dir = this.options.dir!;
    const path = join(dir, `${this.options.name}-${String(firstSeq).padStart(12, '0')}.log`);
    this.handle = await open(path, 'a');
    syncDir(dir); // the new file's name is durable before any record in it is acknowledged
    this.active = { path, lastSeq: 0, records: 0, bytes: 0 };
    this.needsRotation = false;
  }

  private async rotate(firstSeq: number): Promise<void> {
    this.needsRotation = true; // until the new segment is open
    const old = this.active!;
    await this.handle?.close().catch(() => {});
    this.handle = null;
    if (old.records > 0 && !this.sealed.includes(old)) this.sealed.push(old);
    else rmSync(old.path, { force: true });
    await this.startSegment(firstSeq);
    this.dropReleasedSegments();
  }

  private dropReleasedSegments(): void {
    for (let i = this.sealed.length - 1; i >= 0; i--) {
      const segment = this.sealed[i]!;
      if (segment.lastSeq > this.released) continue;
      rmSync(segment.path, { force: true });
      this.sealed.splice(i, 1);
    }
  }
}
