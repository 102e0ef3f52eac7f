import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/app';
import { testDatabaseKinds } from '../support/databases';

const [pglite] = testDatabaseKinds();

describe('published answers over HTTP, without a login', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await openTestApp(pglite!);
  });
  afterAll(() => t?.close());

  it('lists the plan years with answers, then one year’s answered groups, with no phone or name', async () => {
    const years = await t.app.inject({ method: 'GET', url: '/api/public/suggestion-answers' });
    expect(years.statusCode).toBe(200);
    const item = years.json().items.find((y: { regionCode: string; year: number }) => y.year === 2023);
    expect(item).toMatchObject({ regionCode: '140521', regionName: '沁水县', year: 2023 });
    expect(item.groups).toBeGreaterThan(0);

    const page = await t.app.inject({
      method: 'GET',
      url: '/api/public/plan-years/140521/2023/suggestion-answers',
    });
    expect(page.statusCode).toBe(200);
    expect(page.json().items).toHaveLength(item.groups);
    expect(page.json().items[0]).toMatchObject({
      label: expect.any(String),
      suggestions: expect.any(Number),
      answer: { verdictLabel: expect.stringMatching(/^(采纳|部分采纳|不予采纳|已在办理)$/) },
    });
    expect(page.body).not.toMatch(/1[3-9]\d{9}/);
    expect(page.body).not.toMatch(/residentName|phone|trackingCode/);
    // The demo's 2023 answers were given before that year began, not on the day the demo was loaded.
    for (const i of page.json().items) expect(i.answer.answeredAt).toMatch(/^2022-12-/);
  });

  it('finds the plan years with answers by region name, the parent region’s included', async () => {
    const found = async (q: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/public/suggestion-answers?q=${encodeURIComponent(q)}`,
        })
      )
        .json()
        .items.map((y: { regionCode: string; year: number }) => `${y.regionCode}/${y.year}`);
    expect(await found('沁水')).toContain('140521/2023');
    expect(await found('晋城')).toContain('140521/2023');
    expect(await found('吉林')).toEqual([]);
    expect(await found('_')).toEqual([]);
    const long = await t.app.inject({
      method: 'GET',
      url: `/api/public/suggestion-answers?q=${encodeURIComponent('很'.repeat(21))}`,
    });
    expect(long.statusCode).toBe(422);
    expect(long.json().error).toMatchObject({ field: 'q', message: '地区名称不能超过 20 字' });
  });

  it('answers an unknown plan year with 404 in Chinese, and a bad region with 422', async () => {
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/public/plan-years/140521/2001/suggestion-answers',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('PLAN_YEAR_NOT_FOUND');
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/public/plan-years/14x/2023/suggestion-answers',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toBe('行政区划代码不正确');
  });
});
