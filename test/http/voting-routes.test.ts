/**
 * The vote over HTTP: who may manage it (the county coordinator, not a deputy, not the next county),
 * 422 with the field and a Chinese message on bad input, the public ballot endpoints rate-limited,
 * and the big screen and result routes showing nothing of the result before the close.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/modules/identity';
import { as, openTestApp, type Session, type TestApp } from '../support/app';
import { testDatabaseKinds } from '../support/databases';

const fixture = new URL('../../../shared/fixtures/qinshui-2023-candidates.tsv', import.meta.url).pathname;
const [pglite] = testDatabaseKinds();
const SESSION = { congress: '沁水县第十七届人民代表大会', sitting: '第四次会议', seats: 12 };

describe('the vote over HTTP', () => {
  let t: TestApp;
  let coordinator: Session;
  let clerk: Session;
  let deputy: Session;
  let otherCounty: Session;
  let sessionId: string;
  let candidateIds: string[];
  const tokens: string[] = [];

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    session?: Session,
    payload?: unknown,
  ) =>
    t.app.inject({
      method,
      url,
      headers: session ? as(session, method !== 'GET') : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    t = await openTestApp(pglite!, { loginRateLimitPerMinute: 1000 });
    await createUser(t.deps, 'system:test', {
      username: 'yangcheng.coord',
      displayName: '阳城县民生办',
      password: 'Yangcheng#2023pass',
      grants: [{ role: 'coordinator', regionCode: '140522' }],
    });
    coordinator = await t.login('qinshui.coord');
    clerk = await t.login('zjj.clerk');
    deputy = await t.login('deputy.qinshui');
    otherCounty = await t.login('yangcheng.coord', 'Yangcheng#2023pass');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(readFileSync(fixture))]), 'list.tsv');
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/plan-years/140521/2024/candidates/import',
      headers: as(coordinator),
      payload: form,
    });
    expect(imported.statusCode).toBe(200);
    // The list goes to the vote only after 政府常务会 and then 党委常委会 approved it.
    for (const [meeting, heldOn] of [
      ['government', '2024-01-08'],
      ['party', '2024-01-12'],
    ]) {
      const review = await t.app.inject({
        method: 'POST',
        url: '/api/plan-years/140521/2024/candidates/reviews',
        headers: as(coordinator),
        payload: { meeting, heldOn, decision: 'approved' },
      });
      expect(review.statusCode).toBe(201);
    }
  }, 120_000);
  afterAll(() => t?.close());

  it('answers 401 without a session, to reading and to managing', async () => {
    const list = await call('GET', '/api/plan-years/140521/2024/voting-sessions');
    expect(list.statusCode).toBe(401);
    expect(list.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    expect(
      (await call('POST', '/api/plan-years/140521/2024/voting-sessions', undefined, SESSION)).statusCode,
    ).toBe(401);
  });

  it('lets the coordinator of 沁水县 set up a session; a deputy and another county get 403', async () => {
    const url = '/api/plan-years/140521/2024/voting-sessions';
    const byDeputy = await call('POST', url, deputy, SESSION);
    expect(byDeputy.statusCode).toBe(403);
    expect(byDeputy.json().error).toEqual({ code: 'OUT_OF_SCOPE', message: '超出您的管辖范围' });
    expect((await call('POST', url, otherCounty, SESSION)).statusCode).toBe(403);
    expect((await call('POST', url, clerk, SESSION)).statusCode).toBe(403);
    const created = await call('POST', url, coordinator, SESSION);
    expect(created.statusCode).toBe(201);
    sessionId = created.json().id;
    candidateIds = created.json().candidates.map((c: { id: string }) => c.id);
    expect(candidateIds).toHaveLength(15);
    expect((await call('GET', `/api/voting-sessions/${sessionId}`, otherCounty)).statusCode).toBe(403);
    expect((await call('GET', `/api/voting-sessions/${sessionId}`, deputy)).statusCode).toBe(200);
  });

  it('answers 422 with the field and a Chinese message on bad input', async () => {
    const url = '/api/plan-years/140521/2024/voting-sessions';
    const noSeats = await call('POST', url, coordinator, { ...SESSION, seats: 0 });
    expect(noSeats.statusCode).toBe(422);
    expect(noSeats.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'seats',
      message: '应选名额应为正整数',
    });
    const noCongress = await call('POST', url, coordinator, { ...SESSION, congress: ' ' });
    expect(noCongress.json().error).toMatchObject({
      field: 'congress',
      message: '请填写人民代表大会届次，如“沁水县第十七届人民代表大会”',
    });
    const tooMany = await call('POST', url, coordinator, { ...SESSION, seats: 15 });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().error).toMatchObject({
      field: 'seats',
      message: expect.stringContaining('差额票决'),
    });
    const badRoll = await call('PUT', `/api/voting-sessions/${sessionId}/roll`, coordinator, {
      deputies: [
        { name: '张三', delegation: '城关镇代表团' },
        { name: '', delegation: '城关镇代表团' },
      ],
    });
    expect(badRoll.statusCode).toBe(422);
    expect(badRoll.json().error).toMatchObject({
      code: 'VOTING_ROLL_INVALID',
      field: 'roll',
      message: '代表名单有误，未导入任何内容：第 2 位代表缺少姓名',
    });
    const badId = await call('GET', '/api/voting-sessions/not-a-uuid', coordinator);
    expect(badId.statusCode).toBe(422);
    expect(badId.json().error).toMatchObject({ field: 'id', message: '编号不正确' });
  });

  it('edits a session while it is in preparation: only the coordinator, with the field named on bad input', async () => {
    const url = `/api/voting-sessions/${sessionId}`;
    const change = {
      sitting: '第五次会议',
      seats: 10,
      candidateIds: candidateIds.slice(0, 14),
      rule: { method: 'approval', overfull: 'refuse' },
    };
    expect((await call('PATCH', url, deputy, change)).statusCode).toBe(403);
    expect((await call('PATCH', url, otherCounty, change)).statusCode).toBe(403);
    expect((await call('PATCH', url, undefined, change)).statusCode).toBe(401);
    const bad = await call('PATCH', url, coordinator, { seats: 14, candidateIds: candidateIds.slice(0, 14) });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'seats',
      message: '差额票决须候选项目多于应选名额：候选 14 项，应选 14 项',
    });
    const badRule = await call('PATCH', url, coordinator, {
      rule: { method: 'approval', overfull: 'maybe' },
    });
    expect(badRule.statusCode).toBe(422);
    expect(badRule.json().error).toMatchObject({ field: 'rule.overfull' });
    const edited = await call('PATCH', url, coordinator, change);
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      congress: SESSION.congress,
      sitting: '第五次会议',
      seats: 10,
      rule: { method: 'approval', maxYes: 10, overfull: 'refuse' },
    });
    expect(edited.json().candidates).toHaveLength(14);
    // Back to the whole list and 12 seats for the vote below; the rule that refuses over-full ballots stays.
    const back = await call('PATCH', url, coordinator, { sitting: '第四次会议', seats: 12, candidateIds });
    expect(back.json()).toMatchObject({ sitting: '第四次会议', seats: 12, rule: { overfull: 'refuse' } });
    expect(back.json().candidates).toHaveLength(15);
  });

  it('imports the roll as a file, opens, and checks deputies in with tokens not to be cached', async () => {
    const form = new FormData();
    const csv = [
      '姓名,代表团',
      ...Array.from({ length: 10 }, (_, i) => `代表${i + 1},第${(i % 2) + 1}代表团`),
    ];
    form.append('file', new Blob([csv.join('\n')]), '代表名单.csv');
    const imported = await t.app.inject({
      method: 'POST',
      url: `/api/voting-sessions/${sessionId}/roll/import`,
      headers: as(coordinator),
      payload: form,
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json().deputies).toBe(10);
    expect((await call('POST', `/api/voting-sessions/${sessionId}/open`, deputy)).statusCode).toBe(403);
    expect((await call('POST', `/api/voting-sessions/${sessionId}/open`, coordinator)).statusCode).toBe(200);
    const lateEdit = await call('PATCH', `/api/voting-sessions/${sessionId}`, coordinator, { seats: 11 });
    expect(lateEdit.statusCode).toBe(409);
    expect(lateEdit.json().error).toEqual({
      code: 'VOTING_SESSION_NOT_DRAFT',
      message: '票决会议已开始，不能再修改设置或代表名单',
    });
    const roll = (await call('GET', `/api/voting-sessions/${sessionId}/roll`, clerk)).json().items;
    for (const d of roll.slice(0, 8)) {
      const res = await call('POST', `/api/voting-sessions/${sessionId}/check-ins`, clerk, {
        deputyId: d.id,
      });
      expect(res.statusCode).toBe(201);
      expect(res.headers['cache-control']).toBe('no-store');
      tokens.push(res.json().token);
    }
    const byDeputy = await call('POST', `/api/voting-sessions/${sessionId}/check-ins`, deputy, {
      deputyId: roll[9].id,
    });
    expect(byDeputy.statusCode).toBe(403);
  });

  it('takes ballots on the public endpoint, refusing bad tokens and (under a rule that hands them back) over-full ballots in Chinese', async () => {
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/ballot',
      headers: { 'x-ballot-token': tokens[0]! },
    });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ seats: 12, maxYes: 12, overfull: 'refuse' });
    const marks = (yes: number) =>
      Object.fromEntries(candidateIds.map((id, i) => [id, i < yes ? 'yes' : 'no']));
    const tooMany = await call('POST', '/api/ballot', undefined, { token: tokens[0], marks: marks(13) });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().error).toMatchObject({
      code: 'BALLOT_TOO_MANY_YES',
      field: 'marks',
      message: '赞成 13 项，超过应选名额 12 项，本票未记录，请重新选择',
    });
    const unknown = await call('POST', '/api/ballot', undefined, { token: 'x'.repeat(32), marks: marks(1) });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'BALLOT_TOKEN_INVALID', field: 'token' });
    const empty = await call('POST', '/api/ballot', undefined, { token: '', marks: marks(1) });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error).toMatchObject({ field: 'token', message: '请提供选票凭证' });
    for (const token of tokens.slice(0, 7)) {
      const cast = await call('POST', '/api/ballot', undefined, { token, marks: marks(12) });
      expect(cast.statusCode).toBe(200);
      expect(cast.headers['cache-control']).toBe('no-store');
    }
    const retry = await call('POST', '/api/ballot', undefined, { token: tokens[0], marks: marks(12) });
    expect(retry.json()).toMatchObject({ repeated: true });
    const changed = await call('POST', '/api/ballot', undefined, { token: tokens[0], marks: marks(3) });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.code).toBe('BALLOT_ALREADY_CAST');
  });

  it('shows only issued and returned counts on the big screen, and nothing of the result, until closed', async () => {
    const screen = await call('GET', `/api/public/voting-sessions/${sessionId}/screen`);
    expect(screen.statusCode).toBe(200);
    expect(screen.json()).toMatchObject({
      state: 'open',
      roll: 10,
      present: 8,
      issued: 8,
      returned: 7,
      result: null,
    });
    expect(screen.body).not.toMatch(/"yes"|"elected"|"candidates"/);
    const detail = await call('GET', `/api/voting-sessions/${sessionId}`, coordinator);
    expect(detail.json().result).toBeNull();
    const result = await call('GET', `/api/voting-sessions/${sessionId}/result`, coordinator);
    expect(result.statusCode).toBe(409);
    expect(result.json().error).toMatchObject({ code: 'VOTING_SESSION_NOT_CLOSED', message: '票决尚未计票' });
    const published = await call('GET', `/api/public/voting-sessions/${sessionId}/results`);
    expect(published.statusCode).toBe(404);
    expect(published.json().error.code).toBe('VOTING_RESULT_NOT_PUBLISHED');
  });

  it('closes only for the coordinator, then shows the result on the screen and the export', async () => {
    expect((await call('POST', `/api/voting-sessions/${sessionId}/close`, clerk)).statusCode).toBe(403);
    expect((await call('POST', `/api/voting-sessions/${sessionId}/close`, otherCounty)).statusCode).toBe(403);
    const closed = await call('POST', `/api/voting-sessions/${sessionId}/close`, coordinator);
    expect(closed.statusCode).toBe(200);
    expect(closed.json().result).toMatchObject({ valid: true, returned: 7, threshold: 6 });
    const screen = (await call('GET', `/api/public/voting-sessions/${sessionId}/screen`)).json();
    expect(screen.result.elected).toHaveLength(12);
    const late = await call('POST', '/api/ballot', undefined, {
      token: tokens[7],
      marks: Object.fromEntries(candidateIds.map((id) => [id, 'no'])),
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toEqual({ code: 'BALLOT_SESSION_CLOSED', message: '投票已结束，不再接受选票' });
    const docx = await call('GET', `/api/voting-sessions/${sessionId}/result?format=docx`, deputy);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain(encodeURIComponent('决议草案.docx'));
  });

  it('rate-limits the public ballot endpoints by token and by address', async () => {
    const token = tokens[1]!;
    const answers: number[] = [];
    for (let i = 0; i < 32; i++) {
      answers.push(
        (await t.app.inject({ method: 'GET', url: '/api/ballot', headers: { 'x-ballot-token': token } }))
          .statusCode,
      );
    }
    expect(answers.at(-1)).toBe(429);
    const limited = await t.app.inject({
      method: 'GET',
      url: '/api/ballot',
      headers: { 'x-ballot-token': token },
    });
    expect(limited.json().error).toEqual({
      code: 'RATE_LIMITED',
      message: '该选票凭证的请求过于频繁，请稍后再试',
    });

    const saved = process.env.MINSHENG_BALLOT_RATE_LIMIT;
    process.env.MINSHENG_BALLOT_RATE_LIMIT = '60';
    try {
      let status = 0;
      for (let i = 0; i < 70 && status !== 429; i++) {
        status = (await call('POST', '/api/public/receipts', undefined, { receipt: 'AAAA-BBBB-CCCC-DDDD' }))
          .statusCode;
      }
      expect(status).toBe(429);
      const screen = await call('GET', `/api/public/voting-sessions/${sessionId}/screen`);
      expect(screen.statusCode).toBe(429);
      expect(screen.json().error).toEqual({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    } finally {
      if (saved === undefined) delete process.env.MINSHENG_BALLOT_RATE_LIMIT;
      else process.env.MINSHENG_BALLOT_RATE_LIMIT = saved;
    }
  });
});
