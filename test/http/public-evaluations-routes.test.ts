import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, openTestApp, type Session, type TestApp } from '../support/app';
import { testDatabaseKinds } from '../support/databases';

const [pglite] = testDatabaseKinds();

/** A China date n days from today, as the survey window takes it. */
function chinaDay(n: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
}

interface Listed {
  sessions: Array<{
    id: string;
    regionCode: string;
    regionName: string;
    year: number;
    title: string;
    state: string;
    stateLabel: string;
    url: string;
  }>;
  surveys: Array<{
    regionCode: string;
    regionName: string;
    year: number;
    stateLabel: string;
    closesOn: string;
    projects: Array<{ id: string; name: string; url: string }>;
  }>;
}

describe('the public list of evaluations, without a login', () => {
  let t: TestApp;
  let coordinator: Session;
  const list = async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/public/evaluations' });
    expect(response.statusCode).toBe(200);
    return response.json() as Listed;
  };

  beforeAll(async () => {
    t = await openTestApp(pglite!, { loginRateLimitPerMinute: 1000 });
    coordinator = await t.login('qinshui.coord');
  });
  afterAll(async () => {
    delete process.env.MINSHENG_BALLOT_RATE_LIMIT;
    await t?.close();
  });

  it('lists the counted sessions with region, year, title, state and the results page, and no open survey', async () => {
    const listed = await list();
    const demo = listed.sessions.find((s) => s.regionCode === '140521' && s.year === 2022)!;
    expect(demo).toMatchObject({
      regionName: '沁水县',
      title: '沁水县第十七届人民代表大会第四次会议·2022年民生实事项目满意度测评（演示数据）',
      state: 'published',
      stateLabel: '结果已公布',
      url: `/portal/evaluation-results/${demo.id}`,
    });
    // The link opens: the results it names are public.
    const results = await t.app.inject({
      method: 'GET',
      url: `/api/public/evaluation-sessions/${demo.id}/results`,
    });
    expect(results.statusCode).toBe(200);
    expect(listed.surveys).toEqual([]);
  });

  it('leaves out a session still in preparation', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/plan-years/140521/2023/evaluation-sessions',
      headers: as(coordinator),
      payload: { title: '沁水县2023年民生实事项目满意度测评（筹备中）' },
    });
    expect(created.statusCode).toBe(201);
    const listed = await list();
    expect(listed.sessions.map((s) => s.title)).not.toContain('沁水县2023年民生实事项目满意度测评（筹备中）');
  });

  it('lists a public survey while its window is open, with each project to rate', async () => {
    const window = { opensOn: chinaDay(-2), closesOn: chinaDay(10) };
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/plan-years/140521/2023/survey-window',
      headers: as(coordinator),
      payload: window,
    });
    expect(set.statusCode).toBe(200);
    const [survey] = (await list()).surveys;
    expect(survey).toMatchObject({
      regionCode: '140521',
      regionName: '沁水县',
      year: 2023,
      stateLabel: '正在评价',
      closesOn: window.closesOn,
    });
    expect(survey!.projects.length).toBeGreaterThan(0);
    expect(survey!.projects[0]!.url).toBe(`/p/${survey!.projects[0]!.id}`);
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/public/projects/${survey!.projects[0]!.id}`,
    });
    expect(page.statusCode).toBe(200);

    // A window that has not opened yet lists nothing.
    await t.app.inject({
      method: 'PUT',
      url: '/api/plan-years/140521/2023/survey-window',
      headers: as(coordinator),
      payload: { opensOn: chinaDay(30), closesOn: chinaDay(40) },
    });
    expect((await list()).surveys).toEqual([]);
  });

  it('answers a flood from one address with 429 in Chinese, like the other public reads', async () => {
    process.env.MINSHENG_BALLOT_RATE_LIMIT = '3';
    const from = (n: number) =>
      t.app.inject({ method: 'GET', url: '/api/public/evaluations', remoteAddress: `10.9.9.${n}` });
    const answers = [await from(1), await from(1), await from(1), await from(1)];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 429]);
    expect(answers[3]!.json().error.code).toBe('RATE_LIMITED');
    expect(answers[3]!.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    expect((await from(2)).statusCode).toBe(200);
  });
});
