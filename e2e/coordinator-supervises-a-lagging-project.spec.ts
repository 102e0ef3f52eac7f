import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { screenshotter } from './support/artifacts';
import { type Browser, launchBrowser } from './support/browser';
import { fitsWidth, openMenu, signIn, visible } from './support/journey';
import { assertWebBuilt, type RunningServer, startServer } from './support/server';

/**
 * 督办 from end to end: 沁水县民生办 opens 调度督办 on the demo's 2023 plan year, finds 中医巡回医疗服务
 * 项目 among the lagging projects no order covers, and orders its lead unit (卫体局) to act, the
 * reason prefilled with its rates. 卫体局's clerk (赵国平) finds it on a phone in the workbench's
 * 督办待办, acknowledges it and reports it done. The coordinator grades it 良好, and the order reads 已办结
 * with its whole history.
 */
const JOURNEY = 'coordinator-supervises-a-lagging-project';
const PROJECT = '中医巡回医疗服务项目';

let server: RunningServer;
let desk: Browser;
let phone: Browser;
const shot = screenshotter(JOURNEY);

async function openSupervision(page: Page) {
  await openMenu(page, '调度督办');
  await page.getByRole('heading', { name: '调度督办', level: 1 }).waitFor();
}

describe(JOURNEY, () => {
  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
    desk = await launchBrowser();
    phone = await launchBrowser({ phone: true });
  });
  afterAll(async () => {
    await desk?.close();
    await phone?.close();
    await server?.stop();
  });

  let number = '';

  test('the coordinator orders the lead unit of a lagging project to act', async () => {
    const page = desk.context.pages()[0] ?? (await desk.context.newPage());
    await signIn(page, server.url, 'qinshui.coord');
    await openSupervision(page);
    // The demo's four orders: three graded, one waiting for its grade.
    await visible(page, '按时办结 2 件；评定优秀 1、良好 1、合格 1 件；退回重办 1 次');
    const advice = page.locator('.supervision-lagging');
    await advice.getByText(PROJECT).waitFor();
    await shot(page, 'board-with-lagging-projects');

    await advice
      .locator('.ant-list-item', { hasText: PROJECT })
      .getByRole('button', { name: '下达督办' })
      .click();
    const modal = page.getByRole('dialog', { name: '下达督办' });
    await modal.waitFor();
    expect(await modal.getByLabel('督办事由').inputValue()).toMatch(
      /^“中医巡回医疗服务项目”完成率83.3%，低于计划进度100%，进度滞后。/,
    );
    await modal.getByText('卫体局（牵头）').waitFor();
    await modal.getByLabel('督办要求（选填）').fill('12月底前完成剩余乡镇巡回诊疗');
    await modal.getByRole('button', { name: '下达' }).click();

    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText(/^督〔2023〕5号 · 中医巡回医疗服务项目$/).waitFor();
    number = '督〔2023〕5号';
    await drawer.getByText('待签收').first().waitFor();
    expect(await drawer.getByText('12月底前完成剩余乡镇巡回诊疗').count()).toBe(1);
    expect(await drawer.getByRole('button', { name: '催办' }).count()).toBe(1);
    expect(await drawer.getByRole('button', { name: '签收部署' }).count()).toBe(0);
    await shot(page, 'order-issued');
  });

  test('the unit’s clerk acknowledges and reports it done from a phone', async () => {
    const page = phone.context.pages()[0] ?? (await phone.context.newPage());
    await signIn(page, server.url, 'wtj.clerk');
    // The workbench says an order waits on the unit, and opens it.
    const todo = page.locator('.supervision-todo');
    await todo.getByText('督办待办（1 件）').waitFor();
    await shot(page, 'clerk-workbench-todo');
    await todo.getByRole('link', { name: `${number} ${PROJECT}` }).click();
    await page.getByRole('heading', { name: '调度督办', level: 1 }).waitFor();
    // The clerk is not advised whom to order, and the list opens on what waits on them.
    expect(await page.locator('.supervision-lagging').count()).toBe(0);
    expect(await page.locator('.ant-segmented-item-selected').textContent()).toBe('待我办理');
    expect(await fitsWidth(page)).toBe(true);

    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByRole('button', { name: '签收部署' }).click();
    const ack = page.getByRole('dialog', { name: '签收部署' });
    await ack.getByLabel('签收意见（选填）').fill('已签收，当日部署到各乡镇卫生院');
    await ack.getByRole('button', { name: '签收' }).click();
    await drawer.getByText('待报送措施').first().waitFor();

    await drawer.getByRole('button', { name: '报告办结' }).click();
    const done = page.getByRole('dialog', { name: '报告办结情况' });
    await done.getByRole('button', { name: '报告办结' }).click();
    // Nothing written: the form says what is missing, in Chinese.
    await done.getByText('请填写办结情况').waitFor();
    await done.getByLabel('办结情况').fill('剩余4个乡镇巡回诊疗已全部完成，服务群众1,260人次');
    await done.getByRole('button', { name: '报告办结' }).click();
    await drawer.getByText('待评定').first().waitFor();
    expect(await drawer.getByRole('button', { name: /签收部署|报告办结/ }).count()).toBe(0);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'clerk-reported-done');
  });

  test('the coordinator grades it, and the order shows its whole history', async () => {
    const page = desk.context.pages()[0]!;
    await page.reload();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByRole('button', { name: '办结评定' }).click();
    const grade = page.getByRole('dialog', { name: '办结评定' });
    await grade.getByText('良好').click();
    await grade.getByLabel('评定意见（选填）').fill('按时办结');
    await grade.getByRole('button', { name: '评定办结' }).click();
    await drawer.getByText('已办结').first().waitFor();
    const history = await drawer.locator('.supervision-step b').allTextContents();
    expect(history).toEqual(['下达督办', '签收部署', '报告办结', '办结评定']);
    await visible(page, '剩余4个乡镇巡回诊疗已全部完成，服务群众1,260人次');
    expect(await drawer.getByText('赵国平').count()).toBe(2);
    await shot(page, 'order-closed');

    // The project's own page lists it too.
    await drawer.getByRole('link', { name: `P02 ${PROJECT}` }).click();
    const orders = page.locator('.supervision-project-orders');
    await orders.getByText(number).waitFor();
    expect(await orders.getByText('已办结').count()).toBe(1);
    await page.goBack();
    await page.keyboard.press('Escape');
    await visible(page, '按时办结 3 件；评定优秀 1、良好 2、合格 1 件；退回重办 1 次');
  });
});
