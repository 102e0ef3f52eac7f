import { writeTransaction } from '../../../db/transaction';
import { type Actor, ROLE_LABELS, type Role } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { ACTIONS, type Action, canAnywhere } from '../../../kernel/policy';
import type { AppDeps } from '../../../server/deps';
import {
  clearFailedLogins,
  findUserByUsername,
  type GrantView,
  recordFailedLogin,
} from '../identity.repository';
import { isLocked, lockAfterFailure } from '../lockout.rules';
import { DUMMY_HASH, verifyPassword } from '../password-hash';

export interface LoginInput {
  username: string;
  password: string;
  userAgent?: string;
  ip?: string;
}

/** Checks the password (with lock-out) and opens a session; the audit log sees failures and unlocks. */
/**
 * Failed logins of names that are no account, in memory (a restart forgets them, as it would a
 * probe): the oldest are let go past 10,000 names so that a flood of invented names costs nothing.
 */
class UnknownNameLockout {
  private readonly states = new Map<string, { failedLogins: number; lockedUntil: Date | null }>();

  /** Counts one more failure; true when the name is now locked. */
  fail(username: string, now: Date, policy: { threshold: number; minutes: number }): boolean {
    const key = username.trim().toLowerCase();
    const state = this.states.get(key) ?? { failedLogins: 0, lockedUntil: null };
    if (isLocked(state, now)) return true;
    const next = lockAfterFailure(state, now, policy);
    this.states.delete(key);
    this.states.set(key, next);
    if (this.states.size > 10_000) this.states.delete(this.states.keys().next().value!);
    return next.lockedUntil !== null;
  }
}

const unknownNames = new UnknownNameLockout();

export async function login(
  deps: AppDeps,
  input: LoginInput,
): Promise<{ token: string; csrfToken: string; userId: string }> {
  const now = deps.now();
  const user = await findUserByUsername(deps.db, input.username);
  if (!user) {
    await verifyPassword(DUMMY_HASH, input.password);
    // A name no one has locks like an account does, or the lock-out would tell which names exist.
    const policy = { threshold: deps.config.lockoutThreshold, minutes: deps.config.lockoutMinutes };
    throw new DomainError(
      unknownNames.fail(input.username, now, policy) ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS',
    );
  }
  if (isLocked(user, now)) throw new DomainError('ACCOUNT_LOCKED');
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    const next = lockAfterFailure(user, now, {
      threshold: deps.config.lockoutThreshold,
      minutes: deps.config.lockoutMinutes,
    });
    await writeTransaction(deps.db, `login:${user.username}`, (tx) =>
      recordFailedLogin(tx, user.id, next.lockedUntil),
    );
    throw new DomainError(next.lockedUntil ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS');
  }
  if (!user.active) throw new DomainError('ACCOUNT_DISABLED');
  await writeTransaction(deps.db, `login:${user.username}`, (tx) => clearFailedLogins(tx, user.id));
  const session = await deps.sessions.create(user.id, { userAgent: input.userAgent, ip: input.ip });
  return { ...session, userId: user.id };
}

export interface MeView {
  user: { id: string; username: string; displayName: string };
  grants: Array<{
    role: Role;
    roleLabel: string;
    regionCode: string;
    regionName: string | null;
    unitId: string | null;
    unitName: string | null;
  }>;
  /** Actions the user may take somewhere in their scope: the web shows and hides by these. */
  permissions: Action[];
  csrfToken: string;
}

/** Built from the resolved session alone: the page asks for it often, so it costs no query. */
export function me(actor: Actor, grants: GrantView[], csrfToken: string): MeView {
  if (!actor.userId) throw new DomainError('UNAUTHENTICATED');
  return {
    user: { id: actor.userId, username: actor.username, displayName: actor.displayName },
    grants: grants.map((g) => ({
      role: g.role,
      roleLabel: ROLE_LABELS[g.role] ?? g.role,
      regionCode: g.regionCode,
      regionName: g.regionName,
      unitId: g.unitId ?? null,
      unitName: g.unitName,
    })),
    permissions: ACTIONS.filter((a) => canAnywhere(actor, a)),
    csrfToken,
  };
}
