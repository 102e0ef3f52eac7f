import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../kernel/errors';
import { WindowCounter } from '../../kernel/window-counter';
import { isRehearsal } from '../../server/rehearsal';
import { canonicalToken } from './ballot-secrets';

/**
 * Rate limits of the public ballot endpoints. A congress hall puts hundreds of phones behind one
 * Wi-Fi address, so the per-address limit is generous (MINSHENG_BALLOT_RATE_LIMIT requests per
 * minute, default 6000); each token gets its own tight limit (30 requests per minute: a page's
 * read, a submission and its retries). Guessing a 160-bit token is hopeless at any rate; the limits
 * are about floods. Counters live in the process, one set per app.
 */
const WINDOW_MS = 60_000;
export const PER_TOKEN_LIMIT = 30;

export function perAddressLimit(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.MINSHENG_BALLOT_RATE_LIMIT);
  return Number.isFinite(value) && value > 0 ? value : 6000;
}

export class BallotRateLimiter {
  private readonly byAddress = new WindowCounter(WINDOW_MS);
  private readonly byToken = new WindowCounter(WINDOW_MS);

  /** Throws RATE_LIMITED when the address, or the token (any stable key of it), is over its limit. */
  check(address: string, tokenKey: string | null, now = Date.now()): void {
    if (!this.byAddress.hit(address, perAddressLimit(), now)) throw new DomainError('RATE_LIMITED');
    if (tokenKey && !this.byToken.hit(tokenKey, PER_TOKEN_LIMIT, now)) {
      throw new DomainError('RATE_LIMITED', { message: '该选票凭证的请求过于频繁，请稍后再试' });
    }
  }
}

const limiters = new WeakMap<object, BallotRateLimiter>();

export function ballotRateLimiter(owner: object): BallotRateLimiter {
  let limiter = limiters.get(owner);
  if (!limiter) {
    limiter = new BallotRateLimiter();
    limiters.set(owner, limiter);
  }
  return limiter;
}

/**
 * The limits of a request to a public ballot endpoint (a vote's or an evaluation's): its address and,
 * when it carries one, its token. The server's own rehearsal (server/rehearsal.ts) is not counted.
 */
export function limitBallotRequest(request: FastifyRequest, owner: object, token: string | null): void {
  if (isRehearsal(request)) return;
  const key = token === null ? null : (canonicalToken(token) ?? token.slice(0, 64));
  ballotRateLimiter(owner).check(request.ip, key);
}
