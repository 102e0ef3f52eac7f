import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chooseOption } from './support/antd';
import { screenshotter } from './support/artifacts';
import { type Browser, launchBrowser } from './support/browser';
import { ADMIN_PASSWORD, assertWebBuilt, type RunningServer, startServer } from './support/server';

/**
 * 沁水县 sets up a new unit and its clerk: the administrator creates 沁水县数据服务中心 and a 部门填报员
 * for it; the clerk signs in, sees only what a clerk may use, and is turned away from user admin.
 */
const UNIT = '沁水县数据服务中心';
const CLERK = { username: 'sjzx.clerk', name: '李明', password: 'Qinshui#Data2023' };

let server: RunningServer;
let browser: Browser;
let page: Page;
const shot = screenshotter('admin-creates-unit-and-clerk');

async function visible(text: string | RegExp) {
  await page.getByText(text).first().waitFor({ state: 'visible' });
  expect(await page.getByText(text).first().isVisible()).toBe(true);
}

async function login(username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '工作台' }).waitFor();
}

function navItem(name: string) {
  return page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name, exact: true });
}

describe('管理员新建单位和部门填报员', () => {
  beforeAll(async () => {
    assertWebBuilt();
    // The one journey on an empty folder: `serve` sets up a new installation itself, as on day one.
    server = await startServer({ emptyFolder: true });
    browser = await launchBrowser();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('管理员建单位和填报员；填报员登录后看不到用户管理', async () => {
    await page.goto(`${server.url}/`);
    await visible('工作人员登录');
    await shot(page, 'login');

    // The administrator signs in.
    await login('admin', ADMIN_PASSWORD);
    await visible('我的角色与管辖范围');
    await visible('系统管理员');
    await shot(page, 'admin-dashboard');

    // …creates a unit under 沁水县.
    await navItem('单位').click();
    await page.getByRole('heading', { name: '单位管理' }).waitFor();
    await page.getByRole('button', { name: '新增单位' }).click();
    const unitDialog = page.getByRole('dialog', { name: '新增单位' });
    await chooseOption(page, unitDialog.getByLabel('所属地区'), '沁水县（140521）', '沁水');
    await unitDialog.getByLabel('单位名称').fill(UNIT);
    await unitDialog.getByLabel('简称').fill('数据中心');
    await shot(page, 'unit-form');
    await unitDialog.getByRole('button', { name: '保存' }).click();
    await visible(`已新增单位：${UNIT}`);
    await page.getByRole('cell', { name: UNIT, exact: true }).waitFor();
    await shot(page, 'unit-created');

    // …and a 部门填报员 of that unit.
    await navItem('用户').click();
    await page.getByRole('heading', { name: '用户管理' }).waitFor();
    await page.getByRole('button', { name: '新建用户' }).click();
    const userDialog = page.getByRole('dialog', { name: '新建用户' });
    await userDialog.getByLabel('用户名').fill(CLERK.username);
    await userDialog.getByLabel('姓名').fill(CLERK.name);
    await userDialog.getByLabel('初始密码').fill(CLERK.password);
    await chooseOption(page, userDialog.getByLabel('角色', { exact: true }), '部门填报员');
    await chooseOption(page, userDialog.getByLabel('管辖地区'), '沁水县（140521）', '沁水');
    await chooseOption(page, userDialog.getByLabel('所属单位'), `${UNIT}（沁水县）`, '数据服务');
    await shot(page, 'clerk-form');
    await userDialog.getByRole('button', { name: '保存' }).click();
    await visible(`已创建用户：${CLERK.username}`);
    await visible(`部门填报员 · 沁水县 · ${UNIT}`);
    await shot(page, 'clerk-created');

    // The administrator signs out.
    await page.getByRole('button', { name: '当前用户：系统管理员' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await visible('工作人员登录');
    await shot(page, 'admin-logged-out');

    // The clerk signs in and sees a clerk's menu: no user administration, no audit log.
    await login(CLERK.username, CLERK.password);
    await visible(CLERK.name);
    await visible(UNIT);
    await visible('部门填报员');
    expect(await navItem('工作台').isVisible()).toBe(true);
    expect(await navItem('单位').isVisible()).toBe(true);
    expect(await navItem('用户').count()).toBe(0);
    expect(await navItem('审计日志').count()).toBe(0);
    await shot(page, 'clerk-dashboard');

    // Typing the address of the user page does not get them in either.
    await page.goto(`${server.url}/admin/users`);
    await visible('无权访问');
    expect(await page.getByRole('heading', { name: '用户管理' }).count()).toBe(0);
    await shot(page, 'clerk-forbidden');
  });
});
