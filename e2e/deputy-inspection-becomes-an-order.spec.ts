import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { screenshotter } from './support/artifacts';
import { type Browser, launchBrowser } from './support/browser';
import { apiSession, fitsWidth, signIn, visible } from './support/journey';
import { assertWebBuilt, type RunningServer, startServer } from './support/server';

/**
 * 代表视察: a deputy of 沁水县 visits 老旧小区改造 and writes down on a phone what they saw. The county's
 * coordinator reads it on the project's page and turns it into a 督办 order to 住建局, the deputy's
 * words as its reason; the order says where it came from, and the deputy's opinion names the order.
 */
const JOURNEY = 'deputy-inspection-becomes-an-order';
const OPINION = '科教小区3号楼外墙保温施工停滞，现场无人作业，居民反映雨季漏水。';

let server: RunningServer;
let phone: Browser;
let desk: Browser;
let projectPath = '';
const shot = screenshotter(JOURNEY);

describe(JOURNEY, () => {
  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
    phone = await launchBrowser({ phone: true });
    desk = await launchBrowser();
    const api = await apiSession(server.url, 'qinshui.coord');
    const board = (await (await api('/api/plan-years/140521/2023/supervision')).json()) as {
      projects: Array<{ id: string; ref: string }>;
    };
    projectPath = `/progress/projects/${board.projects.find((p) => p.ref === 'P07')!.id}`;
  });
  afterAll(async () => {
    await phone?.close();
    await desk?.close();
    await server?.stop();
  });

  test('a deputy writes down an inspection from a phone', async () => {
    const page = phone.context.pages()[0] ?? (await phone.context.newPage());
    await signIn(page, server.url, 'deputy.qinshui');
    await page.goto(`${server.url}${projectPath}`);
    const card = page.locator('.supervision-inspections');
    await card.getByText('代表视察意见').waitFor();
    await card.getByRole('button', { name: '提交视察意见' }).click();
    await card.getByText('请填写视察意见').waitFor();
    await card.getByLabel('视察意见').fill(OPINION);
    await card.getByRole('button', { name: '提交视察意见' }).click();
    await card.getByText(OPINION).waitFor();
    await visible(page, /沁水县人大代表 · \d{4}年\d+月\d+日视察/);
    expect(await card.getByText('转为督办').count()).toBe(0);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'deputy-wrote-an-inspection');
  });

  test('the coordinator turns it into a 督办 order', async () => {
    const page = desk.context.pages()[0] ?? (await desk.context.newPage());
    await signIn(page, server.url, 'qinshui.coord');
    await page.goto(`${server.url}${projectPath}`);
    const card = page.locator('.supervision-inspections');
    await card.getByText(OPINION).waitFor();
    await card.getByRole('link', { name: '转为督办' }).click();

    const modal = page.getByRole('dialog', { name: '下达督办' });
    await modal.waitFor();
    expect(await modal.getByLabel('督办事由').inputValue()).toMatch(
      new RegExp(`^人大代表视察意见（沁水县人大代表，\\d{4}-\\d{2}-\\d{2}）：${OPINION}$`),
    );
    await modal.getByText('住建局（牵头）').waitFor();
    await modal.getByRole('button', { name: '下达' }).click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText('人大代表视察意见', { exact: true }).waitFor();
    const number = (await drawer.locator('.ant-drawer-title').textContent())!.split(' · ')[0]!;
    expect(number).toMatch(/^督〔2023〕\d+号$/);
    await shot(page, 'order-from-the-inspection');

    await page.goto(`${server.url}${projectPath}`);
    await page.locator('.supervision-inspections').getByText(`已转${number}`).waitFor();
  });
});
