/** After `threshold` failed logins in a row the account is locked for a while; a lapsed lock starts afresh. */
export interface LockoutState {
  failedLogins: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The lock to store after one more failure, or null when the account stays open. */
export function lockAfterFailure(
  state: LockoutState,
  now: Date,
  policy: { threshold: number; minutes: number },
): { failedLogins: number; lockedUntil: Date | null } {
  const lapsed = state.lockedUntil !== null && state.lockedUntil.getTime() <= now.getTime();
  const failedLogins = (lapsed ? 0 : state.failedLogins) + 1;
  const lockedUntil =
    failedLogins >= policy.threshold ? new Date(now.getTime() + policy.minutes * 60_000) : null;
  return { failedLogins, lockedUntil };
}

/** A session is alive until its absolute end, and while used within the idle window. */
export function sessionExpired(
  session: { lastSeenAt: Date; expiresAt: Date },
  now: Date,
  idleMinutes: number,
): 'absolute' | 'idle' | null {
  if (session.expiresAt.getTime() <= now.getTime()) return 'absolute';
  if (session.lastSeenAt.getTime() + idleMinutes * 60_000 <= now.getTime()) return 'idle';
  return null;
}
