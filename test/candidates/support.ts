import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { writeTransaction } from '../../src/db/transaction';
import type { Actor } from '../../src/kernel/actor';
import { auditLog } from '../../src/modules/audit/audit.tables';
import { importCandidateTable } from '../../src/modules/candidates';
import { createUser } from '../../src/modules/identity';
import { openPlanYear } from '../../src/modules/plans';
import { findUnitByName, insertUnit } from '../../src/modules/units';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_UNITS } from '../../src/seed/demo-data';
import { seedRegions } from '../../src/seed/seed';
import { configFromEnv } from '../../src/server/config';
import { type AppDeps, createDeps } from '../../src/server/deps';
import { actorOf } from '../support/actors';
import type { TestDatabase, TestDatabaseKind } from '../support/databases';

export const REGION = '140521';
/** The demo's 沁水县 plan year in preparation. */
export const YEAR = 2024;
export const fixture = new URL('../../../shared/fixtures/qinshui-2023-candidates.tsv', import.meta.url)
  .pathname;

export interface World {
  database: TestDatabase;
  deps: AppDeps;
  coordinator: Actor;
  /** Clerk of 住建局. */
  zjjClerk: Actor;
  /** Clerk of 卫体局. */
  wtjClerk: Actor;
  /** Coordinator of 河南省: another region. */
  henan: Actor;
  unitId(name: string): Promise<string>;
  auditOf(table: string, recordId: string): Promise<Array<{ actor: string; action: string }>>;
  close(): Promise<void>;
}

const PEOPLE = ['qinshui.coord', 'zjj.clerk', 'wtj.clerk', 'henan.coord'];

/**
 * A fresh database with the demo's Qinshui units and the people above (the whole demo seed with its
 * plans is far slower and not needed here), two empty plan years, the clock at 2024-01-15 (China).
 */
export async function openWorld(kind: TestDatabaseKind): Promise<World> {
  const database = await kind.open();
  const deps = createDeps(database, configFromEnv({}), () => new Date('2024-01-15T02:00:00Z'));
  const db = database.db;
  await seedRegions(db);
  const unitIds = new Map<string, string>();
  await writeTransaction(db, 'system:test', async (tx) => {
    for (const unit of DEMO_UNITS.filter((u) => u.regionCode === REGION)) {
      const row = await insertUnit(tx, { ...unit, shortName: unit.shortName ?? null });
      unitIds.set(unit.name, row.id);
    }
  });
  for (const account of DEMO_ACCOUNTS.filter((a) => PEOPLE.includes(a.username))) {
    await createUser(deps, 'system:test', {
      username: account.username,
      displayName: account.displayName,
      password: DEMO_PASSWORD,
      phone: account.phone ?? null,
      grants: [
        {
          role: account.role,
          regionCode: account.regionCode,
          unitId: account.unitName ? unitIds.get(account.unitName) : null,
        },
      ],
    });
  }
  await openPlanYear(deps, 'system:test', { regionCode: REGION, year: YEAR, stage: 'draft' });
  await openPlanYear(deps, 'system:test', { regionCode: '140000', year: 2023, stage: 'implement' });
  return {
    database,
    deps,
    coordinator: await actorOf(db, 'qinshui.coord'),
    zjjClerk: await actorOf(db, 'zjj.clerk'),
    wtjClerk: await actorOf(db, 'wtj.clerk'),
    henan: await actorOf(db, 'henan.coord'),
    async unitId(name) {
      const unit = await findUnitByName(db, REGION, name);
      if (!unit) throw new Error(`no unit ${name}`);
      return unit.id;
    },
    async auditOf(table, recordId) {
      return db
        .select({ actor: auditLog.actor, action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.tableName, table), eq(auditLog.recordId, recordId)))
        .orderBy(auditLog.seq);
    },
    close: () => database.close(),
  };
}

export function importFixture(w: World, year = YEAR) {
  return importCandidateTable(w.deps, w.coordinator, {
    regionCode: REGION,
    year,
    fileName: 'qinshui-2023-candidates.tsv',
    bytes: readFileSync(fixture),
  });
}

/** A suggestion group of the plan year, as triage would have made it, with `members` suggestions. */
export async function suggestionGroup(
  w: World,
  planYearId: string,
  label: string,
  members = 0,
): Promise<string> {
  const { suggestionGroups } = await import('../../src/modules/suggestions/triage.tables');
  const { suggestions } = await import('../../src/modules/suggestions/suggestions.tables');
  return writeTransaction(w.database.db, 'system:test', async (tx) => {
    const [row] = await tx
      .insert(suggestionGroups)
      .values({ planYearId, label, status: 'routed' })
      .returning();
    for (let i = 0; i < members; i++)
      await tx.insert(suggestions).values({
        planYearId,
        channel: 'hotline',
        text: `${label}（第 ${i + 1} 条）`,
        trackingCode: `T${row!.id.slice(0, 6).toUpperCase()}${i}`,
        groupId: row!.id,
      });
    return row!.id;
  });
}
