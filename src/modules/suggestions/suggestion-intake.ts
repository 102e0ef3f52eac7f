import { randomBytes } from 'node:crypto';
import { appendFileSync, closeSync, fsyncSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../db/client';
import { DomainError } from '../../kernel/errors';
import { withoutNul } from '../../kernel/nul-characters';
import type { AppDeps } from '../../server/deps';
import { IntakeJournal, type JournalRecord } from './intake-journal';
import { batched, PhoneLedger } from './intake-limits';
import { IntakeMemory } from './intake-memory';
import { trackingCode } from './suggestion-sheet.rules';
import { type PlanYearRef, recentByPhones, suggestionsByCodes } from './suggestions.repository';
import { PHONE_DAILY_LIMIT } from './triage.rules';
import { drainJournaledSuggestions, type JournaledSuggestion } from './use-cases/intake-drain';

/**
 * The public form's fast path: a resident's suggestion is acknowledged once it is in the intake
 * journal on disk (group commit, see intake-journal.ts), and a background drainer moves the journal
 * into the `suggestions` table in batches of one transaction each, at most `intakeDrainMs` (100 ms,
 * MINSHENG_INTAKE_DRAIN_MS) after it was acknowledged. Until
 * then the suggestion answers by its tracking code from memory, counts towards its phone's daily
 * limit, and staff reads wait for the drain (`settleIntake`), so nobody sees it missing.
 *
 * Where the journal lives: MINSHENG_INTAKE_DIR if set; else `<data folder>/intake` beside the
 * embedded database (the folder's lock keeps it to one process); in memory when the embedded database
 * is itself in memory (tests: nothing of it survives the process anyway). On PostgreSQL without
 * MINSHENG_INTAKE_DIR there is no journal: the server may have no lasting local disk, and several
 * instances may serve one database, so submissions go straight to the database (submitSuggestion).
 */
/** Up to this many per transaction: a backlog drains in few commits (each one an fsync on PGlite). */
const DRAIN_BATCH = 2000;
const RETRY_MS = 1_000;

const running = new WeakMap<Db, SuggestionIntake>();

export function intakeOf(db: Db): SuggestionIntake | undefined {
  return running.get(db);
}

/** Staff reads call this first: every acknowledged suggestion is in the table when it returns. */
export async function settleIntake(db: Db): Promise<void> {
  await running.get(db)?.settle();
}

/** The journal's folder, null for one in memory, undefined for none (straight to the database). */
export function intakeFolder(
  deps: Pick<AppDeps, 'config' | 'dbKind' | 'dataDir'>,
): string | null | undefined {
  if (deps.config.intakeDir) return deps.config.intakeDir;
  if (deps.dbKind !== 'pglite') return undefined;
  return deps.dataDir ? join(deps.dataDir, 'intake') : null;
}

/** Opens the journal, takes back what a previous process left in it and starts draining. */
export async function startSuggestionIntake(deps: AppDeps): Promise<SuggestionIntake | undefined> {
  const existing = running.get(deps.db);
  if (existing) return existing;
  const dir = intakeFolder(deps);
  if (dir === undefined) return undefined;
  const { journal, replay } = await IntakeJournal.open<JournaledSuggestion>({ dir, name: 'suggestions' });
  const intake = new SuggestionIntake(deps, journal, dir);
  intake.takeBack(replay);
  running.set(deps.db, intake);
  return intake;
}

export interface IntakeReceipt {
  trackingCode: string;
  submittedAt: string;
  regionName: string;
  year: number;
}

export interface IntakeSubmission {
  field: string | null;
  text: string;
  name: string | null;
  phone: string | null;
}

export class SuggestionIntake {
  /** By tracking code: taken by a submission being written, or acknowledged and not yet drained. */
  private readonly pending = new Map<string, JournaledSuggestion>();
  /** Acknowledged, waiting for the drainer, in journal order. */
  private queue: JournalRecord<JournaledSuggestion>[] = [];
  private draining: Promise<boolean> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  readonly phones: PhoneLedger;
  /** Codes and phones known without a query, once read (see intake-memory.ts). */
  readonly memory: IntakeMemory;
  private readonly codeTaken: (code: string) => Promise<true | undefined>;

  constructor(
    private readonly deps: AppDeps,
    private readonly journal: IntakeJournal<JournaledSuggestion>,
    private readonly dir: string | null,
  ) {
    this.phones = new PhoneLedger((phones, since) => recentByPhones(deps.db, phones, since), deps.now);
    this.codeTaken = batched(async (codes: string[]) => {
      const rows = await suggestionsByCodes(deps.db, codes);
      return new Map(rows.map((r) => [r.trackingCode, true as const]));
    });
    this.memory = new IntakeMemory(deps.db, this.phones, deps.now);
  }

  /** A suggestion for an open window: on disk when this resolves, in the table a moment later. */
  async receive(planYear: PlanYearRef, input: IntakeSubmission, now: Date): Promise<IntakeReceipt> {
    const at = now.getTime();
    let entry: JournaledSuggestion | undefined;
    for (let attempt = 0; attempt < 5 && !entry; attempt++) {
      const code = trackingCode(randomCodeBytes());
      // The phone's count and the code's use are read together (each batched with other requests').
      // Once the memory is read, neither needs the database (a code that may be taken is drawn again).
      const known = this.pending.has(code) || this.memory.mayBeTaken(code);
      const [, taken] = await Promise.all([
        input.phone ? this.phones.ensureFresh(input.phone) : undefined,
        known ?? this.codeTaken(code),
      ]);
      if (taken || this.pending.has(code)) continue;
      // From here to the journal write nothing waits: the phone's count and the code are taken at once.
      if (input.phone) {
        if (this.phones.count(input.phone, at) >= PHONE_DAILY_LIMIT) throw phoneLimitReached();
        this.phones.note(input.phone, code, at);
      }
      entry = {
        trackingCode: code,
        planYearId: planYear.id,
        regionCode: planYear.regionCode,
        regionName: planYear.regionName,
        year: planYear.year,
        field: input.field,
        text: input.text,
        name: input.name,
        phone: input.phone,
        submittedAt: now.toISOString(),
      };
      this.pending.set(code, entry);
    }
    if (!entry) throw new DomainError('CONFLICT');
    let seq: number;
    try {
      seq = await this.journal.append(entry);
    } catch (error) {
      this.pending.delete(entry.trackingCode);
      if (input.phone) this.phones.forget(input.phone, entry.trackingCode);
      throw error;
    }
    this.memory.noteCode(entry.trackingCode);
    this.queue.push({ seq, record: entry });
    this.scheduleDrain(this.deps.config.intakeDrainMs);
    return {
      trackingCode: entry.trackingCode,
      submittedAt: entry.submittedAt,
      regionName: entry.regionName,
      year: entry.year,
    };
  }

  /** An acknowledged suggestion not yet in the table. */
  find(code: string): JournaledSuggestion | undefined {
    return this.pending.get(code);
  }

  /** Whether a tracking code is held here (staff entry must not hand it out again). */
  holds(code: string): boolean {
    return this.pending.has(code);
  }

  /** Resolves once everything acknowledged before the call is in the table (or a drain failed). */
  async settle(): Promise<void> {
    const target = this.queue.at(-1)?.seq;
    if (target === undefined) return;
    while (!this.closed && this.queue.length > 0 && this.queue[0]!.seq <= target) {
      if (!(await this.drain())) return;
    }
  }

  /** Drains what is left and closes the journal (a later start replays anything still in it). */
  async close(): Promise<void> {
    if (this.closed) return;
    clearTimeout(this.timer);
    await this.settle();
    this.closed = true;
    clearTimeout(this.timer);
    this.memory.close();
    await this.memory.ready;
    await this.draining;
    await this.journal.close();
    if (running.get(this.deps.db) === this) running.delete(this.deps.db);
  }

  /** Records a previous process left in the journal: pending again, drained first. */
  takeBack(records: JournalRecord<JournaledSuggestion>[]): void {
    for (const r of records) {
      // Acknowledged before U+0000 was refused at the edge: the table cannot hold it, so it goes.
      r.record = {
        ...r.record,
        text: withoutNul(r.record.text),
        name: r.record.name === null ? null : withoutNul(r.record.name),
      };
      this.pending.set(r.record.trackingCode, r.record);
      if (r.record.phone)
        this.phones.note(r.record.phone, r.record.trackingCode, new Date(r.record.submittedAt).getTime());
    }
    this.queue.push(...records);
    if (records.length > 0) this.scheduleDrain(0);
  }

  private scheduleDrain(delay: number): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.drain();
    }, delay);
    this.timer.unref();
  }

  /** One batch into the table; true when it went in (or nothing was waiting). */
  private drain(): Promise<boolean> {
    if (this.draining) return this.draining;
    if (this.closed) return Promise.resolve(false);
    const run = (async () => {
      const batch = this.queue.slice(0, DRAIN_BATCH);
      if (batch.length === 0) return true;
      try {
        const outcome = await drainJournaledSuggestions(
          this.deps.db,
          batch.map((r) => r.record),
        );
        if (outcome.clashes.length > 0) this.setAside(outcome.clashes);
      } catch (error) {
        console.error(`建议受理日志写入数据库失败：${failureOf(error)}`);
        if (!(await this.drainOneByOne(batch))) {
          console.error('建议受理：稍后重试');
          this.scheduleDrain(RETRY_MS);
          return false;
        }
      }
      this.queue.splice(0, batch.length);
      for (const r of batch) this.pending.delete(r.record.trackingCode);
      try {
        await this.journal.release(batch.at(-1)!.seq);
      } catch (error) {
        // Only the clean-up failed: the segments stay and a later start skips what is in the table.
        console.error('建议受理日志清理失败：', error);
      }
      // The next batch after the interval even with a backlog: fewer, larger transactions cost less per
      // suggestion (on PGlite each commit is an fsync).
      if (this.queue.length > 0) this.scheduleDrain(this.deps.config.intakeDrainMs);
      return true;
    })();
    this.draining = run;
    void run.finally(() => {
      if (this.draining === run) this.draining = null;
    });
    return run;
  }

  /**
   * After a batch failed: each record on its own, so that one the table refuses (a poison record)
   * cannot hold up every suggestion behind it. It is set aside beside the journal, with the reason,
   * for the operator. When the database does not answer, or refuses every record alike, the fault is
   * not in the records: false, and the batch waits for the retry whole.
   */
  private async drainOneByOne(batch: JournalRecord<JournaledSuggestion>[]): Promise<boolean> {
    const refused: Array<{ record: JournaledSuggestion; reason: string }> = [];
    for (const { record } of batch) {
      try {
        const outcome = await drainJournaledSuggestions(this.deps.db, [record]);
        if (outcome.clashes.length > 0) this.setAside(outcome.clashes);
      } catch (error) {
        refused.push({ record, reason: failureOf(error) });
      }
    }
    if (refused.length === batch.length) return false;
    if (refused.length > 0) {
      console.error(`建议受理：${refused.length} 条建议无法写入数据库，已另存待人工处理`);
      this.setAside(refused.map(({ record, reason }) => ({ ...record, refusedBecause: reason })));
    }
    return true;
  }

  /**
   * A tracking code already in the table for another suggestion (a staff entry or another instance took
   * it between our check and the drain): kept in a file beside the journal for the operator, never
   * dropped silently.
   */
  private setAside(clashes: Array<JournaledSuggestion & { refusedBecause?: string }>): void {
    const lines = clashes.map((c) => `${JSON.stringify(c)}\n`).join('');
    console.error(`建议受理：${clashes.length} 条建议的查询码与已有建议重复，已另存待人工处理`);
    if (!this.dir) {
      console.error(lines);
      return;
    }
    const path = join(this.dir, 'suggestions.set-aside.jsonl');
    appendFileSync(path, lines);
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

/** Random bytes for codes, drawn 512 codes at a time: one call into the system's generator per request cost more than the rest of the code. */
let randomPool = Buffer.alloc(0);
function randomCodeBytes(): Buffer {
  if (randomPool.length < 8) randomPool = randomBytes(4096);
  const bytes = randomPool.subarray(0, 8);
  randomPool = randomPool.subarray(8);
  return bytes;
}

/** The database's own reason, without the query's parameters (a resident's name and phone). */
function failureOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return (cause instanceof Error ? cause.message : String(cause)).split('\n')[0]!;
}

export function phoneLimitReached(): DomainError {
  return new DomainError('SUGGESTION_PHONE_LIMIT', {
    field: 'phone',
    message: `同一电话号码 24 小时内最多提交 ${PHONE_DAILY_LIMIT} 条建议，您已达到上限，请明天再提交`,
  });
}
