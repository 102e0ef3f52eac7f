import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, openTestApp, type Session, type TestApp } from '../support/app';
import { testDatabaseKinds } from '../support/databases';

const fixture = new URL('../../../shared/fixtures/qinshui-2023-candidates.tsv', import.meta.url).pathname;
const [pglite] = testDatabaseKinds();

describe('candidates over HTTP', () => {
  let t: TestApp;
  let coordinator: Session;
  let clerk: Session;
  let wtjClerk: Session;
  let henan: Session;
  beforeAll(async () => {
    t = await openTestApp(pglite!, { loginRateLimitPerMinute: 1000 });
    coordinator = await t.login('qinshui.coord');
    clerk = await t.login('zjj.clerk');
    wtjClerk = await t.login('wtj.clerk');
    henan = await t.login('henan.coord');
  });
  afterAll(() => t?.close());

  const upload = (session: Session, bytes: Buffer, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    return t.app.inject({
      method: 'POST',
      url: '/api/plan-years/140521/2024/candidates/import',
      headers: as(session),
      payload: form,
    });
  };

  it('imports the official table as a file and lists the candidates', async () => {
    const response = await upload(coordinator, readFileSync(fixture), '2023年民生实事候选项目.tsv');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ candidates: 15, budget: '125750000.00' });
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/plan-years/140521/2024/candidates',
      headers: as(clerk, false),
    });
    expect(
      list
        .json()
        .items.map((c: { name: string }) => c.name)
        .slice(0, 2),
    ).toEqual(['口袋公园建设项目', '中医巡回医疗服务项目']);
  });

  it('refuses a file that is no candidate table with 422 and every problem', async () => {
    const response = await upload(coordinator, Buffer.from('编号,标题\n1,x\n'), 'wrong.csv');
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('CANDIDATE_TABLE_INVALID');
  });

  it('keeps a clerk from importing the list', async () => {
    expect((await upload(clerk, readFileSync(fixture), 'list.tsv')).statusCode).toBe(403);
  });

  it('adopts nothing before the vote has elected anyone', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/plan-years/140521/2024/adopt-elected',
      headers: as(coordinator),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ adopted: [], elected: 0 });
  });

  const PLAN = '/api/plan-years/140521/2024/candidates';
  const send = (
    session: Session,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: as(session, method !== 'GET'), ...(payload ? { payload } : {}) });
  const unitId = async (name: string) => {
    const units = (await send(coordinator, 'GET', '/api/units?region=140521')).json().items as Array<{
      id: string;
      name: string;
    }>;
    return units.find((u) => u.name === name)!.id;
  };
  const draft = (leadUnitId: string, name = '城区口袋公园建设项目') => ({
    name,
    field: '城乡建设',
    annualTask: '新建口袋公园 10 个',
    planText: '3 月底完成 20 万元，完成设计；6 月份完成 100 万元，开工建设',
    leadUnitId,
    contacts: [{ name: '王波', phone: '13935630633' }],
    budget: '1200000',
    indicators: [{ name: '新建口袋公园', unit: '个', kind: 'count', target: 10 }],
  });

  it('lets the clerk of 住建局 draft and edit its own candidate, and only its own', async () => {
    const zjj = await unitId('住建局');
    const wtj = await unitId('卫体局');
    const created = await send(clerk, 'POST', PLAN, draft(zjj));
    expect(created.statusCode).toBe(201);
    const mine = created.json();
    expect(mine).toMatchObject({
      seq: 16,
      status: 'draft',
      units: { lead: ['住建局'] },
      budget: '1200000.00',
    });
    expect(mine.milestones).toHaveLength(2);

    const edited = await send(clerk, 'PATCH', `/api/candidates/${mine.id}`, {
      remarks: '已征求交警大队意见',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().remarks).toBe('已征求交警大队意见');

    const forOther = await send(clerk, 'POST', PLAN, draft(wtj, '中医巡回医疗'));
    expect(forOther.statusCode).toBe(403);
    expect(forOther.json().error).toMatchObject({
      code: 'OUT_OF_SCOPE',
      message: '只能为本单位谋划候选项目',
    });

    const theirs = (await send(wtjClerk, 'POST', PLAN, draft(wtj, '中医巡回医疗'))).json();
    const notMine = await send(clerk, 'PATCH', `/api/candidates/${theirs.id}`, { name: '改名' });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.message).toBe('只能修改本单位牵头的候选项目');
    expect((await send(clerk, 'DELETE', `/api/candidates/${theirs.id}`)).statusCode).toBe(403);
    expect((await send(wtjClerk, 'DELETE', `/api/candidates/${theirs.id}`)).statusCode).toBe(204);

    const list = (await send(clerk, 'GET', PLAN)).json();
    expect(list.state).toBe('draft');
    const editable = list.items
      .filter((c: { editable: boolean }) => c.editable)
      .map((c: { name: string }) => c.name);
    expect(editable).toContain('城区口袋公园建设项目');
    expect(editable).not.toContain('口袋公园建设项目'); // led by 园林绿化中心
  });

  it("answers another county's coordinator with 403", async () => {
    const zjj = await unitId('住建局');
    expect((await send(henan, 'GET', PLAN)).statusCode).toBe(403);
    expect((await send(henan, 'POST', PLAN, draft(zjj))).statusCode).toBe(403);
    expect((await send(henan, 'GET', `${PLAN}/screening`)).statusCode).toBe(403);
    const response = await send(henan, 'POST', `${PLAN}/reviews`, {
      meeting: 'government',
      heldOn: '2024-01-10',
      decision: 'approved',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('OUT_OF_SCOPE');
    expect((await send(henan, 'GET', `${PLAN}/export?format=xlsx`)).statusCode).toBe(403);
  });

  it('answers bad input with 422 naming the field', async () => {
    const zjj = await unitId('住建局');
    const cases: Array<[string, string, object, string]> = [
      ['POST', PLAN, { ...draft(zjj), name: ' ' }, 'name'],
      ['POST', PLAN, { ...draft(zjj), leadUnitId: 'x' }, 'leadUnitId'],
      ['POST', PLAN, { ...draft(zjj), budget: '12万' }, 'budget'],
      ['POST', PLAN, { ...draft(zjj), contacts: [{ name: '王波', phone: 'abc' }] }, 'contacts.0.phone'],
      [
        'POST',
        PLAN,
        { ...draft(zjj), indicators: [{ name: '公园', kind: 'count', target: 2.5 }] },
        'indicators.0.target',
      ],
      [
        'POST',
        PLAN,
        { ...draft(zjj), indicators: [{ name: '公园', kind: 'area', target: 2 }] },
        'indicators.0.kind',
      ],
      [
        'PUT',
        `${PLAN}/screening/criteria`,
        { criteria: [{ name: '普惠性', weight: 'a' }] },
        'criteria.0.weight',
      ],
      ['PUT', `${PLAN}/screening/criteria`, { criteria: [{ name: '普惠性', weight: 90 }] }, 'criteria'],
      [
        'POST',
        `${PLAN}/reviews`,
        { meeting: 'government', heldOn: '2024-13-01', decision: 'approved' },
        'heldOn',
      ],
      [
        'POST',
        `${PLAN}/reviews`,
        { meeting: 'cabinet', heldOn: '2024-01-10', decision: 'approved' },
        'meeting',
      ],
    ];
    for (const [method, url, payload, field] of cases) {
      const response = await send(coordinator, method as 'POST', url, payload);
      expect(response.statusCode, `${url} ${field}`).toBe(422);
      expect(response.json().error.field, url).toBe(field);
      expect(response.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const list = (await send(coordinator, 'GET', PLAN)).json().items;
    const scored = await send(coordinator, 'PUT', `/api/candidates/${list[0].id}/scores`, {
      scores: { 普惠性: 101 },
    });
    expect(scored.statusCode).toBe(422);
    expect(scored.json().error).toMatchObject({ code: 'SCREENING_SCORE_INVALID', field: 'scores.普惠性' });
    const badExport = await send(coordinator, 'GET', `${PLAN}/export?format=pdf`);
    expect(badExport.statusCode).toBe(422);
    expect(badExport.json().error.field).toBe('format');
  });

  it('screens: scores, ranks and shortlists; a clerk may look but not score', async () => {
    const list = (await send(coordinator, 'GET', PLAN)).json().items as Array<{ id: string; name: string }>;
    const scores = { 普惠性: 90, 实效性: 80, 可行性: 70, 目标可量化: 60 };
    expect((await send(clerk, 'PUT', `/api/candidates/${list[1]!.id}/scores`, { scores })).statusCode).toBe(
      403,
    );
    const screening = (
      await send(coordinator, 'PUT', `/api/candidates/${list[1]!.id}/scores`, { scores })
    ).json();
    expect(screening.items[0]).toMatchObject({ name: list[1]!.name, total: 77, rank: 1 });
    const drafted = list.find((c) => c.name === '城区口袋公园建设项目')!;
    const after = (
      await send(coordinator, 'PUT', `/api/candidates/${drafted.id}/shortlist`, { shortlisted: true })
    ).json();
    expect(after.shortlisted).toBe(16);
    expect((await send(clerk, 'GET', `${PLAN}/screening`)).json().editable).toBe(false);
  });

  it('refuses the vote until 政府常务会 then 党委常委会 approve, with a Chinese reason', async () => {
    const session = { congress: '沁水县第十七届人民代表大会', sitting: '第四次会议', seats: 12 };
    const refused = await send(coordinator, 'POST', '/api/plan-years/140521/2024/voting-sessions', session);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'CANDIDATE_LIST_NOT_APPROVED',
      message: expect.stringContaining('候选项目清单尚未经政府常务会研究通过、党委常委会研究通过'),
    });
    const early = await send(coordinator, 'POST', `${PLAN}/reviews`, {
      meeting: 'party',
      heldOn: '2024-01-10',
      decision: 'approved',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('候选项目清单须先经政府常务会研究通过，再提交党委常委会');
    const government = await send(coordinator, 'POST', `${PLAN}/reviews`, {
      meeting: 'government',
      heldOn: '2024-01-10',
      decision: 'approved',
      note: '原则通过',
    });
    expect(government.statusCode).toBe(201);
    expect(government.json()).toMatchObject({ state: 'government_approved' });
    const party = await send(coordinator, 'POST', `${PLAN}/reviews`, {
      meeting: 'party',
      heldOn: '2024-01-15',
      decision: 'approved',
    });
    expect(party.json()).toMatchObject({ state: 'approved', readyForVote: true });
    const opened = await send(coordinator, 'POST', '/api/plan-years/140521/2024/voting-sessions', session);
    expect(opened.statusCode).toBe(201);
    expect(opened.json().candidates).toHaveLength(16);
    const locked = await send(clerk, 'PATCH', `/api/candidates/${opened.json().candidates[15].id}`, {
      remarks: 'x',
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('CANDIDATE_LIST_IN_REVIEW');
  });

  it('exports the list as the official .xlsx and the .docx appendix', async () => {
    const xlsx = await send(clerk, 'GET', `${PLAN}/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(xlsx.headers['content-disposition']))).toContain(
      '沁水县2024年民生实事候选项目清单.xlsx',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell(1, 1).value).toBe('沁水县2024年民生实事候选项目清单');
    expect((sheet.getRow(2).values as string[]).slice(1, 3)).toEqual(['序号', '项目名称']);
    expect(sheet.getRow(3).getCell(2).value).toBe('口袋公园建设项目');
    expect(sheet.rowCount).toBe(2 + 16);
    const docx = await send(clerk, 'GET', `${PLAN}/export?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
