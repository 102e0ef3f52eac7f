import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/kernel/actor';
import { addSuggestion, answerGroup, autoGroup, routeGroup } from '../../src/modules/suggestions';
import { listGroups, publicAnswers, publicAnswerYears } from '../../src/modules/suggestions/use-cases/views';
import { seed } from '../../src/seed/seed';
import { configFromEnv } from '../../src/server/config';
import { type AppDeps, createDeps } from '../../src/server/deps';
import { actorOf } from '../support/actors';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';

const QINSHUI = '140521';
const TEXT = '县城东关小学门口早晚接送孩子时车辆拥堵，建议增设临时停车位和交通协管员。';

describe.each(testDatabaseKinds())('answers published for the portal on $name', (kind) => {
  let database: TestDatabase;
  let deps: AppDeps;
  let coordinator: Actor;

  beforeAll(async () => {
    database = await kind.open();
    deps = createDeps(database, configFromEnv({}), () => new Date('2022-11-20T02:00:00Z'));
    await seed(deps, { demo: true, adminPassword: 'Qinshui#2023pass' });
    coordinator = await actorOf(database.db, 'qinshui.coord');
  });
  afterAll(() => database?.close());

  it('lists the plan years that have answers, with how many groups were answered', async () => {
    const board = await listGroups(deps, coordinator, QINSHUI, 2023);
    const answered = board.groups.filter((g) => g.status === 'answered' && g.members.length > 0);
    expect(answered.length).toBeGreaterThan(0);
    const { items } = await publicAnswerYears(deps);
    expect(items).toEqual([
      {
        regionCode: QINSHUI,
        regionName: '沁水县',
        parentName: '晋城市',
        year: 2023,
        title: expect.any(String),
        groups: answered.length,
      },
    ]);
  });

  it('shows each answered group with verdict, reason and size, and never a name or phone', async () => {
    await addSuggestion(deps, coordinator, QINSHUI, 2023, {
      channel: 'hotline',
      text: TEXT,
      name: '王秀兰',
      phone: '13935630001',
      externalRef: 'RX-PUBLIC-1',
    });
    await autoGroup(deps, coordinator, QINSHUI, 2023);
    const group = (await listGroups(deps, coordinator, QINSHUI, 2023)).groups.find((g) =>
      g.members.some((m) => m.text === TEXT),
    )!;
    const unitId = board(await listGroups(deps, coordinator, QINSHUI, 2023)).unitId;
    await routeGroup(deps, coordinator, group.id, { unitId, label: '东关小学门口接送拥堵' });
    await answerGroup(deps, coordinator, group.id, {
      verdict: 'partly_adopted',
      reason: '已协调交警在上下学时段增派协管员，临时停车位正在选址。',
    });
    const page = await publicAnswers(deps, QINSHUI, 2023);
    const shown = page.items.find((i) => i.label === '东关小学门口接送拥堵');
    expect(shown).toMatchObject({
      suggestions: group.members.length,
      answer: {
        verdict: 'partly_adopted',
        verdictLabel: '部分采纳',
        reason: '已协调交警在上下学时段增派协管员，临时停车位正在选址。',
      },
    });
    const text = JSON.stringify(page);
    expect(text).not.toContain('王秀兰');
    expect(text).not.toContain('13935630001');
    expect(text).not.toContain(TEXT);
    expect((await publicAnswerYears(deps)).items[0]!.groups).toBe(page.items.length);
  });
});

/** Any unit of the board (the coordinator routes to whichever unit answers). */
function board(b: Awaited<ReturnType<typeof listGroups>>) {
  return { unitId: b.units[0]!.id };
}
