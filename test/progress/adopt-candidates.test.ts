import { readFileSync } from 'node:fs';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidates, planYears } from '../../src/db/schema';
import { importCandidateTable } from '../../src/modules/candidates';
import { exportPlan } from '../../src/modules/progress';
import { adoptElectedCandidates } from '../../src/modules/progress/use-cases/adopt-candidates';
import { seedRegions } from '../../src/seed/seed';
import { configFromEnv } from '../../src/server/config';
import { type AppDeps, createDeps } from '../../src/server/deps';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';

const fixture = new URL('../../../shared/fixtures/qinshui-2023-candidates.tsv', import.meta.url).pathname;

describe.each(testDatabaseKinds())('adopting the elected candidates on $name', (kind) => {
  let database: TestDatabase;
  let deps: AppDeps;
  beforeAll(async () => {
    database = await kind.open();
    deps = createDeps(database, configFromEnv({}));
    await seedRegions(database.db);
    await importCandidateTable(deps, 'system:test', {
      regionCode: '140521',
      year: 2025,
      fileName: 'list.tsv',
      bytes: readFileSync(fixture),
    });
    // The vote elected the first 12 of the 15 (as the sessions module marks them on closing).
    const [planYear] = await database.db
      .select()
      .from(planYears)
      .where(and(eq(planYears.regionCode, '140521'), eq(planYears.year, 2025)));
    const rows = await database.db.select().from(candidates).where(eq(candidates.planYearId, planYear!.id));
    const elected = rows.filter((c) => c.seq <= 12).map((c) => c.id);
    await database.db.update(candidates).set({ status: 'elected' }).where(inArray(candidates.id, elected));
  });
  afterAll(() => database?.close());

  it('turns each elected candidate into a project with its units, leaders, budget and milestones', async () => {
    const result = await adoptElectedCandidates(deps, 'system:test', '140521', 2025);
    expect(result.adopted).toHaveLength(12);
    const plan = await exportPlan(deps, 'system:test', '140521', 2025);
    expect(plan.projects).toHaveLength(12);
    const park = plan.projects[0]!;
    expect(park).toMatchObject({
      ref: 'C01',
      name: '口袋公园建设项目',
      budget: '10000000.00',
      leadUnits: ['园林绿化中心'],
    });
    expect(park.leaders).toEqual([
      { role: '县级分管领导', name: '牛正太' },
      { role: '责任领导', name: '刘建' },
      { role: '分管领导', name: '冯亮' },
      { role: '责任人', name: '李慧鑫', phone: '18235666981' },
    ]);
    expect(park.milestones).toHaveLength(9);
    // Its steps are what it is measured by: exported as a count of the nine reached, one more planned
    // at each due date (the exchange format has no milestone kind: plan-export.rules.ts).
    expect(park.indicators).toEqual([
      { ref: 'M1', name: '推进计划节点', unit: '个', kind: 'count', target: 9 },
    ]);
    const byDue = [...park.milestones].sort((a, b) => a.due.localeCompare(b.due));
    expect(byDue.map((m) => m.planned.M1)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const walkway = plan.projects[3]!;
    expect(walkway.partnerUnits).toEqual(['园林绿化服务中心', '交警大队', '晋城市生态环境局沁水分局']);
  });

  it('adopts nothing twice', async () => {
    expect((await adoptElectedCandidates(deps, 'system:test', '140521', 2025)).adopted).toEqual([]);
    expect((await exportPlan(deps, 'system:test', '140521', 2025)).projects).toHaveLength(12);
  });
});
