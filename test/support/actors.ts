import type { Db } from '../../src/db/client';
import type { Actor, Role } from '../../src/kernel/actor';
import { findUserByUsername } from '../../src/modules/identity';
import { grantsOfUsers } from '../../src/modules/identity/identity.repository';

/** The actor a demo user acts as, read from the database like a session would. */
export async function actorOf(db: Db, username: string): Promise<Actor> {
  const user = await findUserByUsername(db, username);
  if (!user) throw new Error(`no user ${username}`);
  const grants = (await grantsOfUsers(db, [user.id])).get(user.id) ?? [];
  return {
    userId: user.id,
    username,
    displayName: user.displayName,
    grants: grants.map((g) => ({ role: g.role as Role, regionCode: g.regionCode, unitId: g.unitId })),
  };
}
