import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/kernel/actor';
import { DomainError } from '../../src/kernel/errors';
import {
  issueOrder,
  orderDetail,
  projectInspections,
  recordInspection,
  supervisionBoard,
} from '../../src/modules/supervision';
import { configFromEnv } from '../../src/server/config';
import { type AppDeps, createDeps } from '../../src/server/deps';
import { actorOf } from '../support/actors';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';

/** 代表视察意见: a deputy inspects a project and says what they saw; the coordinator makes it an order. */
describe.each(testDatabaseKinds())('deputies’ inspections on $name', (kind) => {
  let database: TestDatabase;
  let deps: AppDeps;
  let deputy: Actor;
  let coordinator: Actor;
  let clerk: Actor;
  let henan: Actor;
  let projectId: string;
  let otherProjectId: string;

  const refusal = async (work: Promise<unknown>) => {
    const error = await work.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    return { code: (error as DomainError).code, field: (error as DomainError).field };
  };

  beforeAll(async () => {
    database = await kind.openDemo();
    deps = createDeps(database, configFromEnv({}), () => new Date('2023-09-12T02:00:00Z'));
    deputy = await actorOf(database.db, 'deputy.qinshui');
    coordinator = await actorOf(database.db, 'qinshui.coord');
    clerk = await actorOf(database.db, 'zjj.clerk');
    henan = await actorOf(database.db, 'henan.coord');
    const board = await supervisionBoard(deps, coordinator, '140521', 2023);
    projectId = board.projects.find((p) => p.ref === 'P07')!.id;
    otherProjectId = board.projects.find((p) => p.ref === 'P01')!.id;
  });
  afterAll(() => database?.close());

  it('lets a deputy of the county write down an inspection, and everyone who reads the plan read it', async () => {
    const after = await recordInspection(deps, deputy, projectId, {
      visitedOn: '2023-09-11',
      text: '科教小区3号楼外墙保温施工停滞，现场无人作业，居民反映雨季漏水。',
    });
    expect(after).toMatchObject({ mayInspect: true, mayIssue: false });
    expect(after.items[0]).toMatchObject({
      deputyName: '沁水县人大代表',
      visitedOn: '2023-09-11',
      orders: [],
    });
    expect(await projectInspections(deps, coordinator, projectId)).toMatchObject({
      mayInspect: false,
      mayIssue: true,
      items: [{ text: '科教小区3号楼外墙保温施工停滞，现场无人作业，居民反映雨季漏水。' }],
    });
    expect((await projectInspections(deps, clerk, projectId)).items).toHaveLength(1);
    expect((await refusal(projectInspections(deps, henan, projectId))).code).toBe('PROJECT_NOT_FOUND');
  });

  it('takes inspections from deputies only, dated no later than today', async () => {
    expect(
      (await refusal(recordInspection(deps, clerk, projectId, { visitedOn: '2023-09-11', text: '好' }))).code,
    ).toBe('FORBIDDEN');
    expect(
      await refusal(recordInspection(deps, deputy, projectId, { visitedOn: '2023-09-13', text: '明天去看' })),
    ).toEqual({ code: 'VALIDATION_FAILED', field: 'visitedOn' });
  });

  it('turns an inspection into a 督办 order that names it, and only one of the same project', async () => {
    const [inspection] = (await projectInspections(deps, coordinator, projectId)).items;
    const order = await issueOrder(deps, coordinator, '140521', 2023, {
      projectId,
      gravity: 'ordinary',
      reason: `人大代表视察发现：${inspection!.text}`,
      inspectionId: inspection!.id,
    });
    expect(order.inspectionId).toBe(inspection!.id);
    expect((await orderDetail(deps, clerk, order.id)).inspectionId).toBe(inspection!.id);
    const listed = await projectInspections(deps, deputy, projectId);
    expect(listed.items[0]!.orders).toEqual([{ id: order.id, number: order.number }]);

    expect(
      await refusal(
        issueOrder(deps, coordinator, '140521', 2023, {
          projectId: otherProjectId,
          gravity: 'ordinary',
          reason: '请加快',
          inspectionId: inspection!.id,
        }),
      ),
    ).toEqual({ code: 'SUPERVISION_INSPECTION_INVALID', field: 'inspectionId' });
  });

  it('keeps inspections as written', async () => {
    for (const statement of [
      sql`update project_inspections set text = 'x'`,
      sql`delete from project_inspections`,
    ]) {
      const error = await database.db.execute(statement).then(
        () => null,
        (e: { cause?: Error }) => e,
      );
      expect(String(error?.cause?.message)).toMatch(/is append-only/);
    }
  });
});
