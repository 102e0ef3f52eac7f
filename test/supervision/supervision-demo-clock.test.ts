import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/kernel/actor';
import { supervisionBoard } from '../../src/modules/supervision';
import { seed } from '../../src/seed/seed';
import { configFromEnv } from '../../src/server/config';
import { type AppDeps, createDeps } from '../../src/server/deps';
import { actorOf } from '../support/actors';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';

/** A demo loaded on 3 September 2023 holds only the 督办 that had happened by then. */
describe.each(testDatabaseKinds())('the 督办 demo loaded with an earlier clock, on $name', (kind) => {
  let database: TestDatabase;
  let deps: AppDeps;
  let coordinator: Actor;

  beforeAll(async () => {
    database = await kind.open();
    deps = createDeps(database, configFromEnv({}), () => new Date('2023-09-03T08:00:00Z'));
    await seed(deps, { demo: true, adminPassword: 'Qinshui#2023pass' });
    coordinator = await actorOf(database.db, 'qinshui.coord');
  });
  afterAll(() => database?.close());

  it('stops at that day: no order issued later, no step taken later', async () => {
    const board = await supervisionBoard(deps, coordinator, '140521', 2023);
    expect(board.orders.map((o) => [o.number, o.stage])).toEqual([
      ['督〔2023〕2号', 'in_progress'],
      ['督〔2023〕3号', 'closed'],
      ['督〔2023〕1号', 'closed'],
    ]);
    // 住建局's dated plan for the 慢行系统: due 30 September, not yet reported on 3 September.
    expect(board.orders[0]).toMatchObject({ dueOn: '2023-09-30', overdueDays: 0, rounds: 0 });
  });
});
