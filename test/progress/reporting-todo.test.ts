import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/kernel/actor';
import { importPlan } from '../../src/modules/progress';
import { draftReport, returnReport, submitReport } from '../../src/modules/progress/use-cases/reporting';
import { reportingTodoList } from '../../src/modules/progress/use-cases/reporting-todo';
import { planOverview } from '../../src/modules/progress/use-cases/views';
import { actorOf } from '../support/actors';
import { depsAt as at } from '../support/clock';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';
import { inYear, qinshui } from '../support/plans';

const july = (I1: number) => ({
  asOf: '2021-07-31',
  values: { I1, I2: 400 },
  eligible: {},
  explanations: {},
  progressText: '屋面和楼体立面改造推进中',
});

// 住建局 leads 老旧小区改造 (P07) in 沁水县's plan, moved to 2021: the demo's 2023 has 督办 history.
describe.each(testDatabaseKinds())("a department's reporting to-dos on $name", (kind) => {
  let database: TestDatabase;
  let clerk: Actor;
  let approver: Actor;
  let coordinator: Actor;
  let otherClerk: Actor;
  let projectId: string;
  const onAugust3 = () => at(database, '2021-08-03T02:00:00Z');

  beforeAll(async () => {
    database = await kind.openDemo();
    await importPlan(at(database, '2021-01-04T02:00:00Z'), 'system:test', inYear(qinshui, 2021));
    clerk = await actorOf(database.db, 'zjj.clerk');
    approver = await actorOf(database.db, 'zjj.approver');
    coordinator = await actorOf(database.db, 'qinshui.coord');
    otherClerk = await actorOf(database.db, 'wtj.clerk');
    projectId = (await planOverview(onAugust3(), coordinator, '140521', 2021)).projects[0]!.id;
  });
  afterAll(() => database?.close());

  it('tells the lead unit on 3 August that June is late (six months never reported) and July is due in 2 days', async () => {
    const list = await reportingTodoList(onAugust3(), clerk);
    expect(list.today).toBe('2021-08-03');
    expect(list.items).toEqual([
      {
        projectId,
        ref: 'P07',
        name: '老旧小区改造项目',
        regionCode: '140521',
        year: 2021,
        planRegionCode: '140521',
        planRegionName: '沁水县',
        unitName: '住建局',
        role: 'lead',
        todos: [
          { kind: 'overdue', asOf: '2021-06-30', due: '2021-07-05', daysLate: 29, missing: 6 },
          { kind: 'due', asOf: '2021-07-31', due: '2021-08-05', daysLeft: 2 },
        ],
      },
    ]);
  });

  it('owes nothing to a department the project is not its own, nor to a coordinator', async () => {
    expect((await reportingTodoList(onAugust3(), otherClerk)).items).toEqual([]);
    expect((await reportingTodoList(onAugust3(), coordinator)).items).toEqual([]);
  });

  it('follows the report: a draft, then nothing once submitted, then the approver’s reason when returned', async () => {
    const draft = await draftReport(onAugust3(), clerk, projectId, july(13));
    let todos = (await reportingTodoList(onAugust3(), clerk)).items[0]!.todos;
    expect(todos).toContainEqual({ kind: 'draft', reportId: draft.id, asOf: '2021-07-31' });
    expect(todos.map((t) => t.kind)).not.toContain('due');

    await submitReport(onAugust3(), clerk, draft.id);
    todos = (await reportingTodoList(onAugust3(), clerk)).items[0]!.todos;
    expect(todos.map((t) => t.kind)).toEqual(['overdue']);

    await returnReport(onAugust3(), approver, draft.id, '楼栋数与现场核查不符');
    todos = (await reportingTodoList(onAugust3(), clerk)).items[0]!.todos;
    expect(todos).toEqual([
      { kind: 'returned', reportId: draft.id, asOf: '2021-07-31', reason: '楼栋数与现场核查不符' },
      { kind: 'overdue', asOf: '2021-06-30', due: '2021-07-05', daysLate: 29, missing: 6 },
    ]);
  });

  it('tells a county’s 民生办 what its shares of the province’s and the city’s plans owe (任务分解)', async () => {
    // The demo's 山西省 2023 plan splits its stations to 沁水县, 晋城市's its stations and its estates;
    // 沁水县 reported each share January–October.
    const shares = async (instant: string) =>
      (await reportingTodoList(at(database, instant), coordinator)).items.filter((i) => i.role === 'share');
    const onDecember3 = await shares('2023-12-03T02:00:00Z');
    expect(onDecember3.map((i) => [i.planRegionName, i.ref, i.regionCode, i.unitName])).toEqual([
      ['山西省', 'P02', '140521', '沁水县'],
      ['晋城市', 'P01', '140521', '沁水县'],
      ['晋城市', 'P02', '140521', '沁水县'],
    ]);
    for (const item of onDecember3)
      expect(item.todos).toEqual([{ kind: 'due', asOf: '2023-11-30', due: '2023-12-05', daysLeft: 2 }]);
    const onDecember10 = await shares('2023-12-10T02:00:00Z');
    expect(onDecember10[0]!.todos).toEqual([
      { kind: 'overdue', asOf: '2023-11-30', due: '2023-12-05', daysLate: 5, missing: 1 },
    ]);
    // A county department is not told of the county's shares: its 民生办 answers for them.
    const departments = await reportingTodoList(at(database, '2023-12-03T02:00:00Z'), otherClerk);
    expect(departments.items.filter((i) => i.role === 'share')).toEqual([]);
  });
});
