import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, openTestApp, type Session, type TestApp } from '../support/app';
import { testDatabaseKinds } from '../support/databases';

const [pglite] = testDatabaseKinds();

describe('the year-end report over HTTP', () => {
  let t: TestApp;
  let coordinator: Session;
  let henan: Session;

  beforeAll(async () => {
    t = await openTestApp(pglite!, { loginRateLimitPerMinute: 1000 });
    coordinator = await t.login('qinshui.coord');
    henan = await t.login('henan.coord');
  });
  afterAll(() => t?.close());

  const get = (url: string, session?: Session) =>
    t.app.inject({ method: 'GET', url, headers: session ? as(session, false) : {} });

  it('reads as Markdown for the region’s staff', async () => {
    const response = await get('/api/plan-years/140521/2022/year-end-report?format=md', coordinator);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(response.body.startsWith('# 沁水县2022年民生实事办理情况报告\n')).toBe(true);
    expect(response.body).toContain('## 三、满意度测评\n\n### （一）人大代表满意度测评');
  });

  it('downloads as Word and Excel under the report’s name', async () => {
    const docx = await get('/api/plan-years/140521/2022/year-end-report?format=docx', coordinator);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('民生实事办理情况报告-140521-2022.docx')}`,
    );
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const xlsx = await get('/api/plan-years/140521/2022/year-end-report?format=xlsx', coordinator);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it('refuses strangers, other regions and formats it does not make', async () => {
    expect((await get('/api/plan-years/140521/2022/year-end-report')).statusCode).toBe(401);
    const outside = await get('/api/plan-years/140521/2022/year-end-report', henan);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error).toMatchObject({ code: 'OUT_OF_SCOPE', message: '超出您的管辖范围' });
    const pdf = await get('/api/plan-years/140521/2022/year-end-report?format=pdf', coordinator);
    expect(pdf.statusCode).toBe(422);
    expect(pdf.json().error.field).toBe('format');
    const missing = await get('/api/plan-years/140521/2019/year-end-report', coordinator);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({
      code: 'PLAN_YEAR_NOT_FOUND',
      message: '没有 140521 2019 年度的计划',
    });
  });

  it('carries the satisfaction section in the 2022 bulletin once that year is rated, not before', async () => {
    // The demo's deputies rated 2022 on 21 February 2023.
    const yearEnd = await get('/api/plan-years/140521/2022/bulletin?asOf=2022-12-31&format=md', coordinator);
    expect(yearEnd.body).not.toContain('满意度测评');
    const response = await get('/api/plan-years/140521/2022/bulletin?asOf=2023-02-28&format=md', coordinator);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('## 十三、满意度测评');
    expect(response.body).toContain('12件民生实事项目中，测评结果为满意11件，基本满意1件。');
  });
});
