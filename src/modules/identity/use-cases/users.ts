import { eq, inArray, like, or, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { writeTransaction } from '../../../db/transaction';
import { type Actor, type RoleGrant, UNIT_ROLES } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { can, canAnywhere, scopesFor } from '../../../kernel/policy';
import { isWithinRegion, NATION_CODE, regionPrefix } from '../../../kernel/regions';
import type { AppDeps } from '../../../server/deps';
import { findRegion } from '../../regions/regions.repository';
import { findUnit } from '../../units/units.repository';
import { findUserById, findUserByUsername, grantsOfUsers, replaceGrants } from '../identity.repository';
import { roleGrants, users } from '../identity.tables';
import { maskPhone, passwordProblems } from '../password.rules';
import { hashPassword } from '../password-hash';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  phone?: string | null;
  grants: RoleGrant[];
}

export async function listUsers(deps: AppDeps, actor: Actor) {
  const scopes = scopesFor(actor, 'user.read');
  if (scopes.length === 0) throw new DomainError('FORBIDDEN');
  const nationWide = scopes.includes(NATION_CODE);
  const inScope: SQL[] = scopes.map((s) => like(roleGrants.regionCode, `${regionPrefix(s)}%`));
  const ids = nationWide
    ? (await deps.db.select({ id: users.id }).from(users)).map((r) => r.id)
    : [
        ...new Set(
          (
            await deps.db
              .select({ id: roleGrants.userId })
              .from(roleGrants)
              .where(or(...inScope))
          ).map((r) => r.id),
        ),
      ];
  if (ids.length === 0) return { items: [] };
  const rows = await deps.db.select().from(users).where(inArray(users.id, ids)).orderBy(users.username);
  const grants = await grantsOfUsers(deps.db, ids);
  return {
    items: rows.map((u) => {
      const userGrants = grants.get(u.id) ?? [];
      const managed = userGrants.length > 0 && userGrants.every((g) => can(actor, 'user.manage', g));
      return {
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        // Only those who manage the account see the whole number.
        phone:
          managed || (nationWide && can(actor, 'user.manage', { regionCode: NATION_CODE }))
            ? u.phone
            : maskPhone(u.phone),
        active: u.active,
        locked: u.lockedUntil !== null && u.lockedUntil.getTime() > deps.now().getTime(),
        createdAt: u.createdAt,
        grants: userGrants,
      };
    }),
  };
}

async function checkGrants(tx: Tx, actor: Actor, grants: RoleGrant[]): Promise<void> {
  for (const [i, grant] of grants.entries()) {
    const field = `grants.${i}`;
    if (!can(actor, 'user.manage', grant)) throw new DomainError('OUT_OF_SCOPE', { field });
    if (!(await findRegion(tx, grant.regionCode)))
      throw new DomainError('REGION_NOT_FOUND', { field: `${field}.regionCode` });
    if (UNIT_ROLES.includes(grant.role)) {
      if (!grant.unitId) {
        throw new DomainError('VALIDATION_FAILED', {
          field: `${field}.unitId`,
          message: '部门角色必须指定所属单位',
        });
      }
      const unit = await findUnit(tx, grant.unitId);
      if (!unit) throw new DomainError('UNIT_NOT_FOUND', { field: `${field}.unitId` });
      if (!isWithinRegion(unit.regionCode, grant.regionCode)) {
        throw new DomainError('VALIDATION_FAILED', {
          field: `${field}.unitId`,
          message: '单位不在该角色的地区范围内',
        });
      }
    } else if (grant.unitId) {
      throw new DomainError('VALIDATION_FAILED', {
        field: `${field}.unitId`,
        message: '只有部门角色才需指定单位',
      });
    }
  }
}

function assertPassword(password: string, username: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length)
    throw new DomainError('WEAK_PASSWORD', { field: 'password', message: problems.join('；') });
}

export async function createUser(deps: AppDeps, actor: Actor | string, input: NewUser) {
  if (typeof actor !== 'string' && !canAnywhere(actor, 'user.manage')) throw new DomainError('FORBIDDEN');
  assertPassword(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(deps.db, actor, async (tx) => {
    if (typeof actor !== 'string') {
      if (input.grants.length === 0 && !can(actor, 'user.manage', { regionCode: NATION_CODE })) {
        throw new DomainError('VALIDATION_FAILED', { field: 'grants', message: '请至少指定一个角色' });
      }
      await checkGrants(tx, actor, input.grants);
    }
    if (await findUserByUsername(tx, input.username))
      throw new DomainError('USERNAME_TAKEN', { field: 'username' });
    const [created] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        phone: input.phone ?? null,
      })
      .returning({ id: users.id });
    await replaceGrants(tx, created!.id, input.grants);
    return { id: created!.id, username: input.username };
  });
}

export interface UserPatch {
  displayName?: string;
  phone?: string | null;
  active?: boolean;
  password?: string;
  grants?: RoleGrant[];
  unlock?: boolean;
}

export async function updateUser(deps: AppDeps, actor: Actor, id: string, patch: UserPatch) {
  if (!canAnywhere(actor, 'user.manage')) throw new DomainError('FORBIDDEN');
  const existing = await findUserById(deps.db, id);
  if (!existing) throw new DomainError('USER_NOT_FOUND');
  if (patch.password) assertPassword(patch.password, existing.username);
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  const result = await writeTransaction(deps.db, actor, async (tx) => {
    const current = (await grantsOfUsers(tx, [id])).get(id) ?? [];
    // A user is yours to change only when every role they hold lies in your scope.
    await checkGrants(
      tx,
      actor,
      current.filter((g) => !can(actor, 'user.manage', g)),
    );
    if (current.length === 0 && !can(actor, 'user.manage', { regionCode: NATION_CODE }))
      throw new DomainError('FORBIDDEN');
    if (patch.grants) await checkGrants(tx, actor, patch.grants);
    await tx
      .update(users)
      .set({
        displayName: patch.displayName,
        phone: patch.phone,
        active: patch.active,
        passwordHash,
        passwordChangedAt: passwordHash ? deps.now() : undefined,
        ...(patch.unlock ? { failedLogins: 0, lockedUntil: null } : {}),
      })
      .where(eq(users.id, id));
    if (patch.grants) await replaceGrants(tx, id, patch.grants);
    return { id };
  });
  if (patch.password || patch.grants || patch.active === false) await deps.sessions.destroyAllOf(id);
  return result;
}
