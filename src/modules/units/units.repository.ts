import { and, asc, eq, like, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { regionPrefix } from '../../kernel/regions';
import { regions } from '../regions/regions.tables';
import { units } from './units.tables';

export type UnitRow = typeof units.$inferSelect;

export async function findUnit(db: Executor, id: string): Promise<UnitRow | undefined> {
  const [row] = await db.select().from(units).where(eq(units.id, id)).limit(1);
  return row;
}

export async function findUnitByName(
  db: Executor,
  regionCode: string,
  name: string,
): Promise<UnitRow | undefined> {
  const [row] = await db
    .select()
    .from(units)
    .where(and(eq(units.regionCode, regionCode), eq(units.name, name)))
    .limit(1);
  return row;
}

/** Units whose region lies in any of the given subtrees. */
export async function unitsWithin(db: Executor, scopes: string[], regionCode?: string) {
  const inScope: SQL[] = scopes.map((s) => like(units.regionCode, `${regionPrefix(s)}%`));
  return db
    .select({
      id: units.id,
      regionCode: units.regionCode,
      regionName: regions.name,
      name: units.name,
      kind: units.kind,
      shortName: units.shortName,
      createdAt: units.createdAt,
    })
    .from(units)
    .innerJoin(regions, eq(regions.code, units.regionCode))
    .where(
      and(or(...inScope), regionCode ? like(units.regionCode, `${regionPrefix(regionCode)}%`) : undefined),
    )
    .orderBy(asc(units.regionCode), asc(units.name));
}

export async function insertUnit(db: Executor, row: typeof units.$inferInsert): Promise<UnitRow> {
  const [created] = await db.insert(units).values(row).returning();
  return created!;
}

export async function updateUnit(
  db: Executor,
  id: string,
  patch: Partial<typeof units.$inferInsert>,
): Promise<UnitRow> {
  const [updated] = await db.update(units).set(patch).where(eq(units.id, id)).returning();
  return updated!;
}
