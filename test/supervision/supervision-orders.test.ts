import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/kernel/actor';
import { DomainError } from '../../src/kernel/errors';
import { importPlan } from '../../src/modules/progress';
import {
  escalatedOrders,
  issueOrder,
  orderDetail,
  ordersAwaitingMe,
  supervisionBoard,
  takeStep,
} from '../../src/modules/supervision';
import { configFromEnv } from '../../src/server/config';
import { type AppDeps, createDeps } from '../../src/server/deps';
import { actorOf } from '../support/actors';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';

/** A 督办 order worked through 13710 on the demo's Qinshui 2023, with the clock moved day by day. */
describe.each(testDatabaseKinds())('supervision orders on $name', (kind) => {
  let database: TestDatabase;
  let deps: AppDeps;
  let clock = new Date('2023-09-04T02:00:00Z'); // 10:00 in China
  const onChinaDay = (day: string) => {
    clock = new Date(`${day}T02:00:00Z`);
  };
  let coordinator: Actor;
  let clerk: Actor;
  let approver: Actor;
  let otherClerk: Actor;
  let viewer: Actor;
  let henan: Actor;
  let projectId: string;
  let housingUnitId: string;
  let partnerUnitId: string | undefined;

  const refusal = async (work: Promise<unknown>) => {
    const error = await work.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    const d = error as DomainError;
    return { code: d.code, field: d.field, message: d.message };
  };

  beforeAll(async () => {
    database = await kind.openDemo();
    deps = createDeps(database, configFromEnv({}), () => clock);
    coordinator = await actorOf(database.db, 'qinshui.coord');
    clerk = await actorOf(database.db, 'zjj.clerk');
    approver = await actorOf(database.db, 'zjj.approver');
    otherClerk = await actorOf(database.db, 'wtj.clerk');
    viewer = await actorOf(database.db, 'jincheng.viewer');
    henan = await actorOf(database.db, 'henan.coord');
    const board = await supervisionBoard(deps, coordinator, '140521', 2023);
    const housing = board.projects.find((p) => p.units.some((u) => u.role === 'lead' && u.name === '住建局'));
    expect(housing, 'a Qinshui 2023 project led by 住建局').toBeDefined();
    projectId = housing!.id;
    housingUnitId = housing!.units.find((u) => u.name === '住建局')!.id;
    partnerUnitId = housing!.units.find((u) => u.role === 'partner')?.id;
  });
  afterAll(() => database?.close());

  it('holds the demo’s four orders on Qinshui 2023: three graded, one awaiting its grade', async () => {
    onChinaDay('2026-12-02');
    const demo = await supervisionBoard(deps, coordinator, '140521', 2023);
    expect(demo.orders.map((o) => [o.number, o.project.ref, o.unit.name, o.stage, o.grade])).toEqual([
      ['督〔2023〕4号', 'P12', '人社局', 'awaiting_review', null],
      ['督〔2023〕3号', 'P10', '残联', 'closed', '优秀'],
      ['督〔2023〕2号', 'P04', '住建局', 'closed', '合格'],
      ['督〔2023〕1号', 'P07', '住建局', 'closed', '良好'],
    ]);
    expect(demo.totals).toMatchObject({
      total: 4,
      open: 1,
      overdue: 0,
      closed: 3,
      closedOnTime: 2,
      returned: 1,
    });
    const sentBack = await orderDetail(deps, coordinator, demo.orders[2]!.id);
    expect(sentBack.history.map((h) => h.kind)).toEqual([
      'issued',
      'acknowledged',
      'measures',
      'resolution',
      'returned',
      'resolution',
      'closed',
    ]);
    expect(sentBack.history[1]).toMatchObject({ actorName: '王波', takenOn: '2023-08-08' });
    expect(sentBack.milestones[0]).toMatchObject({ key: 'acknowledge', late: true });
  });

  it('issues an order to the project’s lead unit, numbered in the plan year, with its 13710 deadlines', async () => {
    onChinaDay('2023-09-04');
    const before = await supervisionBoard(deps, coordinator, '140521', 2023);
    const order = await issueOrder(deps, coordinator, '140521', 2023, {
      projectId,
      gravity: 'ordinary',
      reason: '老旧小区改造进度滞后于序时进度，请加快推进。',
      requirement: '9月15日前完成科教小区片区屋面改造',
    });
    expect(order.number).toBe(`督〔2023〕${before.totals.total + 1}号`);
    expect(order.unit).toEqual({ id: housingUnitId, name: '住建局' });
    expect(order).toMatchObject({
      stage: 'awaiting_ack',
      stageLabel: '待签收',
      dueOn: '2023-09-04',
      deadlines: { acknowledge: '2023-09-04', measures: '2023-09-07', resolve: '2023-09-11' },
      overdueDays: 0,
    });
    expect(order.history).toMatchObject([{ kind: 'issued', label: '下达督办', actorName: '沁水县民生办' }]);
    // The coordinator may remind; only the unit answers.
    expect(order.actions).toEqual(['reminded']);
    const asClerk = await orderDetail(deps, clerk, order.id);
    expect(asClerk.actions).toEqual(['acknowledged']);

    const board = await supervisionBoard(deps, coordinator, '140521', 2023);
    expect(board.totals.total).toBe(before.totals.total + 1);
    expect(board.projects.find((p) => p.id === projectId)?.underOrder).toBe(true);
    expect(board.lagging).not.toContain(projectId);
  });

  it('works an order through acknowledge → measures → resolution → returned → resolution → closed', async () => {
    onChinaDay('2023-09-05');
    const { id } = await issueOrder(deps, coordinator, '140521', 2023, {
      projectId,
      gravity: 'ordinary',
      reason: '惠及居民户数未按计划推进。',
    });
    // Nobody but the unit acknowledges; not the coordinator, not another department.
    expect((await refusal(takeStep(deps, coordinator, id, 'acknowledged', {}))).code).toBe('FORBIDDEN');
    expect((await refusal(takeStep(deps, otherClerk, id, 'acknowledged', {}))).code).toBe('FORBIDDEN');
    expect((await refusal(takeStep(deps, clerk, id, 'measures', { text: '加派施工队' }))).code).toBe(
      'SUPERVISION_STEP_INVALID',
    );

    const acked = await takeStep(deps, clerk, id, 'acknowledged', { text: '已签收，当日部署' });
    expect(acked).toMatchObject({ stage: 'awaiting_measures', dueOn: '2023-09-08' });

    onChinaDay('2023-09-07');
    const ordinaryPlan = await refusal(
      takeStep(deps, approver, id, 'measures', { text: '分片包干', dueOn: '2023-10-31' }),
    );
    expect(ordinaryPlan).toMatchObject({ code: 'SUPERVISION_PLAN_DATE_ORDINARY', field: 'dueOn' });
    const measures = await takeStep(deps, approver, id, 'measures', { text: '增加两支施工队，分片包干到人' });
    expect(measures).toMatchObject({ stage: 'in_progress', dueOn: '2023-09-12' });

    onChinaDay('2023-09-12');
    const reported = await takeStep(deps, clerk, id, 'resolution', { text: '科教小区片区屋面改造完成' });
    expect(reported).toMatchObject({ stage: 'awaiting_review', dueOn: null });
    expect(reported.actions).toEqual([]);
    const asCoordinator = await orderDetail(deps, coordinator, id);
    expect(asCoordinator.actions).toEqual(['closed', 'returned']);

    const failing = await refusal(takeStep(deps, coordinator, id, 'closed', { grade: '不合格' }));
    expect(failing).toMatchObject({ code: 'SUPERVISION_GRADE_INVALID', field: 'grade' });

    onChinaDay('2023-09-13');
    const back = await takeStep(deps, coordinator, id, 'returned', { text: '现场核查仍有3栋未完成' });
    expect(back).toMatchObject({ stage: 'in_progress', rounds: 1, dueOn: '2023-09-20' });

    onChinaDay('2023-09-19');
    await takeStep(deps, clerk, id, 'resolution', { text: '3栋已全部完成，附照片' });
    onChinaDay('2023-09-20');
    const closed = await takeStep(deps, coordinator, id, 'closed', { grade: '良好', text: '整改到位' });
    expect(closed).toMatchObject({
      stage: 'closed',
      stageLabel: '已办结',
      grade: '良好',
      closedOn: '2023-09-20',
    });
    expect(closed.history.map((h) => [h.kind, h.takenOn, h.actorName])).toEqual([
      ['issued', '2023-09-05', '沁水县民生办'],
      ['acknowledged', '2023-09-05', '王波'],
      ['measures', '2023-09-07', '宋国忠'],
      ['resolution', '2023-09-12', '王波'],
      ['returned', '2023-09-13', '沁水县民生办'],
      ['resolution', '2023-09-19', '王波'],
      ['closed', '2023-09-20', '沁水县民生办'],
    ]);
    expect(closed.history[4]).toMatchObject({ grade: '不合格', text: '现场核查仍有3栋未完成' });
    expect((await refusal(takeStep(deps, coordinator, id, 'reminded', {}))).code).toBe(
      'SUPERVISION_STEP_INVALID',
    );
  });

  it('escalates an order nobody acknowledges, and the level above sees it once it is 提级督办', async () => {
    onChinaDay('2023-10-09');
    const { id } = await issueOrder(deps, coordinator, '140521', 2023, {
      projectId,
      gravity: 'major',
      reason: '资金拨付滞后。',
      unitId: partnerUnitId ?? housingUnitId,
    });
    onChinaDay('2023-10-10');
    const reminded = await takeStep(deps, coordinator, id, 'reminded', { text: '请今日签收' });
    expect(reminded).toMatchObject({ overdueDays: 1, escalation: { label: '催办' }, reminders: 1 });
    expect((await escalatedOrders(deps, viewer)).items.map((o) => o.id)).not.toContain(id);

    onChinaDay('2023-10-16');
    const raised = await escalatedOrders(deps, viewer);
    expect(raised.items.find((o) => o.id === id)).toMatchObject({
      overdueDays: 7,
      escalation: { level: 3, label: '提级督办' },
      regionName: '沁水县',
      actions: [],
    });
    const board = await supervisionBoard(deps, viewer, '140521', 2023);
    expect(board.mayIssue).toBe(false);
    expect(board.totals.escalated).toBeGreaterThanOrEqual(1);
    // A superior reads but does not order a county's departments.
    expect((await refusal(takeStep(deps, viewer, id, 'reminded', {}))).code).toBe('FORBIDDEN');
    expect(
      (
        await refusal(
          issueOrder(deps, viewer, '140521', 2023, { projectId, gravity: 'ordinary', reason: 'x' }),
        )
      ).code,
    ).toBe('OUT_OF_SCOPE');
    // Another province sees neither the order nor the board.
    expect((await refusal(orderDetail(deps, henan, id))).code).toBe('SUPERVISION_NOT_FOUND');
    expect((await refusal(supervisionBoard(deps, henan, '140521', 2023))).code).toBe('OUT_OF_SCOPE');
    expect((await escalatedOrders(deps, henan)).items.map((o) => o.id)).not.toContain(id);
  });

  it('lets a major matter be resolved by the dated plan its measures give', async () => {
    onChinaDay('2023-10-09');
    const { id } = await issueOrder(deps, coordinator, '140521', 2023, {
      projectId,
      gravity: 'major',
      reason: '冬季供暖前须完成管网改造。',
    });
    await takeStep(deps, clerk, id, 'acknowledged', {});
    onChinaDay('2023-10-11');
    const early = await refusal(takeStep(deps, clerk, id, 'measures', { text: '计划', dueOn: '2023-10-01' }));
    expect(early).toMatchObject({ code: 'SUPERVISION_PLAN_DATE_EARLY', field: 'dueOn' });
    const planned = await takeStep(deps, clerk, id, 'measures', {
      text: '11月底前完工',
      dueOn: '2023-11-30',
    });
    expect(planned).toMatchObject({
      stage: 'in_progress',
      dueOn: '2023-11-30',
      deadlines: { resolve: '2023-11-30' },
    });
    onChinaDay('2023-11-20');
    expect((await orderDetail(deps, coordinator, id)).overdueDays).toBe(0);
  });

  it('lists what waits on each user: the unit its steps, the coordinator its grades', async () => {
    onChinaDay('2023-10-20');
    const { id } = await issueOrder(deps, coordinator, '140521', 2023, {
      projectId,
      gravity: 'ordinary',
      reason: '请加快。',
    });
    const clerks = (await ordersAwaitingMe(deps, clerk)).items;
    expect(clerks.map((o) => o.id)).toContain(id);
    expect(clerks.every((o) => o.unit.name === '住建局')).toBe(true);
    expect((await ordersAwaitingMe(deps, otherClerk)).items.map((o) => o.id)).not.toContain(id);
    // The coordinator only reminds an order waiting on its unit: not a to-do; a reported one is.
    const coordinators = (await ordersAwaitingMe(deps, coordinator)).items;
    expect(coordinators.map((o) => o.id)).not.toContain(id);
    expect(coordinators.map((o) => o.number)).toContain('督〔2023〕4号');
    expect(coordinators.every((o) => o.stage === 'awaiting_review')).toBe(true);
    const deputy = await actorOf(database.db, 'deputy.qinshui');
    expect((await ordersAwaitingMe(deps, deputy)).items).toEqual([]);
  });

  it('refuses an order to a unit that is not the project’s, and a project of another plan year', async () => {
    expect(
      await refusal(
        issueOrder(deps, coordinator, '140521', 2023, {
          projectId,
          gravity: 'ordinary',
          reason: '请加快',
          unitId: otherClerk.grants[0]!.unitId,
        }),
      ),
    ).toMatchObject({ code: 'SUPERVISION_UNIT_INVALID', field: 'unitId' });
    const other = await supervisionBoard(deps, coordinator, '140521', 2022);
    expect(
      (
        await refusal(
          issueOrder(deps, coordinator, '140521', 2023, {
            ...{ gravity: 'ordinary' as const },
            projectId: other.projects[0]!.id,
            reason: '请加快',
          }),
        )
      ).code,
    ).toBe('PROJECT_NOT_FOUND');
  });

  it('keeps orders and steps as they were written: the database refuses to change or remove them', async () => {
    for (const statement of [
      sql`update supervision_steps set text = 'changed'`,
      sql`delete from supervision_steps`,
      sql`update supervision_orders set reason = 'changed'`,
      sql`delete from supervision_orders`,
    ]) {
      const error = await database.db.execute(statement).then(
        () => null,
        (e: { cause?: Error }) => e,
      );
      // drizzle names the statement; the database's own refusal is the cause.
      expect(String(error?.cause?.message)).toMatch(/is append-only/);
    }
    const audited = await database.db.execute(
      sql`select count(*)::int as n from audit_log where table_name in ('supervision_orders', 'supervision_steps')`,
    );
    expect((audited as unknown as { rows: Array<{ n: number }> }).rows[0]!.n).toBeGreaterThan(10);
  });

  it('will not let a re-imported plan drop a project that has an order', async () => {
    const error = await refusal(
      importPlan(deps, 'system:test', {
        format: 'minsheng.plan/v1',
        region: { code: '140521', name: '沁水县' },
        year: 2023,
        projects: [],
      }),
    );
    expect(error.code).toBe('PLAN_PROJECT_IN_USE');
    expect(error.message).toMatch(/督办记录/);
  });
});
