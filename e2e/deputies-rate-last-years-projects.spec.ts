import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { screenshotter } from './support/artifacts';
import { type Browser, launchBrowser } from './support/browser';
import { assertWebBuilt, DEMO_PASSWORD, REPO_ROOT, type RunningServer, startServer } from './support/server';

/**
 * At the county congress of January 2024, 沁水县民生办 opens the satisfaction evaluation of the 2023
 * projects (the demo plan year), types in a roll of three deputies and checks them in; each deputy
 * scans the one-time QR code and rates every project on a phone, by secret ballot. The coordinator
 * closes the evaluation and reads the verdicts and the chart; a deputy checks the receipt on the
 * phone and reads the published counts. A resident finds the evaluation listed on the portal's
 * front door and opens its results. Then the resident scans a project's site poster, reads its
 * progress and the deputies' verdict on a phone and rates it; a second rating from the same phone is
 * refused. The coordinator sets the survey's window in the future: the resident's page says politely
 * when it opens instead of the form. The coordinator downloads the poster as PNG from the project page.
 */
const JOURNEY = 'deputies-rate-last-years-projects';
const DEPUTIES = [
  ['王建军', '龙港镇代表团'],
  ['李秀英', '端氏镇代表团'],
  ['张志刚', '嘉峰镇代表团'],
] as const;

let server: RunningServer;
const browsers: Browser[] = [];
const shot = screenshotter(JOURNEY);

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

describe('人大代表对上一年度民生实事项目进行满意度测评', () => {
  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
  });

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await server?.stop();
  });

  test('签到发放凭证、手机测评、计票出结论，群众扫码评价', async () => {
    // ── The coordinator opens a session on the 2023 projects and enters the roll.
    const desk = await openPage({ phone: false });
    await desk.goto(`${server.url}/login`);
    await desk.getByLabel('用户名').fill('qinshui.coord');
    await desk.getByLabel('密码').fill(DEMO_PASSWORD);
    await desk.getByRole('button', { name: '登录' }).click();
    await desk.getByRole('heading', { name: '工作台' }).waitFor();
    await desk
      .getByRole('navigation', { name: '主导航' })
      .getByRole('menuitem', { name: '满意度测评', exact: true })
      .click();
    await desk.getByRole('heading', { name: '满意度测评' }).waitFor();
    await visible(desk, '沁水县 2023年');
    await visible(desk, '该年度还没有满意度测评会议');
    await desk.getByRole('button', { name: '新建测评会议' }).click();
    await visible(desk, '2023年民生实事项目满意度测评');
    await desk.getByLabel('粘贴代表名单').fill(DEPUTIES.map(([n, d]) => `${n} ${d}`).join('\n'));
    await desk.getByRole('button', { name: '保存名单' }).click();
    await desk.getByText('龙港镇代表团').first().waitFor();
    await desk.getByRole('button', { name: '开始签到测评' }).click();
    await visible(desk, '签到测评中');
    await shot(desk, 'coordinator-session-open');

    // ── Each deputy checks in at the desk and is shown a one-time QR code.
    const tokens: string[] = [];
    for (const [name] of DEPUTIES) {
      await desk.getByRole('button', { name: `为${name}签到` }).click();
      const dialog = desk.getByRole('dialog');
      await dialog.getByRole('img', { name: '测评凭证二维码' }).waitFor();
      const token = (await dialog.locator('.checkin-token').innerText()).trim();
      expect(token).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}/);
      tokens.push(token.slice(0, 39));
      if (tokens.length === 1) await shot(desk, 'checkin-qr-token');
      await dialog.getByRole('button', { name: '已扫码，关闭' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    await visible(desk, '已签到');

    // ── On their phones, the deputies rate every project; the third is less pleased with the first.
    let projectCount = 0;
    let firstReceipt = '';
    let deputyPhone: Page | undefined;
    for (const [i, token] of tokens.entries()) {
      const phone = await openPage({ phone: true });
      // As the QR code opens it: the token after '#', dropped from the address bar once read.
      await phone.goto(`${server.url}/portal/evaluate#${token}`);
      await visible(phone, '人大代表满意度测评 · 无记名');
      expect(phone.url()).toBe(`${server.url}/portal/evaluate`);
      const cards = phone.locator('.evaluate-projects > li');
      projectCount = await cards.count();
      expect(projectCount).toBeGreaterThan(2);
      await visible(phone, `还有 ${projectCount} 个项目未评价`);
      for (let p = 0; p < projectCount; p++) {
        const mark = i < 2 ? '满意' : p === 0 ? '不满意' : '基本满意';
        await cards.nth(p).getByText(mark, { exact: true }).click();
      }
      if (i === 0) await shot(phone, 'deputy-ballot-phone');
      await phone.getByRole('button', { name: '提交测评票' }).click();
      await visible(phone, '测评票已提交');
      const receipt = await phone.locator('.evaluate-receipt').innerText();
      expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
      if (i === 0) {
        firstReceipt = receipt;
        deputyPhone = phone;
        await shot(phone, 'deputy-receipt-phone');
      }
      // The same QR code cannot be used twice.
      await phone.goto(`${server.url}/portal/evaluate/${token}`);
      await visible(phone, '该测评票已经提交，不能再次提交或修改');
    }

    // ── The coordinator closes and counts: two 满意 of a roll of three is more than half.
    await desk.reload();
    await visible(desk, '收回测评票');
    await desk.getByRole('button', { name: '结束测评并计票' }).click();
    await desk.getByRole('button', { name: '结束并计票' }).click();
    await visible(desk, '已计票');
    const results = desk.locator('.ant-card', { hasText: '测评结果' }).last();
    await results.getByRole('cell', { name: '满意', exact: true }).first().waitFor();
    expect(await results.locator('tbody tr.ant-table-row').count()).toBe(projectCount);
    // Every project: 满意 2 of 3 → 满意.
    expect(await results.locator('tbody tr.ant-table-row .ant-tag', { hasText: /^满意$/ }).count()).toBe(
      projectCount,
    );
    await shot(desk, 'coordinator-verdicts');

    await desk.getByRole('tab', { name: '测评结果' }).click();
    await desk.getByRole('img', { name: /沁水县各项目代表测评结果/ }).waitFor();
    await visible(desk, `满意 ${projectCount} 项，基本满意 0 项，不满意 0 项`);
    await shot(desk, 'results-chart');

    // ── The first deputy checks the receipt on the phone: the receipt page serves the vote's and the
    // evaluation's; typed on the vote's side, the code is still found, counted, with the counts public.
    await deputyPhone!.goto(`${server.url}/portal/receipt`);
    await deputyPhone!.getByLabel('回执码').fill(firstReceipt.toLowerCase());
    await deputyPhone!.getByRole('button', { name: '查验' }).click();
    await visible(deputyPhone!, '您的测评票已计入本次测评结果');
    expect(await deputyPhone!.getByLabel('满意度测评票').isChecked()).toBe(true);
    await shot(deputyPhone!, 'deputy-checks-evaluation-receipt');
    await deputyPhone!.getByRole('link', { name: '查看公布的测评结果' }).click();
    await visible(deputyPhone!, '应到 3 人，实到 3 人，收回测评票 3 张');
    expect(await deputyPhone!.locator('.evaluation-results > li').count()).toBe(projectCount);
    expect(await deputyPhone!.getByText('测评结论：满意').count()).toBe(projectCount);
    await visible(deputyPhone!, /^满意 2 · 基本满意 0 ·\s*不满意 1$/);
    expect(await deputyPhone!.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(deputyPhone!, 'published-evaluation-counts-phone');
    const publishedPath = new URL(deputyPhone!.url()).pathname;
    await desk.goto(`${server.url}${publishedPath}`);
    await visible(desk, '应到 3 人，实到 3 人，收回测评票 3 张');
    await shot(desk, 'published-evaluation-counts-desktop');
    await desk.goBack();
    await desk.getByRole('tab', { name: '测评结果' }).click();
    const projectLink = desk.getByRole('link', { name: '公开页' }).first();
    const projectPath = new URL((await projectLink.getAttribute('href'))!, server.url).pathname;

    // ── A resident scans the site poster: the project's public page, on a phone.
    const poster = await fetch(`${server.url}/api${projectPath.replace('/p/', '/projects/')}/poster.pdf`);
    expect(poster.headers.get('content-type')).toBe('application/pdf');
    const resident = await openPage({ phone: true });
    // The portal's front door lists the counted evaluation: the resident finds it without a link.
    await resident.goto(`${server.url}/portal`);
    const listed = resident.locator('.evaluation-item').filter({ hasText: '2023年民生实事项目满意度测评' });
    await listed.waitFor();
    expect(await listed.textContent()).toMatch(/结果已公布[\s\S]*沁水县 · 2023年 · 人大代表测评/);
    expect(await resident.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(resident, 'portal-home-lists-evaluations');
    await listed.getByRole('link').click();
    await visible(resident, '应到 3 人，实到 3 人，收回测评票 3 张');
    expect(new URL(resident.url()).pathname).toBe(publishedPath);
    await resident.goto(`${server.url}${projectPath}`);
    await resident.getByRole('heading', { level: 1 }).waitFor();
    await visible(resident, '项目进展');
    await visible(resident, '来自审核通过的进度报告');
    await visible(resident, '牵头单位');
    // The deputies' published verdict, on the project's own page.
    await visible(resident, '人大代表测评');
    await visible(resident, '测评结论：满意');
    expect(await resident.locator('body').innerText()).not.toMatch(/1[3-9]\d{9}/);
    await shot(resident, 'resident-project-page');
    await resident.locator('.rating-choices label', { hasText: /^满意$/ }).click();
    await resident.getByLabel('意见建议（选填，500 字以内）').fill('<b>路灯</b>亮了，晚上出门方便多了');
    await resident.getByLabel(/手机号/).fill('13903561234');
    await resident.getByRole('button', { name: '提交评价' }).click();
    await visible(resident, /^感谢您对“.+”的评价！$/);
    await visible(resident, '已有 1 人评价，满意和基本满意占 100%');
    await shot(resident, 'resident-rated');

    // The same phone again, from another visit: refused, the first rating stands.
    await resident.reload();
    await resident.locator('.rating-choices label', { hasText: /^不满意$/ }).click();
    await resident.getByLabel(/手机号/).fill('139 0356 1234');
    await resident.getByRole('button', { name: '提交评价' }).click();
    await visible(resident, /^手机号 139\*\*\*\*1234 已对“.+”作过评价，每个手机号对每个项目只能评价一次$/);
    await visible(resident, '已有 1 人评价');
    await shot(resident, 'resident-duplicate-refused');
    await resident.getByRole('link', { name: '码上提' }).waitFor();

    // ── The coordinator sets the survey's window for next spring: the page now says when it opens.
    await desk.getByRole('button', { name: '设置评价期' }).click();
    await desk.getByLabel('开始日期').fill('2099-03-01');
    await desk.getByLabel('截止日期').fill('2099-03-03');
    await desk.getByRole('button', { name: '保存评价期' }).click();
    await visible(desk, '满意度评价期不少于 7 天（现为 3 天）');
    await desk.getByLabel('截止日期').fill('2099-03-31');
    await desk.getByRole('button', { name: '保存评价期' }).click();
    await visible(desk, '2099-03-01 至 2099-03-31');
    await visible(desk, '未开始');
    await shot(desk, 'coordinator-sets-survey-window');
    await resident.reload();
    await visible(
      resident,
      '本年度群众满意度评价将于2099年3月1日开始（评价期 2099年3月1日至2099年3月31日），届时欢迎您评价',
    );
    expect(await resident.getByRole('button', { name: '提交评价' }).count()).toBe(0);
    await visible(resident, '已有 1 人评价');
    await shot(resident, 'resident-survey-not-yet-open');

    // ── The poster from the project's console page: PDF, SVG, and a PNG drawn in the browser.
    await desk.goto(`${server.url}/progress/projects/${projectPath.slice(3)}`);
    const posterLinks = desk.getByRole('group', { name: '现场二维码海报' });
    await posterLinks.getByRole('button', { name: '海报 PNG' }).waitFor();
    expect(await posterLinks.getByRole('link', { name: /海报 PDF/ }).getAttribute('href')).toBe(
      `/api/projects/${projectPath.slice(3)}/poster.pdf`,
    );
    await shot(desk, 'project-page-poster-links');
    const [download] = await Promise.all([
      desk.waitForEvent('download'),
      posterLinks.getByRole('button', { name: '海报 PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-二维码海报\.png$/);
    const png = readFileSync((await download.path())!);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // IHDR: A4 at 300 dpi.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2480, 3508]);
    // Kept beside the screenshots, for a person to look at.
    await download.saveAs(join(REPO_ROOT, 'test-artifacts', 'e2e', JOURNEY, 'poster.png'));

    // ── The coordinator, on a phone, reads the results with the resident's rating beside the verdicts.
    const coordinatorPhone = await openPage({ phone: true });
    await coordinatorPhone.goto(`${server.url}/login`);
    await coordinatorPhone.getByLabel('用户名').fill('qinshui.coord');
    await coordinatorPhone.getByLabel('密码').fill(DEMO_PASSWORD);
    await coordinatorPhone.getByRole('button', { name: '登录' }).click();
    await coordinatorPhone.getByRole('heading', { name: '工作台' }).waitFor();
    await coordinatorPhone.goto(`${server.url}/evaluation`);
    await coordinatorPhone.getByRole('tab', { name: '测评结果' }).click();
    await visible(coordinatorPhone, '群众调查：共 1 份评价');
    await visible(coordinatorPhone, '100%（1 份）');
    await shot(coordinatorPhone, 'coordinator-results-phone');
    expect(await resident.getByRole('link', { name: '提建议' }).getAttribute('href')).toBe(
      `/portal/suggest?project=${projectPath.slice(3)}`,
    );
  }, 300_000);
});
