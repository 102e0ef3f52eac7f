import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chooseOption } from './support/antd';
import { screenshotter } from './support/artifacts';
import { type Browser, launchBrowser } from './support/browser';
import { png } from './support/images';
import { apiSession } from './support/journey';
import { assertWebBuilt, DEMO_PASSWORD, type RunningServer, startServer } from './support/server';

/**
 * A resident of 沁水县 asks, from a phone, for a lift in an old six-storey building and keeps the
 * tracking code. The county's coordinator groups the suggestions, merges in a hotline call that says
 * the same in other words, and routes the group to 住建局. 住建局's clerk answers 部分采纳 with the
 * reason. The resident opens the code on the phone and reads the answer, then every published
 * answer of the year. The coordinator links the answered group to the candidate project 住建局 drafted
 * from it, sees how many residents asked, and the funnel counts the link.
 */
const JOURNEY = 'resident-suggestion-is-answered';
const RESIDENT_TEXT = '杏园社区3号楼是六层老楼，没有电梯，我母亲八十多岁下不了楼，建议给老楼加装电梯。';
const TWIN = '杏园社区的老楼六层没有电梯，老人上下楼太难，建议加装电梯。';
const PARAPHRASE = '希望给杏园小区旧楼装上升降梯，方便腿脚不好的老年人出门。';
const OTHER = '郑庄镇几个村冬天经常停水，饮水困难，请帮忙解决。';
const REASON = '杏园社区已纳入明年老旧小区改造计划，加装电梯需单元住户协商同意后分批实施。';

let server: RunningServer;
const browsers: Browser[] = [];
const shot = screenshotter(JOURNEY);

async function openPage(phone: boolean): Promise<Page> {
  const browser = await launchBrowser({ phone });
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

async function openTriage(page: Page, phone = false) {
  // On a phone the menu is a drawer behind the ☰ button.
  if (phone) await page.getByRole('button', { name: '打开导航菜单' }).click();
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('menuitem', { name: '分类梳理', exact: true })
    .click();
  await page.getByRole('heading', { name: '分类梳理' }).waitFor();
}

describe('群众提出建议，部门答复后凭查询码看到答复', () => {
  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
  });

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await server?.stop();
  });

  test('手机提交 → 梳理合并转交 → 住建局答复 → 群众查询', async () => {
    // The resident, on a phone.
    const phone = await openPage(true);
    await phone.goto(`${server.url}/portal/suggest?project=00000000-0000-0000-0000-000000000000`);
    await phone.getByRole('heading', { name: '我要提建议' }).waitFor();
    const region = await phone.getByRole('combobox').first().inputValue();
    const year = Number(region.split('/')[1]);
    expect(region).toMatch(/^140521\/\d{4}$/);
    await visible(phone, '征集时间');
    await phone.locator('select[name=field]').selectOption('城乡建设');
    await phone.locator('textarea[name=text]').fill(RESIDENT_TEXT);
    await visible(phone, `${[...RESIDENT_TEXT].length} / 2000 字`);
    await phone.locator('input[name=phone]').fill('139 3563 0001');
    // A photo of the spot: the form names the chosen picture in Chinese words, not the browser's.
    await visible(phone, '未选择照片');
    await phone.locator('input[name=photo]').setInputFiles({
      name: '楼道.png',
      mimeType: 'image/png',
      buffer: png(64, 48),
    });
    await visible(phone, '楼道.png');
    await visible(phone, '换一张');
    await shot(phone, 'resident-writes-on-a-phone');
    await phone.getByRole('button', { name: '提交建议' }).click();
    const code = (await phone.getByTestId('tracking-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await visible(phone, '请截图或抄下查询码妥善保存');
    await shot(phone, 'resident-gets-the-code');
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);

    // The coordinator imports the week's hotline log, then groups, merges the paraphrase in and
    // routes the group to 住建局.
    const desk = await openPage(false);
    await login(desk, 'qinshui.coord');
    await desk
      .getByRole('navigation', { name: '主导航' })
      .getByRole('menuitem', { name: '公开征集', exact: true })
      .click();
    await desk.getByRole('heading', { name: '公开征集 · 群众建议' }).waitFor();
    await visible(desk, '征集中');
    const log = [
      '编号,内容,渠道,提交时间',
      ...[TWIN, PARAPHRASE, OTHER].map((t, i) => `RX-${i + 1},${t},12345热线,${year - 1}-11-25 10:00`),
    ];
    await desk.getByLabel('导入建议表').setInputFiles({
      name: '12345热线.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(log.join('\n')),
    });
    await visible(desk, '已导入 3 条：新增 3 条，更新 0 条');
    await desk.getByText(OTHER).first().waitFor();
    await shot(desk, 'coordinator-imports-the-hotline-log');
    await openTriage(desk);
    await desk.getByRole('button', { name: '自动分组' }).click();
    await visible(desk, /已分组/);
    const card = desk.getByTestId('suggestion-group').filter({ hasText: RESIDENT_TEXT });
    await card.getByText(TWIN).first().waitFor();
    expect(await card.getByText(PARAPHRASE).count()).toBe(0);
    await shot(desk, 'coordinator-sees-groups');
    await chooseOption(desk, card.getByRole('combobox', { name: /^并入/ }), '升降');
    await card.getByRole('button', { name: '并入本组' }).click();
    await card.getByText(PARAPHRASE).first().waitFor();
    await chooseOption(desk, card.getByRole('combobox', { name: /承办单位$/ }), '住建局', '住建');
    await card.getByRole('button', { name: /确认转交|改派/ }).click();
    await card.getByText('承办：住建局').waitFor();
    await card.getByText('已转交').first().waitFor();
    await shot(desk, 'coordinator-merged-and-routed');

    // 住建局's clerk answers the group routed to the unit, from a phone.
    const clerk = await openPage(true);
    await login(clerk, 'zjj.clerk');
    await openTriage(clerk, true);
    const routed = clerk.getByTestId('suggestion-group').filter({ hasText: RESIDENT_TEXT });
    await routed.getByText('部分采纳').click();
    await routed.getByLabel('答复理由').fill(REASON);
    await shot(clerk, 'department-answers');
    await routed.getByRole('button', { name: '提交答复' }).click();
    await routed.getByText('答复：部分采纳').waitFor();
    await shot(clerk, 'department-answered');
    expect(await clerk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The resident opens the code again, on the phone.
    await phone.goto(`${server.url}/portal/track`);
    await phone.getByLabel('查询码').fill(code.replace('-', '').toLowerCase());
    await phone.getByRole('button', { name: '查询' }).click();
    await visible(phone, '部分采纳');
    await visible(phone, REASON);
    await visible(phone, '承办单位：住建局');
    await visible(phone, RESIDENT_TEXT);
    const page = await phone.content();
    expect(page).not.toContain('13935630001');
    await shot(phone, 'resident-reads-the-answer');

    // Every published answer of the year, from the track page: no names, phones or residents' words.
    await phone.getByRole('link', { name: '查看全部公开答复' }).click();
    await phone.getByRole('heading', { name: '建议答复' }).waitFor();
    const published = phone.locator('.answers-list > li').filter({ hasText: REASON });
    await published.waitFor();
    expect(await published.innerText()).toMatch(/部分采纳[\s\S]*3 条建议/);
    const answersPage = await phone.content();
    expect(answersPage).not.toContain('13935630001');
    expect(answersPage).not.toContain(RESIDENT_TEXT);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(phone, 'resident-reads-all-answers');
    await desk.goto(`${server.url}/portal/answers?region=140521&year=${year}`);
    await desk.locator('.answers-list > li').filter({ hasText: REASON }).waitFor();
    await shot(desk, 'answers-page-desktop');

    // 住建局 drafts a candidate from the group; the coordinator links it to the group on the candidate page.
    const api = await apiSession(server.url, 'qinshui.coord');
    const units = (await (await api('/api/units?region=140521')).json()) as {
      items: { id: string; name: string; shortName: string | null }[];
    };
    const zjj = units.items.find((u) => u.name === '住建局' || u.shortName === '住建局')!;
    const drafted = await api(`/api/plan-years/140521/${year}/candidates`, {
      method: 'POST',
      body: { name: '杏园社区老旧小区加装电梯项目', field: '城乡建设', leadUnitId: zjj.id },
    });
    expect(drafted.status).toBe(201);
    const board = (await (await api(`/api/plan-years/140521/${year}/suggestion-groups`)).json()) as {
      groups: { label: string; members: { text: string }[] }[];
    };
    const label = board.groups.find((g) => g.members.some((m) => m.text === RESIDENT_TEXT))!.label;
    await desk.goto(`${server.url}/candidates?plan=140521/${year}`);
    await desk.getByRole('heading', { name: '部门谋划 · 候选项目' }).waitFor();
    await desk.getByRole('button', { name: '关联建议：杏园社区老旧小区加装电梯项目' }).click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByLabel('筛选建议组').fill(label.slice(0, 6));
    await dialog
      .getByRole('checkbox', { name: new RegExp(label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
      .check();
    await visible(desk, '已选 1 组，共 3 条建议');
    await shot(desk, 'coordinator-links-candidate-to-group');
    await dialog.getByRole('button', { name: '保存关联' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(desk, `${label}（3 条建议）`);
    await shot(desk, 'candidate-shows-its-suggestions');
    await desk
      .getByRole('navigation', { name: '主导航' })
      .getByRole('menuitem', { name: '公开征集', exact: true })
      .click();
    await visible(desk, '1 个候选项目关联了建议组，回应 3 条群众建议；当选项目回应 0 条');
    await shot(desk, 'funnel-counts-the-link');
  }, 300_000);
});
