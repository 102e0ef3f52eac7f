import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { can } from '../../../kernel/policy';
import { regionLevelOf } from '../../../kernel/regions';
import type { AppDeps } from '../../../server/deps';
import { loadTownshipsOf } from '../gb2260.loader';
import { childrenOf, findRegion, insertRegions, searchRegions } from '../regions.repository';
import { expectedParent, newRegionProblems } from '../regions.rules';

export async function listChildRegions(deps: AppDeps, parentCode: string) {
  const parent = await findRegion(deps.db, parentCode);
  if (!parent) throw new DomainError('REGION_NOT_FOUND', { field: 'parent' });
  return { parent, items: await childrenOf(deps.db, parentCode) };
}

export async function getRegion(deps: AppDeps, code: string) {
  const region = await findRegion(deps.db, code);
  if (!region) throw new DomainError('REGION_NOT_FOUND', { field: 'code' });
  const ancestors = [];
  let parent = region.parentCode;
  while (parent) {
    const row = await findRegion(deps.db, parent);
    if (!row) break;
    ancestors.unshift(row);
    parent = row.parentCode;
  }
  return { region, ancestors };
}

export function findRegionsByText(deps: AppDeps, text: string) {
  return searchRegions(deps.db, text, 30);
}

/** Townships and villages are added by hand (or imported); county and above come from the standard. */
export async function addRegion(deps: AppDeps, actor: Actor, input: { code: string; name: string }) {
  const problems = newRegionProblems(input.code, input.name);
  if (problems.length)
    throw new DomainError('VALIDATION_FAILED', { field: problems[0]!.field, message: problems[0]!.message });
  const parentCode = expectedParent(input.code)!;
  if (!can(actor, 'region.manage', { regionCode: parentCode })) throw new DomainError('OUT_OF_SCOPE');
  return writeTransaction(deps.db, actor, async (tx) => {
    if (!(await findRegion(tx, parentCode)))
      throw new DomainError('REGION_PARENT_MISSING', { field: 'code' });
    if (await findRegion(tx, input.code)) throw new DomainError('REGION_EXISTS', { field: 'code' });
    await insertRegions(tx, [
      {
        code: input.code,
        name: input.name.trim(),
        level: regionLevelOf(input.code),
        parentCode,
        source: 'manual',
      },
    ]);
    return (await findRegion(tx, input.code))!;
  });
}

/** Loads a county's townships from the packaged statistical data; existing ones are left alone. */
export async function importTownships(
  deps: AppDeps,
  actor: Actor | string,
  countyCode: string,
): Promise<number> {
  if (typeof actor !== 'string' && !can(actor, 'region.manage', { regionCode: countyCode })) {
    throw new DomainError('OUT_OF_SCOPE');
  }
  const townships = loadTownshipsOf(countyCode);
  return writeTransaction(deps.db, actor, async (tx) => {
    if (!(await findRegion(tx, countyCode))) throw new DomainError('REGION_NOT_FOUND', { field: 'county' });
    return insertRegions(
      tx,
      townships.map((t) => ({ ...t, source: 'import' })),
    );
  });
}
