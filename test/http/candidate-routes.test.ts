import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, openTestApp, type Session, type TestApp } from '../support/app';
import { testDatabaseKinds } from '../support/databases';

const fixture = new URL('../../../shared/fixtures/qinshui-2023-candidates.tsv', import.meta.url).pathname;
const [pglite] = testDatabaseKinds();

describe('candidates over HTTP', () => {
  let t: TestApp;
  let coordinator: Session;
  let clerk: Session;
  beforeAll(async () => {
    t = await openTestApp(pglite!, { loginRateLimitPerMinute: 1000 });
    coordinator = await t.login('qinshui.coord');
    clerk = await t.login('zjj.clerk');
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
});
