import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/kernel/actor';
import { importPlan } from '../../src/modules/progress';
import { approveReport, draftReport, submitReport } from '../../src/modules/progress/use-cases/reporting';
import { planOverview } from '../../src/modules/progress/use-cases/views';
import { actorOf } from '../support/actors';
import { depsAt as at } from '../support/clock';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';
import { inYear, qinshui } from '../support/plans';

// The staff work in China (UTC+8): between 00:00 and 08:00 there, UTC still reads the day before.
describe.each(testDatabaseKinds())("progress reads China's calendar on $name", (kind) => {
  let database: TestDatabase;
  let coordinator: Actor;
  let clerk: Actor;
  let approver: Actor;

  beforeAll(async () => {
    database = await kind.openDemo();
    // The demo's 沁水县 2023 carries 督办 history: this test's plan goes in 2021 (support/plans.ts).
    await importPlan(at(database, '2021-01-04T02:00:00Z'), 'system:test', inYear(qinshui, 2021));
    coordinator = await actorOf(database.db, 'qinshui.coord');
    clerk = await actorOf(database.db, 'zjj.clerk');
    approver = await actorOf(database.db, 'zjj.approver');
  });
  afterAll(() => database?.close());

  it('opens the overview on the day it is in China, at 04:00 on 1 July', async () => {
    const overview = await planOverview(at(database, '2021-06-30T20:00:00Z'), coordinator, '140521', 2021);
    expect(overview.asOf).toBe('2021-07-01');
  });

  it('counts a report sent at 01:30 on 6 August, China time, as late for July', async () => {
    const sentAt = at(database, '2021-08-05T17:30:00Z');
    const projectId = (await planOverview(sentAt, coordinator, '140521', 2021)).projects[0]!.id;
    const july = await draftReport(sentAt, clerk, projectId, {
      asOf: '2021-07-31',
      values: { I1: 13, I2: 400 },
      eligible: {},
      explanations: {},
      progressText: '屋面和楼体立面改造完成',
    });
    await submitReport(sentAt, clerk, july.id);
    await approveReport(at(database, '2021-08-06T02:00:00Z'), approver, july.id);

    const overview = await planOverview(sentAt, coordinator, '140521', 2021, '2021-08-31');
    // January to June were never filed; July's came after its day, the 5th.
    expect(overview.projects[0]).toMatchObject({ missingReports: 6, lateReports: 1 });
  });
});
