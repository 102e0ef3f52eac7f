import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inYear, qinshui as qinshui2023 } from '../test/support/plans';
import { chooseOption } from './support/antd';
import { screenshotter } from './support/artifacts';
import { type Browser, launchBrowser } from './support/browser';
import { png } from './support/images';
import { assertWebBuilt, DEMO_PASSWORD, type RunningServer, startServer } from './support/server';

// The demo's 沁水县 2023 carries 督办 history, which no re-import may drop: this journey's plan is 2021's.
const qinshui = inYear(qinshui2023, 2021);

/**
 * 沁水县住建局's clerk reports the 老旧小区改造 project's August figures from a phone: the first
 * figure is far above target and the server asks for an explanation; the clerk enters the real
 * figure and submits. The unit's approver returns it with a reason; the clerk reads the reason on
 * the phone, corrects the figure and resubmits; the approver approves. The county's coordinator then
 * sees the new figure and rate in the overview, the project page and the bulletin.
 */
const JOURNEY = 'clerk-reports-progress-from-a-phone';
const PROJECT = '老旧小区改造项目';
const AS_OF = '2021-08-31';
const RETURN_REASON = '改造栋数与现场核查不符，实际完成10栋，请核实后重报';

let server: RunningServer;
const browsers: Browser[] = [];
const shot = screenshotter(JOURNEY);

/** Signs in through the API and returns a fetch that carries the session cookie and CSRF token. */
async function apiSession(username: string) {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return (path: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${server.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
}

async function openPage(options: { phone: boolean }): Promise<Page> {
  const browser = await launchBrowser(options);
  browsers.push(browser);
  return browser.context.pages()[0] ?? (await browser.context.newPage());
}

async function visible(page: Page, text: string | RegExp) {
  const target = page.getByText(text).first();
  await target.waitFor({ state: 'visible' });
  expect(await target.isVisible()).toBe(true);
}

async function login(page: Page, username: string) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '工作台' }).waitFor();
}

/** On a phone the menu is a drawer behind the ☰ button. */
async function openMenu(page: Page, entry: string, phone: boolean) {
  if (phone) await page.getByRole('button', { name: '打开导航菜单' }).click();
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('menuitem', { name: entry, exact: true })
    .click();
}

/** 项目进度 lists the plan years in scope (or opens the only one): choose 沁水县 2021. */
async function pickPlanYear(page: Page) {
  await page
    .getByText(/^沁水县 2021年$|^序时进度$/)
    .first()
    .waitFor();
  const link = page.getByRole('link', { name: /沁水县 2021年/ });
  if ((await link.count()) > 0) await link.click();
}

describe('填报员用手机报送项目进度', () => {
  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
    // 沁水县民生办 loads the county's 2021 plan.
    const coordinator = await apiSession('qinshui.coord');
    const imported = await coordinator('/api/plan-years/import', { method: 'POST', body: qinshui });
    expect(imported.status, await imported.clone().text()).toBe(200);
  });

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await server?.stop();
  });

  test('填报、退回、修改重报、审核通过，总览和通报显示新数字', async () => {
    // ── The clerk, on a phone, finds the project and opens the report form.
    const clerk = await openPage({ phone: true });
    await login(clerk, 'zjj.clerk');
    // The workbench says what the department owes: 2021's plan has had no report at all.
    await visible(clerk, '填报待办');
    const owed = clerk.getByRole('link', {
      name: /2021年12月进度应于2022年1月5日前报送，已逾期 \d+ 天（共 12 个月未报）/,
    });
    await owed.waitFor();
    await shot(clerk, 'clerk-workbench-todo-phone');
    await owed.click();
    await clerk.getByRole('heading', { name: '填报进度' }).waitFor();
    await visible(clerk, '2021年12月');
    await openMenu(clerk, '项目进度', true);
    await pickPlanYear(clerk);
    await visible(clerk, '序时进度');
    await visible(clerk, PROJECT);
    await shot(clerk, 'clerk-overview-phone');

    await clerk.getByRole('link', { name: PROJECT }).first().click();
    await clerk.getByRole('heading', { name: PROJECT }).waitFor();
    await visible(clerk, '推进计划节点');
    await visible(clerk, '还没有进度报告');
    await shot(clerk, 'clerk-project-phone');

    await clerk.getByRole('link', { name: '填报进度' }).click();
    await clerk.getByRole('heading', { name: '填报进度' }).waitFor();
    await chooseOption(clerk, clerk.getByRole('combobox', { name: '报告期' }), '2021年8月');

    // A first figure far above the target: the form warns, and the server refuses it without a word.
    const buildings = clerk.getByLabel('改造住宅楼 累计完成');
    await buildings.fill('40');
    await clerk.getByLabel('惠及居民 已覆盖数（累计）').fill('420');
    await clerk.getByLabel('累计完成投资（元）').fill('21000000');
    await clerk.getByLabel('累计资金到位（元）').fill('30000000');
    await clerk
      .getByLabel('进展情况')
      .fill('移民小区片区10栋住宅楼完成屋面和楼体立面改造，科教小区片区进场施工。');
    await clerk.getByLabel('存在问题').fill('雨季影响外墙施工进度。');
    await clerk.getByLabel('下一步计划').fill('9月完成科教小区片区屋面改造。');
    await visible(clerk, '超过年度目标的 150%，请在下面说明原因');
    await visible(clerk, '合 2100万元');

    // A photo of the site, taken with the phone's camera (the draft is saved first).
    await clerk.locator('#report-photo-input').setInputFiles({
      name: 'site.png',
      mimeType: 'image/png',
      buffer: png(64, 48),
    });
    await clerk.getByRole('img', { name: '现场照片 1' }).waitFor();
    await shot(clerk, 'clerk-form-far-above-target');

    await clerk.getByRole('button', { name: '提交审核' }).click();
    await visible(clerk, '改造住宅楼：累计值超过年度目标 26 的 150%，请说明原因');
    expect(await clerk.getByLabel('改造住宅楼 情况说明').isVisible()).toBe(true);
    await shot(clerk, 'clerk-server-asks-for-explanation');

    // The clerk enters the figure meant: 12 buildings, and submits.
    await buildings.fill('12');
    await visible(clerk, '完成率 46.15%');
    await clerk.getByRole('button', { name: '提交审核' }).click();
    await visible(clerk, '已提交审核，审核通过后计入项目进度');
    await clerk.getByRole('heading', { name: PROJECT }).waitFor();
    await visible(clerk, '待审核');
    await shot(clerk, 'clerk-submitted');

    // ── The unit's approver, at a desk, returns it with a reason.
    const approver = await openPage({ phone: false });
    await login(approver, 'zjj.approver');
    await openMenu(approver, '审核', false);
    await approver.getByRole('heading', { name: '审核' }).waitFor();
    await visible(approver, '有 1 份进度报告等待您审核');
    await shot(approver, 'approver-queue');
    await approver.getByRole('button', { name: '审核' }).click();
    await approver.getByRole('heading', { name: '审核进度报告' }).waitFor();
    await visible(approver, '12 栋');
    await visible(approver, '首次填报');
    await shot(approver, 'approver-review');
    await approver.getByRole('button', { name: '退回' }).click();
    const returnDialog = approver.getByRole('dialog', { name: '退回报告' });
    await returnDialog.getByLabel('退回原因').fill(RETURN_REASON);
    await returnDialog.getByRole('button', { name: '退回' }).click();
    await visible(approver, '已退回，填报员修改后会重新提交');
    await shot(approver, 'approver-returned');

    // ── The clerk sees the reason on the phone, corrects the figure and resubmits.
    await clerk.reload();
    await visible(clerk, '截至2021年8月31日的报告被退回');
    await visible(clerk, `退回原因：${RETURN_REASON}`);
    await shot(clerk, 'clerk-sees-return-reason');
    await clerk.getByRole('link', { name: '修改退回的报告' }).click();
    await visible(clerk, '该报告被审核人退回，请修改后重新提交');
    await visible(clerk, `退回原因：${RETURN_REASON}`);
    await clerk.getByLabel('改造住宅楼 累计完成').fill('10');
    await visible(clerk, '完成率 38.46%');
    await shot(clerk, 'clerk-corrects-value');
    await clerk.getByRole('button', { name: '提交审核' }).click();
    await visible(clerk, '已提交审核，审核通过后计入项目进度');
    await clerk.getByRole('heading', { name: PROJECT }).waitFor();
    await shot(clerk, 'clerk-resubmitted');

    // ── The approver looks at the queue again and approves the corrected report.
    await approver.reload();
    await visible(approver, '有 1 份进度报告等待您审核');
    await approver.getByRole('button', { name: '审核' }).click();
    await visible(approver, '10 栋');
    await approver.getByRole('button', { name: '通过' }).click();
    const confirm = approver.getByRole('dialog', { name: '审核通过这份报告？' });
    await confirm.getByRole('button', { name: '通过' }).click();
    await visible(approver, `已通过：${PROJECT} 截至2021年8月31日的报告`);
    await visible(approver, '没有待审核的报告');
    await shot(approver, 'approver-approved');

    // ── The county's coordinator sees the new figure in the overview, on the project page and in the bulletin.
    const coordinator = await openPage({ phone: false });
    await login(coordinator, 'qinshui.coord');
    await openMenu(coordinator, '项目进度', false);
    await pickPlanYear(coordinator);
    await visible(coordinator, '全部项目');
    await coordinator.getByLabel('截至日期').fill(AS_OF);
    await visible(coordinator, '截至2021年8月31日');
    const row = coordinator.getByRole('row', { name: new RegExp(PROJECT) });
    await row.getByText('38.5%').waitFor();
    expect(await row.getByRole('img', { name: /完成 38.46%/ }).count()).toBe(1);
    await shot(coordinator, 'coordinator-overview');

    await row.getByRole('link', { name: PROJECT }).click();
    await coordinator.getByRole('heading', { name: PROJECT }).waitFor();
    await visible(coordinator, '完成率 38.46%');
    await visible(coordinator, '现行有效');
    await visible(coordinator, '已通过');
    await shot(coordinator, 'coordinator-project');

    await coordinator.getByRole('link', { name: '返回总览' }).click();
    await coordinator.getByRole('button', { name: '查看通报' }).click();
    await coordinator.getByRole('heading', { name: '通报', exact: true }).waitFor();
    await visible(coordinator, /改造住宅楼10栋/);
    await visible(coordinator, /38\.46%/);
    await shot(coordinator, 'coordinator-bulletin');

    // The same bulletin as Markdown, straight from the API.
    const api = await apiSession('qinshui.coord');
    const md = await (await api(`/api/plan-years/140521/2021/bulletin?asOf=${AS_OF}&format=md`)).text();
    expect(md).toContain('改造住宅楼10栋');
    expect(md).toContain('38.46%');
  });
});
