import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, openTestApp, type Session, type TestApp } from '../support/app';
import { testDatabaseKinds } from '../support/databases';

const [pglite] = testDatabaseKinds();

/** 城区 of 阳泉市 and 城区 of 晋城市: one name, two regions, each with its 2024 plan year. */
const YANGQUAN_CHENGQU = '140302';
const JINCHENG_CHENGQU = '140502';

/** A China date n days from today. */
const chinaDay = (n: number) =>
  new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

describe('tracking a suggestion names its plan year by region code, not by a shared name', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await openTestApp(pglite!, { loginRateLimitPerMinute: 1000 });
    admin = await t.login('admin');
    for (const regionCode of [YANGQUAN_CHENGQU, JINCHENG_CHENGQU]) {
      const opened = await t.app.inject({
        method: 'POST',
        url: '/api/plan-years',
        headers: as(admin),
        payload: { regionCode, year: 2024 },
      });
      expect(opened.statusCode).toBe(201);
    }
    const window = await t.app.inject({
      method: 'PUT',
      url: `/api/plan-years/${JINCHENG_CHENGQU}/2024/solicitation`,
      headers: as(admin),
      payload: { opensOn: chinaDay(-5), closesOn: chinaDay(40) },
    });
    expect(window.statusCode).toBe(200);
  });
  afterAll(() => t?.close());

  const track = async (code: string) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/public/suggestions/${code}` });
    expect(response.statusCode).toBe(200);
    return response.json() as { regionCode: string; regionName: string; year: number };
  };

  it('answers a resident’s code with the region’s code beside its name, just submitted or stored', async () => {
    // Sent by a resident to 晋城市城区 through the public form: tracked at once from the intake journal.
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/public/suggestions',
      payload: { region: JINCHENG_CHENGQU, year: 2024, text: '建议在钟家庄街道增设公共卫生间。' },
    });
    expect(sent.statusCode).toBe(201);
    expect(await track(sent.json().trackingCode)).toMatchObject({
      regionCode: JINCHENG_CHENGQU,
      regionName: '城区',
      year: 2024,
    });

    // Typed in by staff for 阳泉市城区 from a hotline call: tracked from the table.
    const typed = await t.app.inject({
      method: 'POST',
      url: `/api/plan-years/${YANGQUAN_CHENGQU}/2024/suggestions`,
      headers: as(admin),
      payload: { channel: 'hotline', text: '建议整修南山路人行道破损地砖。' },
    });
    expect(typed.statusCode).toBe(201);
    expect(await track(typed.json().trackingCode)).toMatchObject({
      regionCode: YANGQUAN_CHENGQU,
      regionName: '城区',
      year: 2024,
    });
  });
});
