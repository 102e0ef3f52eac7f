import type { Db } from '../../db/client';
import { BloomFilter } from '../../kernel/bloom-filter';
import { DAY_MS, type PhoneLedger } from './intake-limits';
import { allTrackingCodes, codesAndPhonesSince } from './suggestions.repository';

const REFRESH_MS = 60_000;
/** A row may commit a while after the time it carries (a drain, a long import): each read reaches back this far. */
const OVERLAP_MS = 5 * 60_000;

/**
 * What the public form knows without asking the database, so that a submission costs no query: every
 * tracking code in the table (in a Bloom filter: a new code that is certainly not there needs no
 * lookup; one that may be is simply drawn again) and every phone's submissions of the last 24 hours
 * (the PhoneLedger, made complete). Read once in the background when the intake starts, then every
 * minute for what staff entries, imports and other processes wrote; what the intake itself takes is
 * added at once. Until the first read is done the form asks the database, as it always did. The drain
 * still refuses a code that clashes (the set-aside file), whatever this says.
 */
export class IntakeMemory {
  private codes: BloomFilter | null = null;
  /** Codes taken while the first read ran: added once it is done. */
  private early: string[] = [];
  private lastRead = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Resolves once the first read is done (or has failed: the form then keeps asking the database). */
  readonly ready: Promise<void>;

  constructor(
    private readonly db: Db,
    private readonly phones: PhoneLedger,
    private readonly now: () => Date,
  ) {
    this.ready = this.readAll().catch((error) => {
      console.error('建议受理：读取已有查询码失败，改为逐条查询数据库：', error);
    });
  }

  /** null: not known yet, ask the database; true: it may be taken; false: it certainly is free. */
  mayBeTaken(code: string): boolean | null {
    return this.codes ? this.codes.mightHave(code) : null;
  }

  noteCode(code: string): void {
    if (!this.codes) this.early.push(code);
    else if (!this.codes.mightHave(code)) this.codes.add(code);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  private async readAll(): Promise<void> {
    const startedAt = this.now().getTime();
    // Every code, but phones only of the last day: older ones count towards no limit.
    const [all, recent] = await Promise.all([
      allTrackingCodes(this.db),
      codesAndPhonesSince(this.db, new Date(startedAt - DAY_MS - OVERLAP_MS)),
    ]);
    const codes = new BloomFilter(Math.max(100_000, all.length * 2));
    for (const code of all) if (!codes.mightHave(code)) codes.add(code);
    this.phones.merge(recent);
    this.phones.complete = true;
    this.codes = codes;
    for (const code of this.early.splice(0)) this.noteCode(code);
    this.lastRead = startedAt;
    this.schedule();
  }

  /** Reads what others wrote since the last read (done every minute on its own). */
  async catchUp(): Promise<void> {
    const startedAt = this.now().getTime();
    const rows = await codesAndPhonesSince(this.db, new Date(this.lastRead - OVERLAP_MS));
    for (const r of rows) this.noteCode(r.trackingCode);
    this.phones.merge(rows);
    this.lastRead = startedAt;
    // Grown past what the filter was sized for: read it all again, twice as big.
    if (this.codes?.full) await this.readAll();
  }

  private schedule(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.catchUp()
        .catch((error) => console.error('建议受理：刷新已有查询码失败，稍后重试：', error))
        .finally(() => this.schedule());
    }, REFRESH_MS);
    this.timer.unref();
  }
}
