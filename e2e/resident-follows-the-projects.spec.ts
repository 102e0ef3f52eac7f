import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { screenshotter } from './support/artifacts';
import { type Browser, launchBrowser } from './support/browser';
import { assertWebBuilt, type RunningServer, startServer } from './support/server';

/**
 * A resident follows the year's 民生实事 from a phone, with no account: from the portal's front door
 * to 项目进展, picks 河南省 2023 and reads that all ten were done (the year-end figures of seed 002),
 * opens one project's page and comes back to the list; then 沁水县 2023, where the lagging projects
 * say so and carry their light.
 */
const JOURNEY = 'resident-follows-the-projects';

let server: RunningServer;
let browser: Browser;
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
});
