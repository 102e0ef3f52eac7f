import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import type { RoleGrant } from '../../kernel/actor';
import { regions } from '../regions/regions.tables';
import { units } from '../units/units.tables';
import { roleGrants, sessions, users } from './identity.tables';

export type UserRow = typeof users.$inferSelect;

export interface GrantView extends RoleGrant {
  regionName: string | null;
  unitName: string | null;
}

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function grantsOfUsers(db: Executor, userIds: string[]): Promise<Map<string, GrantView[]>> {
  const byUser = new Map<string, GrantView[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({
      userId: roleGrants.userId,
      role: roleGrants.role,
      regionCode: roleGrants.regionCode,
      unitId: roleGrants.unitId,
      regionName: regions.name,
      unitName: units.name,
    })
    .from(roleGrants)
    .leftJoin(regions, eq(regions.code, roleGrants.regionCode))
    .leftJoin(units, eq(units.id, roleGrants.unitId))
    .where(inArray(roleGrants.userId, userIds))
    .orderBy(roleGrants.role, roleGrants.regionCode);
  for (const { userId, ...grant } of rows) byUser.get(userId)?.push(grant as GrantView);
  return byUser;
}

export async function replaceGrants(db: Executor, userId: string, grants: RoleGrant[]): Promise<void> {
  await db.delete(roleGrants).where(eq(roleGrants.userId, userId));
  if (grants.length === 0) return;
  await db
    .insert(roleGrants)
    .values(
      grants.map((g) => ({ userId, role: g.role, regionCode: g.regionCode, unitId: g.unitId ?? null })),
    );
}

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  username: string;
  displayName: string;
  active: boolean;
}

export async function findSession(db: Executor, tokenHash: string): Promise<SessionRecord | undefined> {
  const [row] = await db
    .select({
      tokenHash: sessions.tokenHash,
      userId: sessions.userId,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      username: users.username,
      displayName: users.displayName,
      active: users.active,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1);
  return row;
}

export async function insertSession(db: Executor, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function touchSession(db: Executor, tokenHash: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.delete(sessions).where(sql`${sessions.expiresAt} < ${now}`);
}

export async function recordFailedLogin(
  db: Executor,
  userId: string,
  lockedUntil: Date | null,
): Promise<void> {
  await db
    .update(users)
    .set({ failedLogins: sql`${users.failedLogins} + 1`, lockedUntil })
    .where(eq(users.id, userId));
}

export async function clearFailedLogins(db: Executor, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null })
    .where(and(eq(users.id, userId), sql`(${users.failedLogins} > 0 or ${users.lockedUntil} is not null)`));
}
