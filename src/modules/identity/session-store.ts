import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { Actor, Role } from '../../kernel/actor';
import { DomainError } from '../../kernel/errors';
import {
  deleteSession,
  deleteSessionsOfUser,
  findSession,
  type GrantView,
  grantsOfUsers,
  insertSession,
  touchSession,
} from './identity.repository';
import { sessionExpired } from './lockout.rules';

export const SESSION_COOKIE = 'ms_session';
export const CSRF_COOKIE = 'ms_csrf';
export const CSRF_HEADER = 'x-csrf-token';

interface Resolved {
  actor: Actor;
  grantViews: GrantView[];
  csrfToken: string;
  tokenHash: string;
  lastSeenAt: Date;
  expiresAt: Date;
  cachedAt: number;
}

export type Resolution =
  | { ok: true; actor: Actor; csrfToken: string; grantViews: GrantView[] }
  | { ok: false; problem: 'UNAUTHENTICATED' | 'SESSION_EXPIRED' };

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Sessions live in the database so that several app instances share them. Each instance keeps a
 * resolved session for a few seconds, so a busy page does not cost a query per request; logout on
 * this instance is immediate, on another within `cacheMs`.
 */
export class SessionStore {
  private readonly cache = new Map<string, Resolved>();

  constructor(
    private readonly db: Db,
    private readonly options: {
      idleMinutes: number;
      absoluteHours: number;
      now: () => Date;
      cacheMs?: number;
    },
  ) {}

  async create(
    userId: string,
    meta: { userAgent?: string; ip?: string },
  ): Promise<{ token: string; csrfToken: string }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = this.options.now();
    await insertSession(this.db, {
      tokenHash: hashToken(token),
      userId,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.options.absoluteHours * 3_600_000),
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      ip: meta.ip ?? null,
    });
    return { token, csrfToken };
  }

  async resolve(token: string | undefined): Promise<Resolution> {
    if (!token) return { ok: false, problem: 'UNAUTHENTICATED' };
    const tokenHash = hashToken(token);
    const now = this.options.now();
    let entry = this.cache.get(tokenHash);
    if (!entry || now.getTime() - entry.cachedAt > (this.options.cacheMs ?? 3000)) {
      const loaded = await this.load(tokenHash, now);
      if (!loaded) {
        this.cache.delete(tokenHash);
        return { ok: false, problem: 'UNAUTHENTICATED' };
      }
      entry = loaded;
    }
    if (sessionExpired(entry, now, this.options.idleMinutes)) {
      this.cache.delete(tokenHash);
      await deleteSession(this.db, tokenHash);
      return { ok: false, problem: 'SESSION_EXPIRED' };
    }
    // Writing last-seen once a minute is enough for an idle timeout counted in minutes.
    if (now.getTime() - entry.lastSeenAt.getTime() > 60_000) {
      entry.lastSeenAt = now;
      await touchSession(this.db, tokenHash, now);
    }
    return { ok: true, actor: entry.actor, csrfToken: entry.csrfToken, grantViews: entry.grantViews };
  }

  private async load(tokenHash: string, now: Date): Promise<Resolved | undefined> {
    const session = await findSession(this.db, tokenHash);
    if (!session?.active) return undefined;
    const grants = (await grantsOfUsers(this.db, [session.userId])).get(session.userId) ?? [];
    const resolved: Resolved = {
      actor: {
        userId: session.userId,
        username: session.username,
        displayName: session.displayName,
        grants: grants.map((g) => ({ role: g.role as Role, regionCode: g.regionCode, unitId: g.unitId })),
      },
      grantViews: grants,
      csrfToken: session.csrfToken,
      tokenHash,
      lastSeenAt: session.lastSeenAt,
      expiresAt: session.expiresAt,
      cachedAt: now.getTime(),
    };
    this.cache.set(tokenHash, resolved);
    if (this.cache.size > 10_000) this.cache.delete(this.cache.keys().next().value!);
    return resolved;
  }

  async destroy(token: string | undefined): Promise<void> {
    if (!token) return;
    const tokenHash = hashToken(token);
    this.cache.delete(tokenHash);
    await deleteSession(this.db, tokenHash);
  }

  /** Ends every session of a user (password change, disabling, new roles). */
  async destroyAllOf(userId: string): Promise<void> {
    for (const [key, entry] of this.cache) if (entry.actor.userId === userId) this.cache.delete(key);
    await deleteSessionsOfUser(this.db, userId);
  }

  /** The synchronizer token: the header must equal the token stored with this session. */
  assertCsrf(request: FastifyRequest): void {
    const sent = request.headers[CSRF_HEADER];
    const expected = request.csrfToken;
    if (typeof sent !== 'string' || !expected) throw new DomainError('CSRF_TOKEN_INVALID');
    const a = Buffer.from(sent);
    const b = Buffer.from(expected);
    if (a.length !== b.length || !timingSafeEqual(a, b)) throw new DomainError('CSRF_TOKEN_INVALID');
  }
}
