import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/transaction';
import type { Actor } from '../../src/kernel/actor';
import { auditLog } from '../../src/modules/audit/audit.tables';
import { evaluationBallots, evaluationTokens } from '../../src/modules/evaluation';
import {
  castEvaluationBallot,
  closeEvaluation,
  lookUpEvaluationReceipt,
  publicEvaluationResult,
  readEvaluationBallot,
  verifyEvaluationBallots,
} from '../../src/modules/evaluation/use-cases/ballots';
import { evaluationResults } from '../../src/modules/evaluation/use-cases/results';
import {
  checkIn,
  createSession,
  getRoll,
  openSession,
  setRoll,
} from '../../src/modules/evaluation/use-cases/sessions';
import { publicProject } from '../../src/modules/evaluation/use-cases/survey';
import { seed } from '../../src/seed/seed';
import { configFromEnv } from '../../src/server/config';
import { type AppDeps, createDeps } from '../../src/server/deps';
import { actorOf } from '../support/actors';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';

const ROLL = [
  { name: '王建军', delegation: '龙港镇代表团' },
  { name: '李秀英', delegation: '龙港镇代表团' },
  { name: '张志刚', delegation: '端氏镇代表团' },
  { name: '刘海燕', delegation: '端氏镇代表团' },
  { name: '陈国华', delegation: '嘉峰镇代表团' },
];

describe.each(testDatabaseKinds())('the deputies rate last year’s projects on $name', (kind) => {
  let database: TestDatabase;
  let deps: AppDeps;
  let coordinator: Actor;
  let sessionId: string;
  let projects: Array<{ id: string; name: string }>;
  const tokens: string[] = [];
  let receipt: string;

  beforeAll(async () => {
    database = await kind.open();
    deps = createDeps(database, configFromEnv({}), () => new Date('2024-01-16T01:00:00Z'));
    await seed(deps, { demo: true, adminPassword: 'Qinshui#2023pass' });
    coordinator = await actorOf(database.db, 'qinshui.coord');
  });
  afterAll(() => database?.close());

  it('opens a session on every project of the 2023 plan, with a roll of five', async () => {
    const session = await createSession(deps, coordinator, '140521', 2023, {});
    sessionId = session.id;
    projects = session.projects;
    expect(session.title).toBe('2023年民生实事项目满意度测评');
    expect(session.stateLabel).toBe('筹备中');
    expect(projects.length).toBeGreaterThan(2);
    expect(session.ruleText).toBe(
      '满意票超过应到人数的半数为满意；否则满意与基本满意票之和超过应到人数的半数为基本满意；否则为不满意',
    );
    await expect(setRoll(deps, coordinator, sessionId, [...ROLL, ROLL[0]!])).rejects.toMatchObject({
      code: 'EVALUATION_ROLL_INVALID',
      message: expect.stringContaining('第 6 位代表“龙港镇代表团 王建军”与第 1 位代表重复'),
    });
    expect(await setRoll(deps, coordinator, sessionId, ROLL)).toEqual({ deputies: 5 });
    const opened = await openSession(deps, coordinator, sessionId);
    expect(opened.stateLabel).toBe('签到测评中');
    expect(opened.counts).toEqual({ roll: 5, present: 0, returned: 0 });
  });

  it('refuses a clerk of another region and a deputy’s own login to run the session', async () => {
    const shanxi = await actorOf(database.db, 'shanxi.coord');
    const deputy = await actorOf(database.db, 'deputy.qinshui');
    await expect(createSession(deps, deputy, '140521', 2023, {})).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
    const roll = await getRoll(deps, coordinator, sessionId);
    await expect(checkIn(deps, deputy, sessionId, roll.items[0]!.id)).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
    expect(shanxi.grants[0]!.regionCode).toBe('140000');
  });

  it('checks three deputies in, each once, and keeps nothing that links a token to a deputy', async () => {
    const roll = await getRoll(deps, coordinator, sessionId);
    for (const deputy of roll.items.slice(0, 3)) {
      const issued = await checkIn(deps, coordinator, sessionId, deputy.id);
      expect(issued.token).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
      tokens.push(issued.token);
    }
    await expect(checkIn(deps, coordinator, sessionId, roll.items[0]!.id)).rejects.toMatchObject({
      code: 'EVALUATION_ALREADY_CHECKED_IN',
      message: '龙港镇代表团 王建军 已签到并领取测评凭证，不能重复领取',
    });
    // The demo data holds the 2023 congress's session too: count this session's.
    const tokenRows = await database.db
      .select()
      .from(evaluationTokens)
      .where(eq(evaluationTokens.sessionId, sessionId));
    expect(tokenRows).toHaveLength(3);
    expect(Object.keys(tokenRows[0]!).sort()).toEqual(['sessionId', 'tokenHash']);
    for (const t of tokens) expect(JSON.stringify(tokenRows)).not.toContain(t.replace(/-/g, ''));
    expect((await getRoll(deps, coordinator, sessionId)).items.filter((d) => d.checkedIn)).toHaveLength(3);
  });

  it('takes one complete ballot per token; a retry answers the first receipt, a change is refused', async () => {
    const ballot = await readEvaluationBallot(deps, tokens[0]!);
    expect(ballot.projects.map((p) => p.id)).toEqual(projects.map((p) => p.id));
    const [first, second, ...rest] = projects;
    const ratings = (a: string, b: string, others = '满意') =>
      Object.fromEntries([[first!.id, a], [second!.id, b], ...rest.map((p) => [p.id, others])]);
    await expect(castEvaluationBallot(deps, tokens[0]!, { [first!.id]: '满意' })).rejects.toMatchObject({
      code: 'EVALUATION_BALLOT_INCOMPLETE',
      message: expect.stringMatching(/^还有 \d+ 个项目未评价/),
    });
    await expect(castEvaluationBallot(deps, tokens[0]!, ratings('很好', '满意'))).rejects.toMatchObject({
      code: 'EVALUATION_BALLOT_INVALID',
      message: `“${first!.name}”的评价“很好”无法识别，应为满意、基本满意或不满意，本票未记录`,
    });
    const cast = await castEvaluationBallot(deps, tokens[0]!, ratings('满意', '不满意'));
    receipt = cast.receipt;
    expect(cast.repeated).toBe(false);
    expect(cast.receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const again = await castEvaluationBallot(deps, tokens[0]!, ratings('满意', '不满意'));
    expect(again).toMatchObject({ repeated: true, receipt: cast.receipt });
    await expect(castEvaluationBallot(deps, tokens[0]!, ratings('不满意', '不满意'))).rejects.toMatchObject({
      code: 'EVALUATION_ALREADY_CAST',
    });
    await expect(readEvaluationBallot(deps, tokens[0]!)).rejects.toMatchObject({
      code: 'EVALUATION_ALREADY_CAST',
    });
    await castEvaluationBallot(deps, tokens[1]!, ratings('满意', '基本满意', '基本满意'));
    await castEvaluationBallot(deps, tokens[2]!, ratings('满意', '基本满意', '不满意'));
    await expect(castEvaluationBallot(deps, 'ABCD-EFGH', ratings('满意', '满意'))).rejects.toMatchObject({
      code: 'EVALUATION_TOKEN_INVALID',
    });
  });

  it('keeps ballots append-only, hash-chained and out of the audit log', async () => {
    await expect(database.db.execute(sql`update evaluation_ballots set choices = '{}'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from evaluation_ballots`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from evaluation_tokens`)).rejects.toThrow();
    const audited = await database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.tableName} in ('evaluation_ballots', 'evaluation_tokens')`);
    expect(audited).toHaveLength(0);
    const sessionAudit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.tableName, 'evaluation_sessions'));
    for (const e of sessionAudit) expect(JSON.stringify(e.after)).not.toContain('receipt_secret');
    expect(await verifyEvaluationBallots(deps, coordinator, sessionId)).toMatchObject({
      ok: true,
      checked: 3,
      message: '选票哈希链完整，共校验 3 张选票',
    });
    const columns = rowsOf<{ column_name: string }>(
      await database.db.execute(
        sql`select column_name from information_schema.columns where table_name = 'evaluation_ballots'`,
      ),
    ).map((c) => c.column_name);
    expect(columns.sort()).toEqual([
      'choices',
      'hash',
      'prev_hash',
      'receipt_hash',
      'seq',
      'session_id',
      'token_tag',
    ]);
    expect(
      await database.db.select().from(evaluationBallots).where(eq(evaluationBallots.sessionId, sessionId)),
    ).toHaveLength(3);
  });

  it('closes, gives each project its verdict on the roll of five, and publishes the counts', async () => {
    await expect(publicEvaluationResult(deps, sessionId)).rejects.toMatchObject({
      code: 'EVALUATION_RESULT_NOT_READY',
    });
    const result = await closeEvaluation(deps, coordinator, sessionId);
    expect(result).toMatchObject({ roll: 5, present: 3, returned: 3, valid: true });
    const [first, second, third] = result.projects;
    // 3 满意 of a roll of 5: more than half → 满意.
    expect(first).toMatchObject({
      counts: { satisfied: 3, basicallySatisfied: 0, dissatisfied: 0, blank: 0 },
      verdict: '满意',
    });
    // 0 满意, 2 基本满意: 2 of 5 is not more than half → 不满意.
    expect(second).toMatchObject({
      counts: { satisfied: 0, basicallySatisfied: 2, dissatisfied: 1 },
      verdict: '不满意',
    });
    // 1 满意 + 1 基本满意 + 1 不满意 → 2 of 5 → 不满意.
    expect(third).toMatchObject({
      counts: { satisfied: 1, basicallySatisfied: 1, dissatisfied: 1 },
      verdict: '不满意',
    });
    await expect(castEvaluationBallot(deps, tokens[1]!, {})).rejects.toMatchObject({
      code: 'EVALUATION_BALLOT_INCOMPLETE',
    });
    const published = await publicEvaluationResult(deps, sessionId);
    expect(published.projects[0]).toMatchObject({ name: first!.name, verdict: '满意' });
    const results = await evaluationResults(deps, coordinator, '140521', 2023);
    expect(results.regions[0]!.regionName).toBe('沁水县');
    expect(results.regions[0]!.verdicts.deputies).toMatchObject({ 满意: 1 });
    expect(results.regions[0]!.projects[0]!.deputies).toMatchObject({ verdict: '满意' });
  });

  it('shows the deputies’ counts and verdict on the project’s public page once counted, and the receipt as counted', async () => {
    const [first, second] = projects;
    const page = await publicProject(deps, first!.id);
    expect(page.deputies).toMatchObject({
      sessionId,
      title: '2023年民生实事项目满意度测评',
      valid: true,
      counts: { satisfied: 3, basicallySatisfied: 0, dissatisfied: 0 },
      verdict: '满意',
    });
    expect((await publicProject(deps, second!.id)).deputies).toMatchObject({ verdict: '不满意' });
    expect(await lookUpEvaluationReceipt(deps, receipt)).toMatchObject({
      session: { id: sessionId },
      status: 'counted',
      message: '您的测评票已计入本次测评结果',
    });
  });
});
