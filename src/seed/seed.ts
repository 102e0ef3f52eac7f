import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { writeTransaction } from '../db/transaction';
import { createUser, findUserByUsername, generatePassword } from '../modules/identity';
import { findPlanYear, openPlanYear, planYears } from '../modules/plans';
import { importPlan, importSubRegionReports, projects } from '../modules/progress';
import {
  childrenOf,
  countRegions,
  importTownships,
  insertRegions,
  loadDivisionData,
  regionsFromDivisions,
} from '../modules/regions';
import { findUnitByName, guessUnitKind, insertUnit } from '../modules/units';
import type { AppDeps } from '../server/deps';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PLAN_YEARS, DEMO_UNITS, QINSHUI_COUNTY } from './demo-data';
import { seedDemoEvaluation } from './evaluation-demo';
import { DEMO_PLAN_FILES, loadDemoPlan } from './plans';
import { splitDemoPlans } from './plans/split-demo';
import { seedDemoSuggestions } from './suggestions-demo';
import { seedDemoSupervision } from './supervision-demo';

const SEED_ACTOR = 'system:seed';

export interface SeedReport {
  regionsLoaded: number;
  adminCreated: boolean;
  /** Set only when the admin was created with a generated password: print it once. */
  generatedAdminPassword?: string;
  demo?: { units: number; users: number; planYears: number; townships: number };
}

/** GB/T 2260 regions down to counties: reference data every installation needs. */
export async function seedRegions(db: Db): Promise<number> {
  if ((await countRegions(db, 'gb2260')) > 0) return 0;
  const rows = regionsFromDivisions(loadDivisionData());
  return writeTransaction(db, SEED_ACTOR, (tx) =>
    insertRegions(
      tx,
      rows.map((r) => ({ ...r, source: 'gb2260' })),
    ),
  );
}

export async function seedAdmin(
  deps: AppDeps,
  password?: string,
): Promise<{ created: boolean; generated?: string }> {
  if (await findUserByUsername(deps.db, 'admin')) return { created: false };
  const generated = password ? undefined : generatePassword((n) => randomBytes(n));
  await createUser(deps, SEED_ACTOR, {
    username: 'admin',
    displayName: '系统管理员',
    password: password ?? generated!,
    grants: [{ role: 'admin', regionCode: '000000' }],
  });
  return { created: true, generated };
}

export async function seedDemo(deps: AppDeps): Promise<NonNullable<SeedReport['demo']>> {
  const townships = await importTownships(deps, SEED_ACTOR, QINSHUI_COUNTY);
  let unitCount = 0;
  const unitIds = new Map<string, string>();
  await writeTransaction(deps.db, SEED_ACTOR, async (tx) => {
    for (const unit of DEMO_UNITS) {
      const existing = await findUnitByName(tx, unit.regionCode, unit.name);
      const row = existing ?? (await insertUnit(tx, { ...unit, shortName: unit.shortName ?? null }));
      if (!existing) unitCount++;
      unitIds.set(`${unit.regionCode}/${unit.name}`, row.id);
    }
  });
  unitCount += await seedTownshipGovernments(deps.db);
  let users = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByUsername(deps.db, account.username)) continue;
    await createUser(deps, SEED_ACTOR, {
      username: account.username,
      displayName: account.displayName,
      password: process.env.MINSHENG_DEMO_PASSWORD || DEMO_PASSWORD,
      phone: account.phone ?? null,
      grants: [
        {
          role: account.role,
          regionCode: account.regionCode,
          unitId: account.unitName ? unitIds.get(`${account.regionCode}/${account.unitName}`) : null,
        },
      ],
    });
    users++;
  }
  let planYears = (await seedDemoPlans(deps)) + (await seedSplitDemoPlans(deps));
  for (const plan of DEMO_PLAN_YEARS) {
    if (await findPlanYear(deps.db, plan.regionCode, plan.year)) continue;
    await openPlanYear(deps, SEED_ACTOR, plan);
    planYears++;
  }
  await seedDemoSuggestions(deps);
  await seedDemoEvaluation(deps);
  await seedDemoSupervision(deps);
  return { units: unitCount, users, planYears, townships };
}

/**
 * The plan documents from the seeds (and the clearly labelled simulated ones): imported once, left
 * alone on later starts so that what people changed since stays.
 */
async function seedDemoPlans(deps: AppDeps): Promise<number> {
  let loaded = 0;
  for (const plan of DEMO_PLAN_FILES.filter((f) => f.startup)) {
    const existing = await findPlanYear(deps.db, plan.regionCode, plan.year);
    if (existing) continue;
    await importPlan(deps, SEED_ACTOR, loadDemoPlan(plan.file));
    await writeTransaction(deps.db, SEED_ACTOR, (tx) =>
      tx
        .update(planYears)
        .set({ demo: plan.demo, stage: plan.stage })
        .where(and(eq(planYears.regionCode, plan.regionCode), eq(planYears.year, plan.year))),
    );
    loaded++;
  }
  return loaded;
}

/**
 * 任务分解 demo: 山西省 and 晋城市 2023 with their cities' and counties' reports (plans/split-demo.ts).
 * Loaded once; a plan year that exists with projects is left alone, an empty one (an earlier demo
 * opened 山西省 2023 empty) gets the demo.
 */
async function seedSplitDemoPlans(deps: AppDeps): Promise<number> {
  let loaded = 0;
  for (const demo of splitDemoPlans()) {
    const region = (demo.document.region as { code: string }).code;
    const year = demo.document.year as number;
    const existing = await findPlanYear(deps.db, region, year);
    if (existing) {
      const [any] = await deps.db
        .select({ id: projects.id })
        .from(projects)
        .where(eq(projects.planYearId, existing.id))
        .limit(1);
      if (any) continue;
    }
    await importPlan(deps, SEED_ACTOR, demo.document);
    await importSubRegionReports(deps, SEED_ACTOR, region, year, demo.subRegionReports);
    await writeTransaction(deps.db, SEED_ACTOR, (tx) =>
      tx
        .update(planYears)
        .set({ demo: true, stage: 'implement' })
        .where(and(eq(planYears.regionCode, region), eq(planYears.year, year))),
    );
    if (!existing) loaded++;
  }
  return loaded;
}

/** Each of Qinshui's townships gets its government as a unit (配合单位 "各乡镇人民政府"). */
async function seedTownshipGovernments(db: Db): Promise<number> {
  const townships = await childrenOf(db, QINSHUI_COUNTY);
  return writeTransaction(db, SEED_ACTOR, async (tx) => {
    let created = 0;
    for (const t of townships) {
      const name = `${t.name}人民政府`;
      if (await findUnitByName(tx, t.code, name)) continue;
      await insertUnit(tx, { regionCode: t.code, name, kind: guessUnitKind(name), shortName: t.name });
      created++;
    }
    return created;
  });
}

export async function seed(
  deps: AppDeps,
  options: { demo: boolean; adminPassword?: string },
): Promise<SeedReport> {
  const regionsLoaded = await seedRegions(deps.db);
  const admin = await seedAdmin(deps, options.adminPassword);
  const report: SeedReport = {
    regionsLoaded,
    adminCreated: admin.created,
    generatedAdminPassword: admin.generated,
  };
  if (options.demo) report.demo = await seedDemo(deps);
  return report;
}
