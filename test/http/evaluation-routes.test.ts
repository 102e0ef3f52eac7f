import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, openTestApp, type Session, type TestApp } from '../support/app';
import { testDatabaseKinds } from '../support/databases';

const [pglite] = testDatabaseKinds();

describe('satisfaction evaluation over HTTP', () => {
  let t: TestApp;
  let coordinator: Session;
  let viewer: Session;
  let shanxi: Session;
  let projectId: string;
  let address = 0;
  /** Each survey request from its own address, unless the test is about one address. */
  const survey = (payload: Record<string, unknown>, remoteAddress = `10.0.0.${++address}`, id = projectId) =>
    t.app.inject({ method: 'POST', url: `/api/public/projects/${id}/survey`, payload, remoteAddress });

  beforeAll(async () => {
    process.env.MINSHENG_SURVEY_RATE_LIMIT = '5';
    t = await openTestApp(pglite!, { loginRateLimitPerMinute: 1000 });
    coordinator = await t.login('qinshui.coord');
    viewer = await t.login('jincheng.viewer');
    shanxi = await t.login('henan.coord');
    const results = await t.app.inject({
      method: 'GET',
      url: '/api/evaluation/results?region=140521&year=2023',
      headers: as(coordinator, false),
    });
    projectId = results.json().regions[0].projects[0].projectId;
  });
  afterAll(async () => {
    delete process.env.MINSHENG_SURVEY_RATE_LIMIT;
    await t?.close();
  });

  it('keeps sessions and results to the region’s staff', async () => {
    const anonymous = await t.app.inject({
      method: 'GET',
      url: '/api/evaluation/results?region=140521&year=2023',
    });
    expect(anonymous.statusCode).toBe(401);
    const outside = await t.app.inject({
      method: 'POST',
      url: '/api/plan-years/140521/2023/evaluation-sessions',
      headers: as(shanxi),
      payload: {},
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error).toMatchObject({ code: 'OUT_OF_SCOPE', message: '超出您的管辖范围' });
    const byViewer = await t.app.inject({
      method: 'POST',
      url: '/api/plan-years/140521/2023/evaluation-sessions',
      headers: as(viewer),
      payload: {},
    });
    expect(byViewer.statusCode).toBe(403);
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/evaluation/results?region=140521&year=2023',
      headers: as(viewer, false),
    });
    expect(read.statusCode).toBe(200);
  });

  it('runs a session: roll, check-in token, a ballot by token, close, published counts', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/plan-years/140521/2023/evaluation-sessions',
      headers: as(coordinator),
      payload: { title: '沁水县2023年民生实事项目满意度测评' },
    });
    expect(created.statusCode).toBe(201);
    const session = created.json();
    const form = new FormData();
    form.append(
      'file',
      new Blob(['序号,姓名,代表团\n1,王建军,龙港镇代表团\n2,李秀英,端氏镇代表团\n']),
      '代表名单.csv',
    );
    const imported = await t.app.inject({
      method: 'POST',
      url: `/api/evaluation-sessions/${session.id}/roll/import`,
      headers: as(coordinator),
      payload: form,
    });
    expect(imported.json()).toEqual({ deputies: 2 });
    const bad = new FormData();
    bad.append('file', new Blob(['姓名,代表团\n王建军,\n']), 'bad.csv');
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/evaluation-sessions/${session.id}/roll/import`,
      headers: as(coordinator),
      payload: bad,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toBe('代表名单有误，未导入任何内容：第 2 行（王建军）缺少代表团');
    await t.app.inject({
      method: 'POST',
      url: `/api/evaluation-sessions/${session.id}/open`,
      headers: as(coordinator),
    });
    const roll = await t.app.inject({
      method: 'GET',
      url: `/api/evaluation-sessions/${session.id}/roll`,
      headers: as(coordinator, false),
    });
    const checkIn = await t.app.inject({
      method: 'POST',
      url: `/api/evaluation-sessions/${session.id}/check-ins`,
      headers: as(coordinator),
      payload: { deputyId: roll.json().items[0].id },
    });
    expect(checkIn.statusCode).toBe(201);
    expect(checkIn.headers['cache-control']).toBe('no-store');
    const token = checkIn.json().token as string;
    const ballot = await t.app.inject({
      method: 'GET',
      url: '/api/evaluation-ballot',
      headers: { 'x-ballot-token': token },
    });
    expect(ballot.statusCode).toBe(200);
    const ratings = Object.fromEntries(ballot.json().projects.map((p: { id: string }) => [p.id, '满意']));
    const cast = await t.app.inject({
      method: 'POST',
      url: '/api/evaluation-ballot',
      payload: { token, ratings },
    });
    expect(cast.statusCode).toBe(200);
    const retry = await t.app.inject({
      method: 'POST',
      url: '/api/evaluation-ballot',
      payload: { token, ratings },
    });
    expect(retry.json()).toMatchObject({ repeated: true, receipt: cast.json().receipt });
    const receipt = (code: string) =>
      t.app.inject({ method: 'POST', url: '/api/public/evaluation-receipts', payload: { receipt: code } });
    expect((await receipt(cast.json().receipt)).json()).toMatchObject({
      status: 'received',
      message: '您的测评票已收到并记入测评票记录，等待计票',
    });
    const unknown = await receipt('AAAA-BBBB-CCCC-DDDD');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('没有找到该回执码对应的测评票，请核对');
    const early = await t.app.inject({
      method: 'GET',
      url: `/api/public/evaluation-sessions/${session.id}/results`,
    });
    expect(early.statusCode).toBe(404);
    expect(early.json().error.message).toBe('测评尚未计票');
    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/evaluation-sessions/${session.id}/close`,
      headers: as(coordinator),
    });
    expect(closed.statusCode).toBe(200);
    const published = await t.app.inject({
      method: 'GET',
      url: `/api/public/evaluation-sessions/${session.id}/results`,
    });
    // One 满意 of a roll of two is not more than half.
    expect(published.json().projects[0]).toMatchObject({ counts: { satisfied: 1 }, verdict: '不满意' });
    // A token nobody was given: its first character differs from the real one's, whatever that was.
    const unknownToken = (token.startsWith('Z') ? 'Y' : 'Z') + token.slice(1);
    const late = await t.app.inject({
      method: 'POST',
      url: '/api/evaluation-ballot',
      payload: { token: unknownToken, ratings },
    });
    expect(late.statusCode).toBe(404);
  });

  it('imports the roll from the congress office’s .xlsx, under its title row', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/plan-years/140521/2023/evaluation-sessions',
      headers: as(coordinator),
      payload: {},
    });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('代表名单');
    sheet.addRow(['沁水县第十七届人民代表大会代表名单']);
    sheet.addRow(['序号', '姓名', '所在代表团']);
    sheet.addRow([1, '王建军', '龙港镇代表团']);
    sheet.addRow([2, '李 秀英', '端氏镇代表团']);
    sheet.addRow([3, '张志刚', '嘉峰镇代表团']);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await workbook.xlsx.writeBuffer())]), '代表名单.xlsx');
    const imported = await t.app.inject({
      method: 'POST',
      url: `/api/evaluation-sessions/${created.json().id}/roll/import`,
      headers: as(coordinator),
      payload: form,
    });
    expect(imported.json()).toEqual({ deputies: 3 });
    const roll = await t.app.inject({
      method: 'GET',
      url: `/api/evaluation-sessions/${created.json().id}/roll`,
      headers: as(coordinator, false),
    });
    expect(roll.json().items.map((d: { name: string }) => d.name)).toEqual(['王建军', '李秀英', '张志刚']);
  });

  it('answers bad survey input with 422 naming the field, in Chinese', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ rating: '很满意', phone: '13903561234' }, 'rating', '评价应为满意、基本满意或不满意'],
      [{ rating: '满意', phone: '1390356' }, 'phone', '手机号码不正确：应为 11 位手机号，如 139 0356 1234'],
      [{ rating: '满意' }, 'phone', '请填写手机号或测评码'],
      [
        { rating: '满意', phone: '13903561234', comment: '长'.repeat(501) },
        'comment',
        '意见建议不能超过 500 字（现有 501 字）',
      ],
    ];
    for (const [payload, field, message] of cases) {
      const response = await survey(payload);
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toMatchObject({ field, message });
    }
    const badId = await t.app.inject({
      method: 'POST',
      url: '/api/public/projects/nope/survey',
      payload: { rating: '满意' },
    });
    expect(badId.statusCode).toBe(422);
    expect(badId.json().error.message).toBe('编号不正确');
  });

  it('refuses a second answer from the same phone with 409, keeping the first', async () => {
    const first = await survey({
      rating: '满意',
      phone: '13903561234',
      comment: '<script>alert(1)</script>',
    });
    expect(first.statusCode).toBe(201);
    const second = await survey({ rating: '不满意', phone: '139-0356-1234' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('SURVEY_DUPLICATE');
    expect(second.json().error.message).toMatch(
      /^手机号 139\*\*\*\*1234 已对“.+”作过评价，每个手机号对每个项目只能评价一次$/,
    );
    const page = await t.app.inject({ method: 'GET', url: `/api/public/projects/${projectId}` });
    expect(page.json().survey).toMatchObject({ answers: 1, counts: { satisfied: 1, dissatisfied: 0 } });
    const comments = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${projectId}/survey-comments`,
      headers: as(coordinator, false),
    });
    expect(comments.json().items[0]).toMatchObject({
      comment: '<script>alert(1)</script>',
      phoneMasked: '139****1234',
    });
    expect(comments.body).not.toContain('13903561234');
  });

  it('answers a flood from one address with 429 in Chinese, after the good answers are kept', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const response = await survey({ rating: '基本满意', phone: `1370000000${i}` }, '192.168.1.9');
      statuses.push(response.statusCode);
      if (response.statusCode === 429) {
        expect(response.json().error).toMatchObject({
          code: 'RATE_LIMITED',
          message: '提交过于频繁：同一网络每分钟最多提交 5 次评价，请稍后再试',
        });
      }
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
    const page = await t.app.inject({ method: 'GET', url: `/api/public/projects/${projectId}` });
    expect(page.json().survey.counts.basicallySatisfied).toBe(5);
  });

  it('serves the public page without leaders, and the poster as SVG and PDF', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/api/public/projects/${projectId}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(/1[3-9]\d{9}/);
    const svg = await t.app.inject({ method: 'GET', url: `/api/projects/${projectId}/poster.svg` });
    expect(svg.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(svg.body).toContain('码上查');
    expect(svg.body).toContain(`/p/${projectId}`);
    expect(svg.body).toContain(page.json().name.slice(0, 5));
    const pdf = await t.app.inject({ method: 'GET', url: `/api/projects/${projectId}/poster.pdf` });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 8).toString()).toBe('%PDF-1.4');
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/public/projects/00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('项目不存在或未公开');
  });

  it('sets the survey window for the coordinator only; outside it an answer gets 409 in Chinese', async () => {
    const url = '/api/plan-years/140521/2023/survey-window';
    const future = { opensOn: '2099-03-01', closesOn: '2099-03-31' };
    const byViewer = await t.app.inject({ method: 'PUT', url, headers: as(viewer), payload: future });
    expect(byViewer.statusCode).toBe(403);
    const noCsrf = await t.app.inject({
      method: 'PUT',
      url,
      headers: as(coordinator, false),
      payload: future,
    });
    expect(noCsrf.statusCode).toBe(403);
    const short = await t.app.inject({
      method: 'PUT',
      url,
      headers: as(coordinator),
      payload: { opensOn: '2099-03-01', closesOn: '2099-03-03' },
    });
    expect(short.statusCode).toBe(422);
    expect(short.json().error).toMatchObject({
      code: 'SURVEY_WINDOW_TOO_SHORT',
      field: 'closesOn',
      message: '满意度评价期不少于 7 天（现为 3 天）',
    });
    const badDate = await t.app.inject({
      method: 'PUT',
      url,
      headers: as(coordinator),
      payload: { opensOn: '1 March', closesOn: '2099-02-30' },
    });
    expect(badDate.statusCode).toBe(422);
    expect(badDate.json().error).toMatchObject({
      field: 'opensOn',
      message: '日期应为 YYYY-MM-DD 格式的真实日期',
      details: [
        { field: 'opensOn', message: '日期应为 YYYY-MM-DD 格式的真实日期' },
        { field: 'closesOn', message: '日期应为 YYYY-MM-DD 格式的真实日期' },
      ],
    });
    const set = await t.app.inject({ method: 'PUT', url, headers: as(coordinator), payload: future });
    expect(set.statusCode).toBe(200);
    expect(set.json().window).toMatchObject({ ...future, days: 31, state: 'upcoming' });
    const read = await t.app.inject({ method: 'GET', url, headers: as(viewer, false) });
    expect(read.json()).toMatchObject({ window: { state: 'upcoming' }, mayManage: false });

    const refused = await survey({ rating: '满意', phone: '13600000001' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'SURVEY_CLOSED',
      message:
        '本年度群众满意度评价将于2099年3月1日开始（评价期 2099年3月1日至2099年3月31日），届时欢迎您评价',
    });
    const page = await t.app.inject({ method: 'GET', url: `/api/public/projects/${projectId}` });
    expect(page.json().surveyWindow).toMatchObject({ ...future, state: 'upcoming' });

    const cleared = await t.app.inject({ method: 'DELETE', url, headers: as(coordinator) });
    expect(cleared.json()).toMatchObject({ window: null });
    expect((await survey({ rating: '满意', phone: '13600000001' })).statusCode).toBe(201);
  });
});
