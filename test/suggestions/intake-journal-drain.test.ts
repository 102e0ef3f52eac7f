/**
 * The suggestion intake journal against a real database: a resident's suggestion is acknowledged
 * from the journal, tracked before it reaches the table, counted against its phone's daily limit, and
 * drained into the table exactly once with its audit row, also when a previous process left it behind.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema';
import type { Actor } from '../../src/kernel/actor';
import { findPlanYear } from '../../src/modules/plans';
import {
  addSuggestion,
  setSolicitationWindow,
  startSuggestionIntake,
  submitSuggestion,
  suggestions,
  trackSuggestion,
} from '../../src/modules/suggestions';
import { decodeSegment, IntakeJournal } from '../../src/modules/suggestions/intake-journal';
import {
  drainJournaledSuggestions,
  type JournaledSuggestion,
} from '../../src/modules/suggestions/use-cases/intake-drain';
import { listSuggestions } from '../../src/modules/suggestions/use-cases/views';
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

describe.each(testDatabaseKinds())('the suggestion intake journal on $name', (kind) => {
  let database: TestDatabase;
  let clock: Date;
  let coordinator: Actor;
  let planYearId: string;
  const folders: string[] = [];
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'intake-drain-'));
    folders.push(dir);
    return dir;
  };
  /** Deps whose drainer waits a minute on its own, so each test decides when the drain happens. */
  const depsOn = (intakeDir: string): AppDeps =>
    createDeps(database, { ...configFromEnv({}), intakeDir, intakeDrainMs: 60_000 }, () => clock);
  const stored = (codes: string[]) =>
    database.db.select().from(suggestions).where(inArray(suggestions.trackingCode, codes));
  const entry = (trackingCode: string, text: string): JournaledSuggestion => ({
    trackingCode,
    planYearId,
    regionCode: QINSHUI,
    regionName: '沁水县',
    year: 2023,
    field: '交通出行',
    text,
    name: null,
    phone: '13900000001',
    submittedAt: DURING.toISOString(),
  });

  beforeAll(async () => {
    database = await kind.open();
    clock = DURING;
    await seed(
      createDeps(database, configFromEnv({}), () => clock),
      {
        demo: true,
        adminPassword: 'Qinshui#2023pass',
      },
    );
    coordinator = await actorOf(database.db, 'qinshui.coord');
    planYearId = (await findPlanYear(database.db, QINSHUI, 2023))!.id;
  });
  afterAll(async () => {
    await database?.close();
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  it('drains entries once each by tracking code, audited as public:web, and sets a clash aside', async () => {
    const a = entry('TEST-AAA2', '嘉峰镇到县城的公交太少，建议增加班次');
    const b = entry('TEST-BBB3', '郑庄镇排水沟年久失修，建议清淤');
    const c = entry('TEST-CCC4', '滨河路路灯不亮');
    expect(await drainJournaledSuggestions(database.db, [a, b])).toEqual({
      added: 2,
      present: 0,
      clashes: [],
    });
    expect(await drainJournaledSuggestions(database.db, [a, b, c, c])).toEqual({
      added: 1,
      present: 2,
      clashes: [],
    });
    const clash = {
      ...entry('TEST-AAA2', '另一条建议用了同一个查询码'),
      submittedAt: new Date().toISOString(),
    };
    expect(await drainJournaledSuggestions(database.db, [clash])).toEqual({
      added: 0,
      present: 0,
      clashes: [clash],
    });

    const rows = await stored(['TEST-AAA2', 'TEST-BBB3', 'TEST-CCC4']);
    expect(rows.map((r) => r.text).sort()).toEqual([a.text, b.text, c.text].sort());
    expect(rows.every((r) => r.channel === 'web' && r.submittedAt?.getTime() === DURING.getTime())).toBe(
      true,
    );
    const audited = await database.db
      .select({ recordId: auditLog.recordId, actor: auditLog.actor })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.tableName, 'suggestions'),
          inArray(
            auditLog.recordId,
            rows.map((r) => r.id),
          ),
        ),
      );
    expect(audited).toHaveLength(3);
    expect(audited.every((r) => r.actor === 'public:web')).toBe(true);
  });

  it('acknowledges from the journal, tracks before the drain, counts the phone across journal and table', async () => {
    const dir = folder();
    const deps = depsOn(dir);
    const phone = '13800002222';
    const base = { regionCode: QINSHUI, year: 2023, text: '杏园社区老楼没有电梯，建议加装（日志）' };
    // Two already in the table, sent before the server had a journal.
    for (let i = 0; i < 2; i++) await submitSuggestion(deps, { ...base, phone });
    const intake = (await startSuggestionIntake(deps))!;
    try {
      const receipts = [];
      for (let i = 0; i < 3; i++)
        receipts.push(await submitSuggestion(deps, { ...base, text: `${base.text}${i}`, phone }));
      const sixth = await rejection(submitSuggestion(deps, { ...base, phone }));
      expect(sixth).toMatchObject({ code: 'SUGGESTION_PHONE_LIMIT', field: 'phone' });
      expect(sixth.message).toContain('24 小时内最多提交 5 条');

      const codes = receipts.map((r) => r.trackingCode);
      expect(receipts[0]).toMatchObject({
        regionName: '沁水县',
        year: 2023,
        submittedAt: DURING.toISOString(),
      });
      expect(await stored(codes)).toEqual([]); // not drained yet…
      const onDisk = readdirSync(dir)
        .filter((f) => f.endsWith('.log'))
        .flatMap((f) => decodeSegment<JournaledSuggestion>(readFileSync(join(dir, f))));
      expect(onDisk.map((r) => r.record.trackingCode)).toEqual(codes); // …but on disk
      expect(await trackSuggestion(deps, codes[0]!.toLowerCase())).toMatchObject({
        trackingCode: codes[0],
        regionName: '沁水县',
        year: 2023,
        channelLabel: '网站',
        status: 'received',
        statusLabel: '已收到，等待梳理',
        text: `${base.text}0`,
        answer: null,
      });

      // Staff see every acknowledged suggestion: their list waits for the drain.
      const list = await listSuggestions(deps, coordinator, QINSHUI, 2023, { q: '建议加装（日志）' });
      expect(list.total).toBe(5);
      expect((await stored(codes)).map((r) => r.trackingCode).sort()).toEqual([...codes].sort());
      expect(
        readdirSync(dir)
          .filter((f) => f.endsWith('.log'))
          .flatMap((f) => decodeSegment(readFileSync(join(dir, f)))),
      ).toEqual([]);
      expect((await trackSuggestion(deps, codes[0]!)).status).toBe('received');

      // The window is read from memory, and a change by staff applies at once.
      clock = new Date('2022-12-06T02:00:00Z');
      expect((await submitSuggestion(deps, base)).trackingCode).toBeTruthy();
      await setSolicitationWindow(deps, coordinator, QINSHUI, 2023, {
        opensOn: '2022-11-01',
        closesOn: '2022-12-05',
      });
      const closed = await rejection(submitSuggestion(deps, base));
      expect(closed.code).toBe('SOLICITATION_CLOSED');
      expect(closed.message).toContain('2022年12月5日，现已结束');
      await setSolicitationWindow(deps, coordinator, QINSHUI, 2023, {
        opensOn: '2022-11-01',
        closesOn: '2022-12-10',
      });
      expect((await submitSuggestion(deps, base)).trackingCode).toBeTruthy();
    } finally {
      clock = DURING;
      await intake.close();
    }
  });

  it('knows the table’s codes and the day’s phones from memory once read, staff entries included', async () => {
    const deps = depsOn(folder());
    const base = { regionCode: QINSHUI, year: 2023, text: '土沃乡卫生院缺少B超机，建议配备（记忆）' };
    const full = '13800003333';
    for (let i = 0; i < 5; i++)
      await submitSuggestion(deps, { ...base, text: `${base.text}${i}`, phone: full });
    const before = await submitSuggestion(deps, base);
    const intake = (await startSuggestionIntake(deps))!;
    try {
      await intake.memory.ready;
      expect(intake.phones.complete).toBe(true);
      expect(intake.memory.mayBeTaken(before.trackingCode)).toBe(true);
      expect(intake.memory.mayBeTaken('ZZZZ-ZZZZ')).toBe(false);
      // The phone's five of the day were read with everything else: the sixth is refused from memory.
      expect(await rejection(submitSuggestion(deps, { ...base, phone: full }))).toMatchObject({
        code: 'SUGGESTION_PHONE_LIMIT',
      });
      const taken = await submitSuggestion(deps, { ...base, phone: '13800004444' });
      expect(intake.memory.mayBeTaken(taken.trackingCode)).toBe(true);

      // A staff entry after the start counts once the memory has caught up with the table.
      const typed = '13800005555';
      for (let i = 0; i < 5; i++)
        await addSuggestion(deps, coordinator, QINSHUI, 2023, {
          channel: 'hotline',
          text: `${base.text}（12345 转办 ${i}）`,
          phone: typed,
        });
      await intake.memory.catchUp();
      expect(await rejection(submitSuggestion(deps, { ...base, phone: typed }))).toMatchObject({
        code: 'SUGGESTION_PHONE_LIMIT',
      });
    } finally {
      await intake.close();
    }
  });

  it('takes back what a killed process left in the journal, tracks it at once, stores each once', async () => {
    const dir = folder();
    // Journaled before U+0000 was refused at the edge: it must not stop the drain for everyone after it.
    const left = { ...entry('TEST-DDD5', '龙港镇垃圾无人清运（上次未入库）'), name: '张\u0000三' };
    const already = entry('TEST-AAA2', '嘉峰镇到县城的公交太少，建议增加班次'); // drained before the crash
    const { journal } = await IntakeJournal.open<JournaledSuggestion>({ dir, name: 'suggestions' });
    await Promise.all([journal.append(already), journal.append(left)]);
    await journal.close();

    const deps = depsOn(dir);
    const intake = (await startSuggestionIntake(deps))!;
    try {
      expect(await trackSuggestion(deps, 'TEST-DDD5')).toMatchObject({ status: 'received', text: left.text });
      await listSuggestions(deps, coordinator, QINSHUI, 2023, { q: 'TEST-' });
      const rows = await stored(['TEST-DDD5', 'TEST-AAA2']);
      expect(rows.map((r) => [r.trackingCode, r.residentName]).sort()).toEqual([
        ['TEST-AAA2', null],
        ['TEST-DDD5', '张三'],
      ]);
    } finally {
      await intake.close();
    }
    const reopened = await IntakeJournal.open<JournaledSuggestion>({ dir, name: 'suggestions' });
    expect(reopened.replay).toEqual([]);
    await reopened.journal.close();
  });

  it('sets aside a record the table refuses, with the reason, and drains the rest past it', async () => {
    const dir = folder();
    const before = entry('TEST-PPP1', '龙港镇菜市场门口积水');
    // A plan year that is not there (deleted meanwhile): the table refuses the row, not the batch.
    const poison = {
      ...entry('TEST-PPP2', '这一条写不进去'),
      planYearId: '00000000-0000-4000-8000-000000000000',
    };
    const after = entry('TEST-PPP3', '郑村镇卫生院缺少儿科医生');
    const { journal } = await IntakeJournal.open<JournaledSuggestion>({ dir, name: 'suggestions' });
    await Promise.all([journal.append(before), journal.append(poison), journal.append(after)]);
    await journal.close();

    const deps = depsOn(dir);
    const intake = (await startSuggestionIntake(deps))!;
    try {
      await listSuggestions(deps, coordinator, QINSHUI, 2023, { q: 'TEST-PPP' });
      expect(
        (await stored(['TEST-PPP1', 'TEST-PPP2', 'TEST-PPP3'])).map((r) => r.trackingCode).sort(),
      ).toEqual(['TEST-PPP1', 'TEST-PPP3']);
    } finally {
      await intake.close();
    }
    const setAside = readFileSync(join(dir, 'suggestions.set-aside.jsonl'), 'utf8').trim().split('\n');
    expect(setAside).toHaveLength(1);
    expect(JSON.parse(setAside[0]!)).toMatchObject({ trackingCode: 'TEST-PPP2', text: poison.text });
    expect(JSON.parse(setAside[0]!).refusedBecause).toMatch(/foreign key|外键/);
    const reopened = await IntakeJournal.open<JournaledSuggestion>({ dir, name: 'suggestions' });
    expect(reopened.replay).toEqual([]);
    await reopened.journal.close();
  });
});
