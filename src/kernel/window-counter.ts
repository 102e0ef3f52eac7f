/**
 * Requests counted per key in fixed windows, in the process: what the in-memory rate limits of the
 * public endpoints (ballots, survey answers) count with. Past `sweepAbove` keys, expired ones are
 * dropped, so a flood of new keys cannot grow it without end.
 */
export class WindowCounter {
  private readonly counts = new Map<string, { n: number; resetAt: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly sweepAbove = 100_000,
  ) {}

  /** Counts one request of `key` at `now`; false when it is over `limit` in the current window. */
  hit(key: string, limit: number, now: number): boolean {
    let entry = this.counts.get(key);
    if (!entry || entry.resetAt <= now) {
      if (this.counts.size > this.sweepAbove) this.sweep(now);
      entry = { n: 0, resetAt: now + this.windowMs };
      this.counts.set(key, entry);
    }
    entry.n++;
    return entry.n <= limit;
  }

  /** How many keys it holds (expired ones included until the next sweep). */
  get size(): number {
    return this.counts.size;
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.counts) if (entry.resetAt <= now) this.counts.delete(key);
  }
}
