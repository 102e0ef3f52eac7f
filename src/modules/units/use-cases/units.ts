import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { can, scopesFor } from '../../../kernel/policy';
import type { AppDeps } from '../../../server/deps';
import { findRegion } from '../../regions/regions.repository';
import { findUnit, findUnitByName, insertUnit, unitsWithin, updateUnit } from '../units.repository';
import { normalizeUnitName, type UnitKind } from '../units.rules';

export async function listUnits(deps: AppDeps, actor: Actor, regionCode?: string) {
  const scopes = scopesFor(actor, 'unit.read');
  if (scopes.length === 0) throw new DomainError('FORBIDDEN');
  return { items: await unitsWithin(deps.db, scopes, regionCode) };
}

export interface UnitInput {
  regionCode: string;
  name: string;
  kind: UnitKind;
  shortName?: string | null;
}

export async function createUnit(deps: AppDeps, actor: Actor, input: UnitInput) {
  if (!can(actor, 'unit.manage', { regionCode: input.regionCode })) throw new DomainError('OUT_OF_SCOPE');
  const name = normalizeUnitName(input.name);
  return writeTransaction(deps.db, actor, async (tx) => {
    if (!(await findRegion(tx, input.regionCode)))
      throw new DomainError('REGION_NOT_FOUND', { field: 'regionCode' });
    if (await findUnitByName(tx, input.regionCode, name))
      throw new DomainError('UNIT_NAME_TAKEN', { field: 'name' });
    return insertUnit(tx, {
      regionCode: input.regionCode,
      name,
      kind: input.kind,
      shortName: input.shortName ?? null,
    });
  });
}

export async function editUnit(
  deps: AppDeps,
  actor: Actor,
  id: string,
  patch: { name?: string; kind?: UnitKind; shortName?: string | null },
) {
  return writeTransaction(deps.db, actor, async (tx) => {
    const unit = await findUnit(tx, id);
    if (!unit) throw new DomainError('UNIT_NOT_FOUND');
    if (!can(actor, 'unit.manage', { regionCode: unit.regionCode })) throw new DomainError('OUT_OF_SCOPE');
    const name = patch.name === undefined ? undefined : normalizeUnitName(patch.name);
    if (name && name !== unit.name && (await findUnitByName(tx, unit.regionCode, name))) {
      throw new DomainError('UNIT_NAME_TAKEN', { field: 'name' });
    }
    return updateUnit(tx, id, { name, kind: patch.kind, shortName: patch.shortName });
  });
}
