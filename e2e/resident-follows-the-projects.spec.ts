import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { screenshotter } from './support/artifacts';
import { type Browser, launchBrowser } from './support/browser';
import { assertWebBuilt, DEMO_PASSWORD, type RunningServer, startServer } from './support/server';

/**
 * A resident follows the year's 民生实事 from a phone, with no account: from the portal's front door
 * to 项目进展, picks 河南省 2023 and reads that all ten were done (the year-end figures of seed 002),
 * opens one project's page and comes back to the list; then 沁水县 2023, where the lagging projects
 * say so and carry their light. The county's coordinator checks the same standing in 信息公开 and
 * finds each project's site poster there, and the way to the public page.
 */
const JOURNEY = 'resident-follows-the-projects';

let server: RunningServer;
let browser: Browser;
let desk: Browser | undefined;
const shot = screenshotter(JOURNEY);

async function visible(page: Page, text: string | RegExp) {
  const target = page.getByText(text).first();
  await target.waitFor({ state: 'visible' });
  expect(await target.isVisible()).toBe(true);
}

describe(JOURNEY, () => {
  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
    browser = await launchBrowser({ phone: true });
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
    await server?.stop();
  });

  test('a resident reads how each project stands and opens one', async () => {
    const phone = browser.context.pages()[0] ?? (await browser.context.newPage());
    await phone.goto(`${server.url}/portal`);
    await phone.getByRole('link', { name: /项目进展/ }).click();
    await phone.getByRole('heading', { name: '项目进展' }).waitFor();

    await phone.getByLabel('地区和年度').selectOption('410000/2023');
    await visible(phone, /共 10 件，已完成 10 件，正在推进 0 件。/);
    expect(await phone.getByText('已超额完成').count()).toBeGreaterThan(0);
    await shot(phone, 'henan-2023-all-done');
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);

    const first = phone.locator('.progress-name').first();
    const name = (await first.textContent())!.trim();
    await first.click();
    await phone.getByRole('heading', { name }).waitFor();
    await visible(phone, '项目进展');
    await shot(phone, 'one-project-page');
    await phone.getByRole('link', { name: '2023年全部项目' }).click();
    await visible(phone, /共 10 件/);
    expect(await phone.getByLabel('地区和年度').inputValue()).toBe('410000/2023');

    await phone.getByLabel('地区和年度').selectOption('140521/2023');
    await visible(phone, /其中 \d+ 件进度滞后/);
    const lagging = phone.locator('.progress-item', { hasText: '进度滞后' }).first();
    expect(await lagging.getAttribute('class')).toMatch(/light-(yellow|orange|red)/);
    await visible(phone, '演示数据');
    await shot(phone, 'qinshui-2023-lagging-marked');
  });

  test('the coordinator sees what is disclosed and takes each project’s poster', async () => {
    desk = await launchBrowser({ phone: false });
    const page = desk.context.pages()[0] ?? (await desk.context.newPage());
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill('qinshui.coord');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('menuitem', { name: '信息公开', exact: true })
      .click();
    await page.getByRole('heading', { name: '信息公开' }).waitFor();

    // The newest plan year with projects opens: the same standing the residents read.
    await visible(page, /共 12 件，已完成 \d+ 件，正在推进 \d+ 件，其中 \d+ 件进度滞后/);
    expect(await page.getByText('进度滞后').count()).toBeGreaterThan(0);
    const portal = page.getByRole('link', { name: '打开公众页面' });
    expect(await portal.getAttribute('href')).toBe('/portal/projects?region=140521&year=2023');
    const posters = page.getByRole('link', { name: /海报 PDF/ });
    expect(await posters.count()).toBe(12);
    const pdf = await page.request.get(`${server.url}${await posters.first().getAttribute('href')}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await shot(page, 'coordinator-checks-what-is-disclosed');
  });
});
