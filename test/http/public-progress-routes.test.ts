/**
 * 项目进展公开: without a login, the plan years that have projects and each project's standing as
 * the bulletin words it, from the real year-end figures of Henan 2023 (seed 002) and Qinshui 2022
 * (seed 001). Nothing of the people behind a project: no phone, no leader.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/app';
import { testDatabaseKinds } from '../support/databases';

describe.each(testDatabaseKinds())('project progress in public ($name)', (kind) => {
  let t: TestApp;
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    t = await openTestApp(kind);
  }, 120_000);
  afterAll(() => t?.close());

  it('lists the plan years with projects, newest first, with their count', async () => {
    const years = await get('/api/public/plan-years');
    expect(years.statusCode).toBe(200);
    const items = years.json().items as Array<{ regionCode: string; year: number; projects: number }>;
    expect(items.find((y) => y.regionCode === '410000' && y.year === 2023)).toMatchObject({
      regionName: '河南省',
      projects: 10,
      demo: false,
    });
    expect(items.find((y) => y.regionCode === '140521' && y.year === 2022)).toMatchObject({
      regionName: '沁水县',
      parentName: '晋城市',
      projects: 12,
    });
    const order = items.map((y) => y.year);
    expect(order).toEqual([...order].sort((a, b) => b - a));
  });

  it('finds plan years by the name of their region or of the region above it', async () => {
    const names = async (q: string) =>
      (await get(`/api/public/plan-years?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((y: { regionName: string; year: number }) => `${y.regionName}${y.year}`);
    expect(await names('沁水')).toEqual(['沁水县2023', '沁水县2022']);
    expect(await names('晋城')).toEqual(expect.arrayContaining(['晋城市2023', '沁水县2023']));
    expect(await names('%')).toEqual([]);
    const long = await get(`/api/public/plan-years?q=${encodeURIComponent('很'.repeat(21))}`);
    expect(long.statusCode).toBe(422);
    expect(long.json().error).toMatchObject({ field: 'q', message: '地区名称不能超过 20 字' });
  });

  it('shows a finished year as its bulletin does: every project done, how it was done, nothing personal', async () => {
    const page = await get('/api/public/plan-years/410000/2023/projects');
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body).toMatchObject({
      regionName: '河南省',
      year: 2023,
      asOf: '2023-12-31',
      elapsed: 1,
      total: 10,
      completed: 10,
      inProgress: 0,
      lagging: 0,
    });
    const standings = body.projects.map((p: { standing: string }) => p.standing);
    expect(standings).toContain('已超额完成');
    for (const s of standings) expect(s).toMatch(/^已(超额完成|实现全覆盖|实现应补尽补|完成目标任务)$/);
    expect(page.body).not.toMatch(/1[3-9]\d{9}/);
    expect(page.body).not.toMatch(/phone|leaders|budget/i);
  });

  it('links every project to its own public page', async () => {
    const page = await get('/api/public/plan-years/140521/2022/projects');
    const projects = page.json().projects as Array<{ id: string; name: string }>;
    expect(projects).toHaveLength(12);
    const first = await get(`/api/public/projects/${projects[0]!.id}`);
    expect(first.statusCode).toBe(200);
    expect(first.json().name).toBe(projects[0]!.name);
  });

  it('answers an unknown plan year with 404 in Chinese and a bad region with its field', async () => {
    const missing = await get('/api/public/plan-years/410000/2001/projects');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'PLAN_YEAR_NOT_FOUND' });
    expect(missing.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    const bad = await get('/api/public/plan-years/41x/2023/projects');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ message: '行政区划代码不正确' });
  });

  it('refuses a flood from one address with 429 and a Chinese message', async () => {
    let last = await get('/api/public/plan-years');
    for (let i = 0; i < 130 && last.statusCode !== 429; i++) last = await get('/api/public/plan-years');
    expect(last.statusCode).toBe(429);
    expect(last.json().error.code).toBe('RATE_LIMITED');
    expect(last.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
