/**
 * When a vote or a deputies' evaluation opens, the server rehearses its public ballot route over its
 * own socket (src/server/rehearsal.ts) so that the deputies' first ballots meet warm code. The
 * rehearsal must record nothing (no ballot, no audit row) and cost the hall's address none of its
 * rate limit: here the per-address limit is 50 a minute, the rehearsal sends 2,000 requests, and a
 * deputy's ballot from the same address is still taken. A server started while a session is open
 * rehearses it the same way (main.ts).
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rehearseOpenEvaluation } from '../../src/modules/evaluation';
import { rehearseOpenVote } from '../../src/modules/voting';
import { rehearsalOf, rehearse } from '../../src/server/rehearsal';
import { as, openTestApp, type Session, type TestApp } from '../support/app';
import { testDatabaseKinds } from '../support/databases';

const fixture = new URL('../../../shared/fixtures/qinshui-2023-candidates.tsv', import.meta.url).pathname;

describe.each(testDatabaseKinds())('the ballot routes rehearsed when a session opens ($name)', (kind) => {
  let t: TestApp;
  let coordinator: Session;

  const auditRows = async () => {
    const result = await t.deps.db.execute(sql`select count(*)::int as n from audit_log`);
    return (result as unknown as { rows: Array<{ n: number }> }).rows[0]!.n;
  };
  const post = (url: string, payload?: unknown) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: as(coordinator),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const rollForm = () => {
    const form = new FormData();
    form.append(
      'file',
      new Blob(['姓名,代表团\n王建军,龙港镇代表团\n李秀英,端氏镇代表团\n']),
      '代表名单.csv',
    );
    return form;
  };

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: as(coordinator, false) });
  /**
   * Loads a roll of two into a session of `kind`, opens it, checks that its rehearsal answered 2,000
   * requests and wrote no audit row, and checks the first deputy in: the check-in's answer.
   */
  const openRehearsedAndCheckIn = async (kind: 'voting-sessions' | 'evaluation-sessions', id: string) => {
    await t.app.inject({
      method: 'POST',
      url: `/api/${kind}/${id}/roll/import`,
      headers: as(coordinator),
      payload: rollForm(),
    });
    expect((await post(`/api/${kind}/${id}/open`)).statusCode).toBe(200);
    const before = await auditRows();
    const route = kind === 'voting-sessions' ? '/api/ballot' : '/api/evaluation-ballot';
    expect(await rehearsalOf(t.app, route)).toBe(2000);
    expect(await auditRows()).toBe(before);
    const roll = await get(`/api/${kind}/${id}/roll`);
    return post(`/api/${kind}/${id}/check-ins`, { deputyId: roll.json().items[0].id });
  };

  beforeAll(async () => {
    process.env.MINSHENG_BALLOT_RATE_LIMIT = '50';
    t = await openTestApp(kind, { loginRateLimitPerMinute: 1000 });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    coordinator = await t.login('qinshui.coord');
  }, 120_000);
  afterAll(async () => {
    delete process.env.MINSHENG_BALLOT_RATE_LIMIT;
    await t?.close();
  });

  it('rehearses the vote’s ballot route: 2,000 refused ballots, nothing recorded, the deputy’s ballot taken', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(readFileSync(fixture))]), 'list.tsv');
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/plan-years/140521/2024/candidates/import',
          headers: as(coordinator),
          payload: form,
        })
      ).statusCode,
    ).toBe(200);
    for (const [meeting, heldOn] of [
      ['government', '2024-01-08'],
      ['party', '2024-01-12'],
    ])
      await post('/api/plan-years/140521/2024/candidates/reviews', { meeting, heldOn, decision: 'approved' });
    const created = await post('/api/plan-years/140521/2024/voting-sessions', {
      congress: '沁水县第十七届人民代表大会',
      sitting: '第四次会议',
      seats: 12,
    });
    const id = created.json().id;
    const checkIn = await openRehearsedAndCheckIn('voting-sessions', id);
    const ballot = await t.app.inject({
      method: 'POST',
      url: '/api/ballot',
      payload: { token: checkIn.json().token, marks: {} },
    });
    expect(ballot.statusCode).toBe(200);
    expect(ballot.json().message).toContain('投票成功');
    expect((await get(`/api/voting-sessions/${id}`)).json().counts.returned).toBe(1);
    // A server started while this vote is open rehearses it too (main.ts), and still records nothing.
    expect(await rehearseOpenVote(t.app, t.deps.db)).toBe(2000);
    expect((await get(`/api/voting-sessions/${id}`)).json().counts.returned).toBe(1);
  });

  it('counts a client that sends the rehearsal header itself: only the server knows its value', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/ballot',
        remoteAddress: '203.0.113.9',
        headers: { 'x-ballot-token': `guess-${i}`, 'x-minsheng-rehearsal': '1' },
      });
      statuses.push(res.statusCode);
    }
    // The per-address limit is 50 a minute here: the 51st request on is refused.
    expect(statuses.slice(0, 50).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(50).every((s) => s === 429)).toBe(true);
  });

  it('rehearses the evaluation’s ballot route the same way', async () => {
    const created = await post('/api/plan-years/140521/2023/evaluation-sessions', {
      title: '沁水县2023年民生实事项目满意度测评',
    });
    const id = created.json().id;
    const checkIn = await openRehearsedAndCheckIn('evaluation-sessions', id);
    const token = checkIn.json().token;
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/evaluation-ballot',
      headers: { 'x-ballot-token': token },
    });
    const ratings = Object.fromEntries(read.json().projects.map((p: { id: string }) => [p.id, '满意']));
    const cast = await t.app.inject({
      method: 'POST',
      url: '/api/evaluation-ballot',
      payload: { token, ratings },
    });
    expect(cast.statusCode).toBe(200);
    const afterCast = await auditRows();
    expect(await rehearseOpenEvaluation(t.app, t.deps.db)).toBe(2000);
    expect(await auditRows()).toBe(afterCast);
  });

  it('rehearses a vote and an evaluation opened at the same time each on its own', async () => {
    const body = () => ({ token: 'never-issued' });
    const vote = rehearse(t.app, { url: '/api/ballot', body });
    const evaluation = rehearse(t.app, { url: '/api/evaluation-ballot', body });
    expect(vote).not.toBe(evaluation);
    expect(rehearse(t.app, { url: '/api/ballot', body })).toBe(vote);
    expect(await Promise.all([vote, evaluation])).toEqual([2000, 2000]);
  });
});
