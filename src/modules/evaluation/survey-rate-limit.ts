import { DomainError } from '../../kernel/errors';

/**
 * Floods of the public survey: per client address (MINSHENG_SURVEY_RATE_LIMIT answers a minute,
 * default 30 — a village meeting may share one phone's hotspot) and per phone or code (10 a minute:
 * one person rating a plan's projects one after another). Counters live in the process, one set per
 * app. A refused request records nothing; what was sent before stands.
 */
const WINDOW_MS = 60_000;
export const PER_RESPONDENT_LIMIT = 10;

export function surveyAddressLimit(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.MINSHENG_SURVEY_RATE_LIMIT);
  return Number.isFinite(value) && value > 0 ? value : 30;
}

export class SurveyRateLimiter {
  private readonly counts = new Map<string, { n: number; resetAt: number }>();

  private hit(key: string, limit: number, now: number): boolean {
    let entry = this.counts.get(key);
    if (!entry || entry.resetAt <= now) {
      if (this.counts.size > 100_000) {
        for (const [k, e] of this.counts) if (e.resetAt <= now) this.counts.delete(k);
      }
      entry = { n: 0, resetAt: now + WINDOW_MS };
      this.counts.set(key, entry);
    }
    entry.n++;
    return entry.n <= limit;
  }

  check(address: string, respondent: string | null, now = Date.now()): void {
    const limit = surveyAddressLimit();
    if (!this.hit(`a:${address}`, limit, now)) {
      throw new DomainError('RATE_LIMITED', {
        message: `提交过于频繁：同一网络每分钟最多提交 ${limit} 次评价，请稍后再试`,
      });
    }
    if (respondent && !this.hit(`r:${respondent}`, PER_RESPONDENT_LIMIT, now)) {
      throw new DomainError('RATE_LIMITED', { message: '该手机号或测评码提交过于频繁，请一分钟后再试' });
    }
  }
}

const limiters = new WeakMap<object, SurveyRateLimiter>();

export function surveyRateLimiter(owner: object): SurveyRateLimiter {
  let limiter = limiters.get(owner);
  if (!limiter) {
    limiter = new SurveyRateLimiter();
    limiters.set(owner, limiter);
  }
  return limiter;
}
