/**
 * Setting a vote up on the official Qinshui list: the session with the DOMAIN.md defaults, the roll
 * from the congress office's .xlsx or .csv (all or nothing, every bad row named), and check-in
 * handing each present deputy one token the database cannot trace back to them.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/transaction';
import { checkIn } from '../../src/modules/voting/use-cases/attendance';
import { getRoll, importRollFile, setRoll } from '../../src/modules/voting/use-cases/roll';
import { createSession, openSession } from '../../src/modules/voting/use-cases/sessions';
import { testDatabaseKinds } from '../support/databases';
import {
  CONGRESS,
  openVotingWorld,
  REGION,
  roll,
  rollWorkbook,
  SITTING,
  type VotingWorld,
  YEAR,
} from './support';

describe.each(testDatabaseKinds())('setting up a vote on $name', (kind) => {
  let w: VotingWorld;
  beforeAll(async () => {
    w = await openVotingWorld(kind);
  }, 120_000);
  afterAll(() => w?.close());

  const newSession = (seats = 12) =>
    createSession(w.deps, w.coordinator, REGION, YEAR, { congress: CONGRESS, sitting: SITTING, seats });

  it('creates a session on the whole imported list with the default rule of DOMAIN.md', async () => {
    const session = await newSession();
    expect(session).toMatchObject({
      region: REGION,
      year: YEAR,
      congress: '沁水县第十七届人民代表大会',
      sitting: '第四次会议',
      title: '2024年民生实事项目人大代表票决',
      state: 'draft',
      stateLabel: '筹备中',
      seats: 12,
      rule: {
        method: 'approval',
        maxYes: 12,
        overfull: 'void',
        quorum: { numerator: 1, denominator: 2, inclusive: false },
        threshold: { numerator: 1, denominator: 2, inclusive: false },
        thresholdBase: 'roll',
      },
      counts: { roll: 0, present: 0, issued: 0, returned: 0 },
      result: null,
    });
    expect(session.candidates.map((c) => c.name)).toEqual(w.candidateNames);
    expect(session.candidates[0]).toMatchObject({ seq: 1, name: '口袋公园建设项目' });
    expect(session.ruleText).toEqual([
      '对每个候选项目选择赞成、反对或弃权，赞成不得超过 12 项，超过的选票为无效票；未选择的视为弃权',
      '出席代表须超过全体代表的半数，表决方有效',
      '赞成票超过全体代表的半数为通过，通过的项目按得票多少确定，得票相同且超出名额的另行表决',
    ]);
  });

  it('refuses as many seats as candidates (差额票决), naming the field', async () => {
    await expect(newSession(15)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'seats',
      message: '差额票决须候选项目多于应选名额：候选 15 项，应选 15 项',
    });
  });

  it('lets only the county coordinator set a vote up', async () => {
    const input = { congress: CONGRESS, sitting: SITTING, seats: 12 };
    await expect(createSession(w.deps, w.deputy, REGION, YEAR, input)).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
    await expect(createSession(w.deps, w.otherCounty, REGION, YEAR, input)).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
    await expect(createSession(w.deps, w.clerkA, REGION, YEAR, input)).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
  });

  it('imports the roll from the congress office’s .xlsx, title row and 序号 column included', async () => {
    const session = await newSession();
    const bytes = await rollWorkbook([
      [1, '王  建国', '城关镇代表团'],
      [2, '李慧鑫', '城关镇代表团'],
      [3, '赵国平', '嘉峰镇代表团'],
    ]);
    const summary = await importRollFile(w.deps, w.coordinator, session.id, {
      fileName: '代表名单.xlsx',
      bytes,
    });
    expect(summary).toEqual({
      deputies: 3,
      delegations: [
        { name: '城关镇代表团', deputies: 2 },
        { name: '嘉峰镇代表团', deputies: 1 },
      ],
    });
    const listed = await getRoll(w.deps, w.clerkA, session.id);
    expect(listed.items.map((d) => [d.seq, d.name, d.delegation, d.checkedIn])).toEqual([
      [1, '王建国', '城关镇代表团', false],
      [2, '李慧鑫', '城关镇代表团', false],
      [3, '赵国平', '嘉峰镇代表团', false],
    ]);
  });

  it('imports the roll from a .csv saved by Excel (BOM, CRLF) and replaces the earlier one', async () => {
    const session = await newSession();
    await setRoll(w.deps, w.coordinator, session.id, roll(5));
    const csv = '\ufeff姓名,代表团\r\n张三,郑庄镇代表团\r\n李四,郑庄镇代表团\r\n';
    const summary = await importRollFile(w.deps, w.coordinator, session.id, {
      fileName: 'roll.csv',
      bytes: new TextEncoder().encode(csv),
    });
    expect(summary.deputies).toBe(2);
    expect((await getRoll(w.deps, w.coordinator, session.id)).items.map((d) => d.name)).toEqual([
      '张三',
      '李四',
    ]);
  });

  it('refuses a roll with bad rows whole, naming every row and column, and keeps the old roll', async () => {
    const session = await newSession();
    await setRoll(w.deps, w.coordinator, session.id, roll(4));
    const bytes = await rollWorkbook([
      [1, '王建国', '城关镇代表团'],
      [2, '', '城关镇代表团'],
      [3, '赵国平', ''],
      [4, '王建国', '城关镇代表团'],
    ]);
    const refused = importRollFile(w.deps, w.coordinator, session.id, { fileName: '代表名单.xlsx', bytes });
    await expect(refused).rejects.toMatchObject({
      code: 'VOTING_ROLL_INVALID',
      field: 'roll',
      message: '代表名单有误，未导入任何内容：第 4 行缺少姓名（共 3 处问题）',
      details: [
        { row: 4, column: 2, message: '第 4 行缺少姓名' },
        { row: 5, column: 3, message: '第 5 行（赵国平）缺少代表团' },
        { row: 6, column: 2, message: '第 6 行“城关镇代表团 王建国”与第 3 行重复' },
      ],
    });
    expect((await getRoll(w.deps, w.coordinator, session.id)).items).toHaveLength(4);
    const csv = new TextEncoder().encode('编号,名字\n1,张三\n');
    await expect(
      importRollFile(w.deps, w.coordinator, session.id, { fileName: 'x.csv', bytes: csv }),
    ).rejects.toMatchObject({
      code: 'VOTING_ROLL_INVALID',
      message: expect.stringContaining('没有找到表头'),
    });
  });

  it('hands each present deputy one token at check-in, and only once', async () => {
    const session = await newSession();
    await setRoll(w.deps, w.coordinator, session.id, roll(20));
    const deputyId = (await getRoll(w.deps, w.coordinator, session.id)).items[0]!.id;
    await expect(
      checkIn(w.deps, w.clerkA, session.id, { deputyId, form: 'electronic' }),
    ).rejects.toMatchObject({
      code: 'VOTING_SESSION_NOT_OPEN',
    });
    await openSession(w.deps, w.coordinator, session.id);
    const first = await checkIn(w.deps, w.clerkA, session.id, { deputyId, form: 'electronic' });
    expect(first).toMatchObject({ name: '代表0001', delegation: '第1代表团', form: 'electronic' });
    expect(first.token).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    await expect(
      checkIn(w.deps, w.clerkB, session.id, { deputyId, form: 'electronic' }),
    ).rejects.toMatchObject({
      code: 'VOTING_ALREADY_CHECKED_IN',
      message: '第1代表团 代表0001 已签到并领取选票，不能重复领取',
    });
    await expect(
      checkIn(w.deps, w.deputy, session.id, { deputyId: first.deputyId, form: 'paper' }),
    ).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    const paper = await checkIn(w.deps, w.clerkB, session.id, {
      deputyId: (await getRoll(w.deps, w.coordinator, session.id)).items[1]!.id,
      form: 'paper',
    });
    expect(paper.token).toBeNull();
    const listed = await getRoll(w.deps, w.coordinator, session.id);
    expect(listed.items.filter((d) => d.checkedIn).map((d) => d.form)).toEqual(['electronic', 'paper']);
  });

  it('keeps nothing that links a token to a deputy: no column, no token text, no shared value', async () => {
    const columns = rowsOf<{ table_name: string; column_name: string }>(
      await w.database.db.execute(sql`
        select table_name, column_name from information_schema.columns
        where table_schema = 'public' and table_name in ('voting_tokens', 'voting_checkins', 'ballots')
        order by table_name, ordinal_position`),
    );
    const of = (table: string) => columns.filter((c) => c.table_name === table).map((c) => c.column_name);
    expect(of('voting_tokens')).toEqual(['token_hash', 'session_id', 'kind']);
    expect(of('voting_checkins')).toEqual(['session_id', 'deputy_id', 'form', 'checked_in_at']);
    expect(of('ballots')).toEqual([
      'session_id',
      'seq',
      'source',
      'token_tag',
      'paper_no',
      'receipt_hash',
      'choices',
      'prev_hash',
      'hash',
    ]);
    // Every foreign key of the three tables points at the session or the roll, never across them.
    const keys = rowsOf<{ from_table: string; to_table: string }>(
      await w.database.db.execute(sql`
        select tc.table_name as from_table, ccu.table_name as to_table
        from information_schema.table_constraints tc
        join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
        where tc.constraint_type = 'FOREIGN KEY'
          and tc.table_name in ('voting_tokens', 'voting_checkins', 'ballots')`),
    );
    for (const k of keys) expect(['voting_sessions', 'voting_deputies']).toContain(k.to_table);
    expect(keys.filter((k) => k.to_table === 'voting_deputies').map((k) => k.from_table)).toEqual([
      'voting_checkins',
    ]);

    const session = await newSession();
    await setRoll(w.deps, w.coordinator, session.id, roll(3));
    await openSession(w.deps, w.coordinator, session.id);
    const deputyId = (await getRoll(w.deps, w.coordinator, session.id)).items[0]!.id;
    const { token } = await checkIn(w.deps, w.clerkA, session.id, { deputyId, form: 'electronic' });
    const compact = token!.replace(/-/g, '');
    const dump = JSON.stringify(
      rowsOf(
        await w.database.db.execute(sql`
          select (select json_agg(t) from voting_tokens t) as tokens,
                 (select json_agg(c) from voting_checkins c) as checkins,
                 (select json_agg(a) from audit_log a where a.table_name like 'voting%') as audit`),
      ),
    );
    expect(dump).not.toContain(compact);
    expect(dump).not.toContain(token!);
  });
});
