import { DomainError } from '../../kernel/errors';
import { WindowCounter } from '../../kernel/window-counter';

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
  private readonly byAddress = new WindowCounter(WINDOW_MS);
  private readonly byRespondent = new WindowCounter(WINDOW_MS);

  check(address: string, respondent: string | null, now = Date.now()): void {
    const limit = surveyAddressLimit();
    if (!this.byAddress.hit(address, limit, now)) {
      throw new DomainError('RATE_LIMITED', {
        message: `提交过于频繁：同一网络每分钟最多提交 ${limit} 次评价，请稍后再试`,
      });
    }
    if (respondent && !this.byRespondent.hit(respondent, PER_RESPONDENT_LIMIT, now)) {
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
