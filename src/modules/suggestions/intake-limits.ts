import type { Db } from '../../db/client';
import { type PlanYearRef, planYearByRegion, type WindowRow, windowOf } from './suggestions.repository';

/**
 * What the public form checks before it takes a suggestion, held in memory so that a submission
 * costs no database round trip in the common case: the plan year's solicitation window (cached a few
 * seconds, forgotten at once when staff change a window in this process) and each phone's
 * submissions of the last 24 hours (read from the database once per phone, then kept up to date by
 * this process's own intake).
 */

/** Calls `run` once for every key asked within one turn of the event loop. */
export function batched<K, V>(run: (keys: K[]) => Promise<Map<K, V>>): (key: K) => Promise<V | undefined> {
  let waiting: Array<{ key: K; resolve: (v: V | undefined) => void; reject: (e: unknown) => void }> = [];
  return (key) =>
    new Promise((resolve, reject) => {
      waiting.push({ key, resolve, reject });
      if (waiting.length > 1) return;
      setImmediate(async () => {
        const batch = waiting;
        waiting = [];
        try {
          const found = await run([...new Set(batch.map((w) => w.key))]);
          for (const w of batch) w.resolve(found.get(w.key));
        } catch (error) {
          for (const w of batch) w.reject(error);
        }
      });
    });
}

export interface OpenWindow {
  planYear?: PlanYearRef;
  window?: WindowRow;
}

/** Long enough to spare the database under a flood, short enough for a change by another process. */
const WINDOW_TTL_MS = 5_000;
const windowCaches = new WeakMap<Db, Map<string, { at: number; value: Promise<OpenWindow> }>>();

/** The plan year of a region and year and its solicitation window, as the public form checks it. */
export function cachedWindow(db: Db, regionCode: string, year: number): Promise<OpenWindow> {
  let cache = windowCaches.get(db);
  if (!cache) {
    cache = new Map();
    windowCaches.set(db, cache);
  }
  const key = `${regionCode}:${year}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < WINDOW_TTL_MS) return hit.value;
  const value = (async () => {
    const planYear = await planYearByRegion(db, regionCode, year);
    return { planYear, window: planYear ? await windowOf(db, planYear.id) : undefined };
  })();
  const slot = { at: Date.now(), value };
  if (cache.size > 1000) cache.clear();
  cache.set(key, slot);
  value.catch(() => cache.get(key) === slot && cache.delete(key));
  return value;
}

/** Staff changed a window: the next submission reads it again. */
export function forgetWindows(db: Db): void {
  windowCaches.delete(db);
}

export const DAY_MS = 86_400_000;

interface PhoneRecord {
  /** Tracking code → submitted at (ms): a set, so the database's rows and ours never count twice. */
  codes: Map<string, number>;
  loadedAt: number;
}

export type RecentLoader = (
  phones: string[],
  since: Date,
) => Promise<Array<{ phone: string; trackingCode: string; createdAt: Date }>>;

/**
 * Each phone's submissions of the last 24 hours. A phone is read from the database the first time it
 * is seen (and again after `refreshMs`, for what other processes took); what this process takes is
 * noted at once. Rows are keyed by tracking code, so a re-read merges instead of double counting.
 * Once `complete`, the intake has given it every phone's rows of the day and keeps giving it the new
 * ones (SuggestionIntake's memory): a phone it does not hold has none, and nothing is read per phone.
 */
export class PhoneLedger {
  private readonly phones = new Map<string, PhoneRecord>();
  complete = false;
  private readonly read: (phone: string) => Promise<PhoneRecord | undefined>;
  private swept = Date.now();

  constructor(
    load: RecentLoader,
    private readonly now: () => Date,
    private readonly refreshMs = 60_000,
  ) {
    this.read = batched(async (phones: string[]) => {
      const loadedAt = Date.now();
      const rows = await load(phones, new Date(this.now().getTime() - DAY_MS));
      for (const phone of phones) this.record(phone).loadedAt = loadedAt;
      for (const r of rows) this.record(r.phone).codes.set(r.trackingCode, r.createdAt.getTime());
      return new Map(phones.map((p) => [p, this.record(p)]));
    });
  }

  /** Reads the phone from the database unless it was read lately. */
  async ensureFresh(phone: string): Promise<void> {
    this.sweep();
    if (this.complete) return;
    const known = this.phones.get(phone);
    if (known && Date.now() - known.loadedAt < this.refreshMs) return;
    await this.read(phone);
  }

  /** Submissions from this phone in the 24 hours before `at`. */
  count(phone: string, at: number): number {
    const known = this.phones.get(phone);
    if (!known) return 0;
    let n = 0;
    for (const t of known.codes.values()) if (t > at - DAY_MS) n++;
    return n;
  }

  /** Rows read from the table (merged by code: a row read twice counts once). */
  merge(rows: ReadonlyArray<{ phone: string | null; trackingCode: string; createdAt: Date }>): void {
    const since = this.now().getTime() - DAY_MS;
    for (const r of rows)
      if (r.phone && r.createdAt.getTime() > since) this.note(r.phone, r.trackingCode, r.createdAt.getTime());
  }

  note(phone: string, code: string, at: number): void {
    this.record(phone).codes.set(code, at);
  }

  forget(phone: string, code: string): void {
    this.phones.get(phone)?.codes.delete(code);
  }

  private record(phone: string): PhoneRecord {
    let known = this.phones.get(phone);
    if (!known) {
      known = { codes: new Map(), loadedAt: 0 };
      this.phones.set(phone, known);
    }
    return known;
  }

  /** Once a minute, phones with nothing in the last 24 hours are let go (read again if they return). */
  private sweep(): void {
    if (Date.now() - this.swept < 60_000) return;
    this.swept = Date.now();
    const at = this.now().getTime();
    for (const [phone, known] of this.phones)
      if (this.count(phone, at) === 0 && (this.complete || Date.now() - known.loadedAt >= this.refreshMs))
        this.phones.delete(phone);
  }
}
