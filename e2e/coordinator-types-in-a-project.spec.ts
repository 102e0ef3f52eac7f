import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chooseOption } from './support/antd';
import { screenshotter } from './support/artifacts';
import { type Browser, launchBrowser } from './support/browser';
import { fitsWidth, signIn, visible } from './support/journey';
import { type RunningServer, startServer } from './support/server';

/**
 * 沁水县民生办 types a project of the 2023 plan in from a phone: name, lead unit, the person
 * responsible, the budget, an indicator and a milestone with its planned value. A budget with three
 * decimals is refused next to the field, in Chinese; once fixed, the project is saved and shows in
 * the plan year's project list.
 */
const PROJECT = '城区口袋公园建设';

let server: RunningServer;
let browser: Browser;
let page: Page;
const shot = screenshotter('coordinator-types-in-a-project');

describe('民生办用手机录入项目', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser({ phone: true });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('录入项目，金额错误时就地提示，保存后出现在项目列表中', async () => {
    await signIn(page, server.url, 'qinshui.coord');
    await page.goto(`${server.url}/progress/140521/2023`);
    await page.getByRole('link', { name: '录入项目' }).click();
    await page.getByRole('heading', { name: '录入项目' }).waitFor();
    await shot(page, 'empty-form');

    await page.getByLabel('项目名称').fill(PROJECT);
    await chooseOption(page, page.getByLabel('牵头单位'), '园林绿化服务中心', '园林');
    await page.keyboard.press('Escape');
    await page.getByLabel('姓名').first().fill('李慧鑫');
    await page.getByLabel('联系电话').first().fill('18235666981');
    await page.getByLabel('计划投入资金（元）').fill('10000000.123');
    await page.getByLabel('指标名称').first().fill('新建口袋公园');
    await page.getByLabel('目标数量').first().fill('6');
    await page.getByLabel('计量单位').first().fill('个');
    await page.getByRole('button', { name: '添加节点' }).click();
    await page.getByLabel('完成时限').first().fill('2023-06-30');
    await page.getByLabel('节点内容').first().fill('建成3个口袋公园');
    await page.getByLabel('I1 新建口袋公园（个）').first().fill('3');
    await shot(page, 'filled-in');
    expect(await fitsWidth(page)).toBe(true);

    await page.getByRole('button', { name: '保存项目' }).click();
    // Under the field itself (the list of problems above the button says it too).
    await page.locator('.ant-form-item-explain-error', { hasText: '金额最多两位小数（精确到分）' }).waitFor();
    await shot(page, 'budget-refused');

    await page.getByLabel('计划投入资金（元）').fill('10000000');
    await page.getByRole('button', { name: '保存项目' }).click();
    await page.getByText(`已录入项目 P13：${PROJECT}`).waitFor();
    await page.getByRole('heading', { name: /沁水县2023年民生实事/ }).waitFor();
    const inList = page.getByRole('link', { name: new RegExp(`P13\\s*${PROJECT}`) }).first();
    await inList.waitFor();
    await shot(page, 'in-the-list');

    await inList.click();
    await page.getByRole('heading', { name: new RegExp(PROJECT) }).waitFor();
    await visible(page, '园林绿化服务中心');
    await shot(page, 'project-page');

    // …and changes it: the form opens with what was saved; the new name shows on the project page.
    await page.getByRole('link', { name: '修改项目' }).click();
    await page.getByRole('heading', { name: `修改项目：${PROJECT}` }).waitFor();
    expect(await page.getByLabel('I1 新建口袋公园（个）').first().inputValue()).toBe('3');
    await page.getByLabel('项目名称').fill(`${PROJECT}（一期）`);
    await page.getByRole('button', { name: '保存项目' }).click();
    await page.getByRole('heading', { name: new RegExp(`${PROJECT}（一期）`) }).waitFor();
    await shot(page, 'edited');
  });
});
