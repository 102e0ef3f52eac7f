import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTransaction } from '../../src/db/transaction';
import type { Actor } from '../../src/kernel/actor';
import { candidates } from '../../src/modules/candidates';
import { findPlanYear } from '../../src/modules/plans';
import {
  addSuggestion,
  answerGroup,
  autoGroup,
  linkCandidate,
  mergeGroups,
  planFunnel,
  routeGroup,
  splitSuggestion,
  submitSuggestion,
  trackSuggestion,
} from '../../src/modules/suggestions';
import { listGroups } from '../../src/modules/suggestions/use-cases/views';
import { seed } from '../../src/seed/seed';
import { configFromEnv } from '../../src/server/config';
import { type AppDeps, createDeps } from '../../src/server/deps';
import { actorOf } from '../support/actors';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';

const QINSHUI = '140521';
/** Inside Qinshui 2023's demo window (1 Nov – 10 Dec 2022). */
const DURING = new Date('2022-11-20T02:00:00Z');

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; field?: string };
  }
  throw new Error('expected a refusal');
}

describe.each(testDatabaseKinds())('suggestions from intake to answer on $name', (kind) => {
  let database: TestDatabase;
  let clock: Date;
  let deps: AppDeps;
  let coordinator: Actor;
  let clerk: Actor;
  let otherClerk: Actor;
  const board = () => listGroups(deps, coordinator, QINSHUI, 2023);

  beforeAll(async () => {
    database = await kind.open();
    clock = DURING;
    deps = createDeps(database, configFromEnv({}), () => clock);
    await seed(deps, { demo: true, adminPassword: 'Qinshui#2023pass' });
    coordinator = await actorOf(database.db, 'qinshui.coord');
    clerk = await actorOf(database.db, 'zjj.clerk');
    otherClerk = await actorOf(database.db, 'wtj.clerk');
  });
  afterAll(() => database?.close());

  it('loads the demo: every suggestion in one group, most routed, some answered', async () => {
    const { groups, ungrouped } = await board();
    expect(ungrouped).toBe(0);
    expect(groups.flatMap((g) => g.members)).toHaveLength(40);
    expect(groups.length).toBeGreaterThan(15);
    expect(groups.length).toBeLessThan(35);
    const elevator = groups.find((g) => g.label.includes('电梯'))!;
    expect(elevator).toMatchObject({ status: 'answered', unitName: '住建局' });
    expect(elevator.members).toHaveLength(3);
    const tracked = await trackSuggestion(deps, elevator.members[2]!.trackingCode);
    expect(tracked.answer).toMatchObject({ verdictLabel: '部分采纳', unitName: '住建局' });
    expect(groups.filter((g) => g.status === 'proposed').length).toBeGreaterThan(0);
  });

  it('takes a resident suggestion only inside the window, and at most five a day per phone', async () => {
    const base = {
      regionCode: QINSHUI,
      year: 2023,
      text: '杏园社区老楼都是六层没有电梯，老人上下楼太难，建议加装电梯',
    };
    const receipt = await submitSuggestion(deps, { ...base, phone: '13800001111' });
    expect(receipt).toMatchObject({ regionName: '沁水县', year: 2023 });
    expect((await trackSuggestion(deps, receipt.trackingCode)).status).toBe('received');
    for (let i = 0; i < 4; i++)
      await submitSuggestion(deps, { ...base, text: `第${i}条：建议修路`, phone: '13800001111' });
    const sixth = await rejection(submitSuggestion(deps, { ...base, phone: '13800001111' }));
    expect(sixth).toMatchObject({ code: 'SUGGESTION_PHONE_LIMIT', field: 'phone' });
    clock = new Date(DURING.getTime() + 86_400_000 + 1000);
    await submitSuggestion(deps, { ...base, text: '第二天：建议修路', phone: '13800001111' });

    clock = new Date('2022-12-10T15:59:00Z'); // 23:59 on the last day in China
    await submitSuggestion(deps, { ...base, text: '最后一天：建议修路' });
    clock = new Date('2022-12-10T16:01:00Z');
    const late = await rejection(submitSuggestion(deps, base));
    expect(late.code).toBe('SOLICITATION_CLOSED');
    expect(late.message).toContain('现已结束');
    clock = new Date('2022-10-01T00:00:00Z');
    const early = await rejection(submitSuggestion(deps, base));
    expect(early.message).toBe(
      '本次公开征集将于2022年11月1日开始（征集期 2022年11月1日至2022年12月10日），届时欢迎您提出建议',
    );
    const none = await rejection(submitSuggestion(deps, { ...base, year: 2022 }));
    expect(none.message).toBe('该地区本年度暂未开展民生实事公开征集，感谢您的关注');
    clock = DURING;
  });

  it('regroups new suggestions into the groups the coordinator worked on, with their answer', async () => {
    const summary = await autoGroup(deps, coordinator, QINSHUI, 2023);
    expect(summary.joined).toBeGreaterThanOrEqual(1);
    const { groups } = await board();
    const elevator = groups.find((g) => g.label.includes('电梯'))!;
    const newcomer = elevator.members.find((m) => m.phone === '13800001111')!;
    expect(newcomer).toBeTruthy();
    expect((await trackSuggestion(deps, newcomer.trackingCode)).answer?.verdictLabel).toBe('部分采纳');
    expect(groups.flatMap((g) => g.members)).toHaveLength(47);
  });

  it('merges, splits and routes under the rules; only the routed unit answers, a new answer supersedes', async () => {
    const { groups, units } = await board();
    const answered = groups.find((g) => g.status === 'answered')!;
    const proposed = groups.filter((g) => g.status === 'proposed');
    expect(await rejection(mergeGroups(deps, coordinator, proposed[0]!.id, answered.id))).toMatchObject({
      code: 'SUGGESTION_GROUP_ANSWERED',
    });
    expect(
      await rejection(answerGroup(deps, clerk, proposed[0]!.id, { verdict: 'adopted', reason: '好' })),
    ).toMatchObject({
      code: 'SUGGESTION_GROUP_NOT_ROUTED',
    });
    const { moved } = await mergeGroups(deps, coordinator, proposed[0]!.id, proposed[1]!.id);
    expect(moved).toBe(proposed[1]!.members.length);
    const single = groups.find(
      (g) => g.members.length === 1 && g.id !== proposed[0]!.id && g.id !== proposed[1]!.id,
    )!;
    expect(await rejection(splitSuggestion(deps, coordinator, single.members[0]!.id))).toMatchObject({
      code: 'SUGGESTION_ALONE',
    });
    expect(await rejection(routeGroup(deps, clerk, proposed[0]!.id, { unitId: units[0]!.id }))).toMatchObject(
      {
        code: 'OUT_OF_SCOPE',
      },
    );

    const zjj = units.find((u) => u.name === '住建局')!;
    await routeGroup(deps, coordinator, proposed[0]!.id, { unitId: zjj.id, field: '城乡建设' });
    expect(
      await rejection(answerGroup(deps, otherClerk, proposed[0]!.id, { verdict: 'adopted', reason: '好' })),
    ).toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
    await answerGroup(deps, clerk, proposed[0]!.id, { verdict: 'in_progress', reason: '已列入明年计划研究' });
    const second = await answerGroup(deps, clerk, proposed[0]!.id, {
      verdict: 'adopted',
      reason: '已列入2023年项目',
    });
    expect(second).toMatchObject({ version: 2, supersedes: true, unitName: '住建局' });
    const code = (await board()).groups.find((g) => g.id === proposed[0]!.id)!.members.at(-1)!.trackingCode;
    const tracked = await trackSuggestion(deps, code);
    expect(tracked.answer).toMatchObject({ verdictLabel: '采纳', reason: '已列入2023年项目' });
    expect(tracked.earlierAnswers).toEqual([expect.objectContaining({ verdictLabel: '已在办理' })]);
  });

  it('traces groups to candidates in the funnel', async () => {
    const planYear = (await findPlanYear(deps.db, QINSHUI, 2023))!;
    const [candidate] = await writeTransaction(deps.db, 'system:test', (tx) =>
      tx
        .insert(candidates)
        .values({
          planYearId: planYear.id,
          seq: 99,
          name: '老旧小区改造项目',
          units: { lead: ['住建局'], partners: [], implementers: [] },
          status: 'elected',
        })
        .returning(),
    );
    const elevator = (await board()).groups.find((g) => g.label.includes('电梯'))!;
    await linkCandidate(deps, coordinator, candidate!.id, elevator.id);
    const funnel = await planFunnel(deps, clerk, QINSHUI, 2023);
    expect(funnel).toMatchObject({
      suggestions: 47,
      grouped: 47,
      candidates: 1,
      linkedCandidates: 1,
      elected: 1,
      suggestionsInCandidates: elevator.members.length,
      suggestionsInElected: elevator.members.length,
    });
    const staff = await addSuggestion(deps, coordinator, QINSHUI, 2023, {
      channel: 'deputy',
      text: '代表码：建议建公厕',
    });
    expect(staff.trackingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });
});
