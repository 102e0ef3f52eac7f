import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chooseOption } from './support/antd';
import { screenshotter } from './support/artifacts';
import { type Browser, launchBrowser } from './support/browser';
import { apiSession, fitsWidth, openMenu, signIn, visible } from './support/journey';
import { assertWebBuilt, REPO_ROOT, type RunningServer, startServer } from './support/server';

/**
 * 沁水县民生办 opens the deputies' vote on the county's 2024 candidate list (the official table of
 * fifteen): a session of 沁水县第十七届人民代表大会第四次会议 for twelve seats, a roll of seven deputies
 * (a first sheet with mistakes is refused row by row). Five deputies check in at the desk, each gets
 * a QR code and votes on a phone. One deputy's answer is lost on the way: pressing 重新提交 gives the
 * first receipt back and scanning the code again is refused, so the box holds five ballots, not six.
 * The big screen shows only counts until the clerk closes; then the result, the elected candidates,
 * the published ballots (recounted in the browser) and the projects they become. A deputy checks the
 * receipt on the phone. A sixth deputy votes on paper: two clerks type the ballot in, the second
 * (on a phone) mistypes one mark, sees both entries side by side, corrects it, and it counts.
 */
const JOURNEY = 'deputy-votes-on-candidates';
const FIXTURE = '/work/shared/fixtures/qinshui-2023-candidates.tsv';
const ROLL = [
  ['张建国', '城关代表团'],
  ['李秀英', '城关代表团'],
  ['王志强', '嘉峰代表团'],
  ['赵丽华', '嘉峰代表团'],
  ['刘文明', '端氏代表团'],
  ['陈晓燕', '端氏代表团'],
  ['杨国栋', '龙港代表团'],
];
const VOTERS = ROLL.slice(0, 5).map(([name]) => name!);

let server: RunningServer;
const browsers: Browser[] = [];
const shot = screenshotter(JOURNEY);
let names: string[] = [];

async function openPage(phone: boolean): Promise<Page> {
  const browser = await launchBrowser({ phone });
  browsers.push(browser);
  return browser.context.pages()[0] ?? (await browser.context.newPage());
}

const csv = (rows: string[][]) => Buffer.from(`${rows.map((r) => r.join(',')).join('\n')}\n`, 'utf8');

/** Marks 赞成/反对 on the phone ballot; every candidate not named stays 弃权. */
async function mark(page: Page, candidate: string, choice: '赞成' | '反对' | '弃权') {
  await page
    .getByRole('group', { name: `${candidate} 的表决` })
    .getByText(choice, { exact: true })
    .click();
}

/** The ballot each deputy casts: 1–3 赞成 by all; 4 赞成 by two; 5 反对 by all. */
async function fillBallot(page: Page, voter: number) {
  for (const c of names.slice(0, 3)) await mark(page, c, '赞成');
  if (voter < 2) await mark(page, names[3]!, '赞成');
  await mark(page, names[4]!, '反对');
}

/** One clerk types paper ballot P-001: marks for the first candidates, the rest left blank (弃权). */
async function typePaperBallot(page: Page, marks: string[], withNumber = true) {
  if (withNumber) await page.getByLabel('票号').fill('P-001');
  for (const [i, m] of marks.entries()) {
    await page.getByLabel(`${names[i]} 的表决`).getByText(m, { exact: true }).click();
  }
  await page.getByRole('button', { name: '录入这张选票' }).click();
}

async function confirmAndCast(page: Page) {
  await page.getByRole('button', { name: '下一步：确认选票' }).click();
  await page.getByRole('heading', { name: '请确认您的选择' }).waitFor();
}

describe('人大代表用手机票决民生实事项目', () => {
  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
    // The county's candidate list, as the official appendix table comes (the 2023 table, for 2024).
    const coordinator = await apiSession(server.url, 'qinshui.coord');
    const form = new FormData();
    form.append('file', new Blob([readFileSync(FIXTURE)]), 'qinshui-candidates.tsv');
    const imported = await coordinator('/api/plan-years/140521/2024/candidates/import', {
      method: 'POST',
      form,
    });
    expect(imported.status, await imported.clone().text()).toBe(200);
    const list = (await (await coordinator('/api/plan-years/140521/2024/candidates')).json()) as {
      items: { seq: number; name: string }[];
    };
    names = list.items.sort((a, b) => a.seq - b.seq).map((c) => c.name);
    expect(names).toHaveLength(15);
    // The list goes to the vote only after 政府常务会 and then 党委常委会 have approved it.
    for (const [meeting, heldOn] of [
      ['government', '2024-01-08'],
      ['party', '2024-01-12'],
    ]) {
      const review = await coordinator('/api/plan-years/140521/2024/candidates/reviews', {
        method: 'POST',
        body: { meeting, heldOn, decision: 'approved' },
      });
      expect(review.status, await review.clone().text()).toBe(201);
    }
  });

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await server?.stop();
  });

  test('建会、导入名单、签到发票、手机投票、计票、公布、转为项目、查验回执', async () => {
    // ── The coordinator sets the session up from the candidate list.
    const desk = await openPage(false);
    await signIn(desk, server.url, 'qinshui.coord');
    await openMenu(desk, '人大代表票决');
    await desk.getByRole('link', { name: /沁水县 2024年/ }).click();
    await desk.getByRole('heading', { name: /沁水县 2024年 · 人大代表票决/ }).waitFor();
    await desk.getByRole('button', { name: '新建票决会议' }).click();
    const dialog = desk.getByRole('dialog', { name: '新建票决会议' });
    await dialog.getByLabel('人民代表大会届次').fill('沁水县第十七届人民代表大会');
    // A slip of the keyboard: the sitting is typed wrong, and put right before the session opens.
    await dialog.getByLabel('会议', { exact: true }).fill('第三次会议');
    await visible(desk, '候选项目（按选票顺序，共 15 项）');
    expect(await dialog.getByLabel('应选名额').inputValue()).toBe('12');
    await dialog.getByText(/^表决规则（默认/).click();
    await visible(desk, '每票最多赞成数');
    await visible(desk, '计为无效票（默认）');
    await shot(desk, 'create-session');
    await dialog.getByRole('button', { name: '新建' }).click();
    await desk.getByRole('heading', { name: /沁水县第十七届人民代表大会第三次会议/ }).waitFor();
    await visible(desk, '请先导入代表名单，再开始签到投票');
    await desk.getByRole('button', { name: '修改设置' }).click();
    const editor = desk.getByRole('dialog', { name: '修改票决会议' });
    expect(await editor.getByLabel('会议', { exact: true }).inputValue()).toBe('第三次会议');
    expect(await editor.getByLabel('应选名额').inputValue()).toBe('12');
    await editor.getByLabel('会议', { exact: true }).fill('第四次会议');
    await shot(desk, 'edit-session');
    await editor.getByRole('button', { name: '保存' }).click();
    await visible(desk, '已保存票决会议设置');
    await desk.getByRole('heading', { name: /沁水县第十七届人民代表大会第四次会议/ }).waitFor();
    await visible(desk, '候选项目 15 项，应选 12 项');
    await visible(
      desk,
      '对每个候选项目选择赞成、反对或弃权，赞成不得超过 12 项，超过的选票为无效票；未选择的视为弃权',
    );
    await desk.getByRole('tab', { name: '代表名单' }).click();

    // A roll with mistakes is refused whole, every problem by row; the corrected one goes in.
    const upload = desk.locator('input[type=file]');
    await upload.setInputFiles({
      name: '代表名单.csv',
      mimeType: 'text/csv',
      buffer: csv([
        ['姓名', '代表团'],
        ['张建国', '城关代表团'],
        ['李秀英', ''],
        ['张建国', '城关代表团'],
      ]),
    });
    await visible(desk, /代表名单有误，未导入任何内容：第 3 行（李秀英）缺少代表团/);
    await visible(desk, '第 4 行“城关代表团 张建国”与第 2 行重复');
    await shot(desk, 'roll-refused-by-row');
    await upload.setInputFiles({
      name: '代表名单.csv',
      mimeType: 'text/csv',
      buffer: csv([['姓名', '代表团'], ...ROLL]),
    });
    await visible(desk, '已导入代表名单：7 名代表，4 个代表团');
    await visible(desk, '代表名单（7 人，已签到 0 人）');

    await desk.getByRole('button', { name: '开始签到投票' }).click();
    await desk
      .getByRole('dialog', { name: '开始签到和投票？' })
      .getByRole('button', { name: '开始' })
      .click();
    await visible(desk, '已开始签到和投票');
    const sessionId = desk.url().split('/').pop()!;

    // Slips printed ahead for deputies without a phone: one QR code and code per slip.
    await desk.getByLabel('票条张数').fill('2');
    await desk.getByRole('button', { name: '生成票条' }).click();
    const slips = desk.getByRole('dialog', { name: '二维码票条（2 张）' });
    await slips.getByRole('img', { name: '票条 2 二维码' }).waitFor();
    await shot(desk, 'slips-print-view');
    await slips.getByRole('button', { name: '关闭' }).first().click();
    await visible(desk, '已生成 2 张');

    // ── The hall's big screen: counts only.
    // Its own window: a page behind another tab gets no animation frames, and antd waits on them.
    const screen = await openPage(false);
    await screen.goto(`${server.url}/portal/screen/${sessionId}`);
    await visible(screen, '投票进行中，计票结束后公布结果');

    // ── Five deputies check in; each token is shown once, as a QR code.
    const tokens: string[] = [];
    for (const voter of VOTERS) {
      await desk.getByLabel('查找代表').fill(voter);
      await desk.getByRole('button', { name: `${voter} 签到` }).click();
      const modal = desk.getByRole('dialog', { name: new RegExp(`${voter} 的选票`) });
      await modal.getByRole('img', { name: '选票二维码' }).waitFor();
      const token = (await modal.getByRole('status', { name: '选票凭证码' }).textContent())!.trim();
      expect(token).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
      tokens.push(token);
      if (tokens.length === 1) await shot(desk, 'check-in-qr');
      await modal.getByRole('button', { name: '代表已扫码，关闭' }).click();
    }
    await desk.getByLabel('查找代表').fill('');
    await visible(desk, '代表名单（7 人，已签到 5 人）');

    // ── Each deputy votes on a phone. The first types the code; the others scan the QR.
    const phone = await openPage(true);
    const receipts: string[] = [];
    for (const [i, token] of tokens.entries()) {
      const page = i === 0 ? phone : await phone.context().newPage();
      if (i === 0) {
        await page.goto(`${server.url}/portal/vote`);
        await page.getByLabel('选票凭证码').fill(token.toLowerCase());
        await page.getByRole('button', { name: '打开选票' }).click();
      } else if (i < 4) {
        // What the QR code holds: the token after '#', never sent to the server.
        await page.goto(`${server.url}/portal/vote#${token.replace(/-/g, '')}`);
      } else {
        await page.goto(`${server.url}/portal/vote/${token.replace(/-/g, '')}`);
      }
      await page.getByRole('heading', { name: '沁水县第十七届人民代表大会第四次会议' }).waitFor();
      expect(page.url()).toBe(`${server.url}/portal/vote`);
      await visible(page, /赞成 0 项 \/ 应选 12 项/);
      if (i === 0) await shot(page, 'phone-ballot');
      await fillBallot(page, i);
      await visible(page, new RegExp(`赞成 ${i < 2 ? 4 : 3} 项 / 应选 12 项`));
      expect(await fitsWidth(page)).toBe(true);
      if (i === 0) await shot(page, 'phone-ballot-marked');
      if (i === 4) {
        // The last deputy says 赞成 to thirteen for twelve seats: warned that the ballot would be void
        // (the default rule), told again before casting it, and goes back to fix it.
        for (const c of names.slice(5)) await mark(page, c, '赞成');
        await visible(page, '赞成超过 12 项，按规则本票将为无效票；如需有效，请减少赞成');
        await shot(page, 'phone-too-many-yes');
        await page.getByRole('button', { name: '下一步：确认选票' }).click();
        await visible(page, /您赞成了 13 项，超过每票最多 12 项。按本次规则，提交后本票为无效票/);
        await page.getByRole('button', { name: '仍然投出（无效票）' }).waitFor();
        await shot(page, 'phone-confirm-void');
        await page.getByRole('button', { name: '返回修改' }).click();
        await mark(page, names[14]!, '弃权');
        await visible(page, /赞成 12 项 \/ 应选 12 项/);
      }
      await confirmAndCast(page);
      if (i === 0) await shot(page, 'phone-confirm');

      if (i === 1) {
        // The answer to the first press is lost on the way (the ballot is in the box all the same).
        let dropped = false;
        await page.route('**/api/ballot', async (route) => {
          if (route.request().method() === 'POST' && !dropped) {
            dropped = true;
            await route.fetch();
            await route.abort('connectionreset');
          } else await route.continue();
        });
        await page.getByRole('button', { name: '确认投票' }).click();
        await visible(page, /网络连接中断.*请点“重新提交”，不会重复计票/);
        await shot(page, 'phone-answer-lost');
        await page.getByRole('button', { name: '重新提交' }).click();
        await visible(page, '这张选票此前已经投出');
        await visible(page, '该选票此前已成功投出，以下为当时的回执码');
        await shot(page, 'phone-retry-first-receipt');
      } else {
        await page.getByRole('button', { name: '确认投票' }).click();
        await visible(page, '投票成功');
      }
      const receipt = (await page.getByRole('status', { name: '回执码' }).textContent())!.trim();
      expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
      receipts.push(receipt);
      if (i === 0) {
        await visible(page, '回执码只显示这一次，请抄写或截图保存');
        expect(await fitsWidth(page)).toBe(true);
        await shot(page, 'phone-receipt');
      }
      // A deputy's phone is done with the ballot: fewer open pages keep the run light.
      if (i > 0) await page.close();
    }
    // Scanning the same code again: a clear refusal, no second ballot.
    const again = await phone.context().newPage();
    await again.goto(`${server.url}/portal/vote/${tokens[1]!.replace(/-/g, '')}`);
    await visible(again, '该选票已经投出，不能再次投票或修改');
    await shot(again, 'phone-token-used');

    // ── A sixth deputy takes a paper ballot; two clerks type it in and must agree before it counts.
    await desk.getByLabel('查找代表').fill('陈晓燕');
    await chooseOption(desk, desk.getByRole('combobox', { name: '领取方式' }), '纸质票');
    await desk.getByRole('button', { name: '陈晓燕 签到' }).click();
    await visible(desk, '端氏代表团 陈晓燕 已签到，请发给纸质表决票');
    await desk.getByRole('tab', { name: '纸质选票录入' }).click();
    await typePaperBallot(desk, ['赞成', '赞成', '弃权', '赞成']);
    await visible(desk, '票号 P-001 已录入，等待另一名工作人员录入核对');

    // Another phone, signed in as 住建局's clerk (a new page of the same phone browser keeps the run light).
    const clerk = await phone.context().newPage();
    await signIn(clerk, server.url, 'zjj.clerk');
    await openMenu(clerk, '人大代表票决', true);
    await clerk.getByRole('link', { name: /沁水县 2024年/ }).click();
    await clerk.getByRole('link', { name: '沁水县第十七届人民代表大会第四次会议' }).click();
    await clerk.getByRole('tab', { name: '纸质选票录入' }).click();
    await typePaperBallot(clerk, ['赞成', '反对', '弃权', '赞成']);
    const mismatch = clerk.getByRole('table', { name: '票号 P-001 对照' });
    await mismatch.waitFor();
    expect(await mismatch.innerText()).toMatch(new RegExp(`${names[1]}\\s+赞成\\s+反对`));
    expect(await fitsWidth(clerk)).toBe(true);
    await shot(clerk, 'paper-mismatch-side-by-side-phone');
    await clerk.getByRole('button', { name: '核对原票后更正我的录入' }).click();
    await typePaperBallot(clerk, ['赞成', '赞成', '弃权', '赞成'], false);
    await visible(clerk, '票号 P-001 两次录入一致，已计入');
    await visible(clerk, /已计入\s*1\s*张/);
    await shot(clerk, 'paper-counted-phone');

    const returned = screen.getByText('收回选票', { exact: true }).locator('..');
    await expect.poll(() => returned.innerText(), { timeout: 10_000 }).toMatch(/6$/);
    await visible(screen, '投票进行中，计票结束后公布结果');
    expect(await screen.getByRole('table').count()).toBe(0);
    await shot(screen, 'big-screen-during-vote');

    // ── The clerk sees the ballots in (the desk follows the counts), closes and counts.
    const deskReturned = desk.getByText('收回选票', { exact: true }).locator('..');
    await expect.poll(() => deskReturned.innerText(), { timeout: 15_000 }).toMatch(/6$/);
    await desk.getByRole('button', { name: '结束投票并计票' }).click();
    const close = desk.getByRole('dialog', { name: '结束投票并计票？' });
    await visible(desk, '已收回 6 张选票（发出 6 张）');
    await close.getByRole('button', { name: '结束并计票' }).click();
    await visible(desk, '已结束投票并完成计票');
    await visible(desk, `当选项目 3 项：${names.slice(0, 3).join('、')}`);
    const tally = desk.getByRole('table', { name: '计票结果' });
    await expect
      .poll(() => tally.getByRole('row', { name: new RegExp(names[0]!) }).innerText())
      .toMatch(/6\s+0\s+0/);
    expect(await tally.getByRole('row', { name: new RegExp(names[3]!) }).innerText()).toMatch(/3\s+0\s+3/);
    expect(await tally.getByRole('row', { name: new RegExp(names[4]!) }).innerText()).toMatch(/0\s+5\s+1/);
    await shot(desk, 'result');

    await visible(screen, '当选项目 3 项');
    const onScreen = screen.getByRole('table', { name: '计票结果' });
    expect(await onScreen.getByRole('row', { name: new RegExp(names[4]!) }).innerText()).toMatch(/0\s+5\s+1/);
    await shot(screen, 'big-screen-result');

    // Downloads: the ledger and the resolution draft.
    const api = await apiSession(server.url, 'qinshui.coord');
    for (const [format, type] of [
      ['xlsx', 'spreadsheetml'],
      ['docx', 'wordprocessingml'],
    ] as const) {
      const file = await api(`/api/voting-sessions/${sessionId}/result?format=${format}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toContain(type);
      const bytes = Buffer.from(await file.arrayBuffer());
      expect(bytes.byteLength).toBeGreaterThan(3000);
      // Kept beside the screenshots, for a person to open.
      writeFileSync(join(REPO_ROOT, 'test-artifacts', 'e2e', JOURNEY, `result.${format}`), bytes);
    }

    // ── Publish; the elected become the year's projects.
    await desk.getByRole('button', { name: '公布结果' }).click();
    await visible(desk, '已公布票决结果和全部选票');
    await desk.getByRole('button', { name: '当选项目转为实施项目' }).click();
    await visible(desk, `已转为实施项目：${names.slice(0, 3).join('、')}`);
    await shot(desk, 'published-adopted');
    await desk.getByRole('link', { name: '查看项目进度' }).click();
    await visible(desk, '全部项目');
    const projects = desk.getByRole('table', { name: '项目进度列表' });
    for (const n of names.slice(0, 3)) await projects.getByText(n).waitFor();
    expect(await projects.getByRole('link').count()).toBe(3);
    await shot(desk, 'projects');

    // ── A deputy checks the receipt on the phone, then the published ballots recount.
    const check = await phone.context().newPage();
    await check.goto(`${server.url}/portal/receipt`);
    await check.getByLabel('回执码').fill(receipts[2]!);
    await check.getByRole('button', { name: '查验' }).click();
    await visible(check, '您的选票已计入本次票决结果');
    const mine = check.getByRole('list', { name: '您的选票' });
    expect(await mine.getByRole('listitem').count()).toBe(15);
    expect(await mine.getByRole('listitem').filter({ hasText: names[4]! }).innerText()).toContain('反对');
    expect(await fitsWidth(check)).toBe(true);
    await shot(check, 'phone-receipt-check');

    await check.getByRole('link', { name: '查看公布的结果和全部选票' }).click();
    await visible(check, '全部选票（6 张，随机顺序）');
    await visible(check, '已在本机按下列 6 张选票重新计票，与公布的票数一致。');
    await shot(check, 'phone-published-result');
  });

  test('得票相同：结果页列出并列项目和剩余名额，一键新建另行表决的会议', async () => {
    // A vote run through the API: three deputies, no limit on 赞成, all for the same two of five.
    const api = await apiSession(server.url, 'qinshui.coord');
    const list = (await (await api('/api/plan-years/140521/2024/candidates')).json()) as {
      items: { id: string; seq: number; name: string }[];
    };
    const five = list.items.sort((a, b) => a.seq - b.seq).slice(5, 10);
    const created = await api('/api/plan-years/140521/2024/voting-sessions', {
      method: 'POST',
      body: {
        congress: '沁水县第十七届人民代表大会',
        sitting: '第五次会议',
        candidateIds: five.map((c) => c.id),
        seats: 1,
        rule: { method: 'approval', maxYes: null },
      },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const session = (await created.json()) as { id: string };
    const base = `/api/voting-sessions/${session.id}`;
    const deputies = ROLL.slice(0, 3).map(([name, delegation]) => ({ name, delegation }));
    expect((await api(`${base}/roll`, { method: 'PUT', body: { deputies } })).status).toBe(200);
    expect((await api(`${base}/open`, { method: 'POST' })).status).toBe(200);
    const roll = (await (await api(`${base}/roll`)).json()) as { items: { id: string }[] };
    for (const d of roll.items) {
      const checkIn = await api(`${base}/check-ins`, { method: 'POST', body: { deputyId: d.id } });
      const { token } = (await checkIn.json()) as { token: string };
      const marks = Object.fromEntries(five.map((c, i) => [c.id, i < 2 ? 'yes' : 'no']));
      const cast = await fetch(`${server.url}/api/ballot`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, marks }),
      });
      expect(cast.status).toBe(200);
    }
    expect((await api(`${base}/close`, { method: 'POST' })).status).toBe(200);

    const desk = await openPage(false);
    await signIn(desk, server.url, 'qinshui.coord');
    await desk.goto(`${server.url}/voting/sessions/${session.id}`);
    await visible(desk, '尚余 1 个名额：以下项目得票相同，需另行表决');
    // Named by their place on this ballot (1 and 2 of five), not by the draft's 序号 (6 and 7).
    await visible(desk, `1. ${five[0]!.name}、2. ${five[1]!.name}`);
    await shot(desk, 'tie-open-seat');
    await desk.getByRole('button', { name: '对得票相同的项目另行表决' }).click();
    await desk.getByRole('heading', { name: /沁水县第十七届人民代表大会第五次会议\s*筹备中/ }).waitFor();
    await visible(desk, '2024年民生实事项目人大代表票决（得票相同项目再次表决）');
    await visible(desk, '代表名单（3 人，已签到 0 人）');
    await desk.getByRole('tab', { name: '候选项目与规则' }).click();
    await visible(desk, '候选项目 2 项，应选 1 项');
    await shot(desk, 'tie-follow-up-session');
  });

  test('排序票：代表在手机上为候选项目排序，确认后投出', async () => {
    const api = await apiSession(server.url, 'qinshui.coord');
    const list = (await (await api('/api/plan-years/140521/2024/candidates')).json()) as {
      items: { id: string; seq: number; name: string }[];
    };
    const three = list.items.sort((a, b) => a.seq - b.seq).slice(10, 13);
    const created = await api('/api/plan-years/140521/2024/voting-sessions', {
      method: 'POST',
      body: {
        congress: '沁水县第十七届人民代表大会',
        sitting: '第六次会议',
        candidateIds: three.map((c) => c.id),
        seats: 2,
        rule: { method: 'ranking' },
      },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const base = `/api/voting-sessions/${((await created.json()) as { id: string }).id}`;
    const deputies = ROLL.slice(0, 3).map(([name, delegation]) => ({ name, delegation }));
    expect((await api(`${base}/roll`, { method: 'PUT', body: { deputies } })).status).toBe(200);
    expect((await api(`${base}/open`, { method: 'POST' })).status).toBe(200);
    const roll = (await (await api(`${base}/roll`)).json()) as { items: { id: string }[] };
    const checkIn = await api(`${base}/check-ins`, { method: 'POST', body: { deputyId: roll.items[0]!.id } });
    const { token } = (await checkIn.json()) as { token: string };

    const phone = await openPage(true);
    await phone.goto(`${server.url}/portal/vote/${token.replace(/-/g, '')}`);
    await phone.getByRole('heading', { name: '沁水县第十七届人民代表大会第六次会议' }).waitFor();
    await visible(phone, /已排序 0 项/);
    await phone.getByLabel(`${three[2]!.name} 的名次`).selectOption({ label: '第 1 名' });
    await phone.getByLabel(`${three[0]!.name} 的名次`).selectOption({ label: '第 2 名' });
    await visible(phone, /已排序 2 项/);
    await shot(phone, 'phone-ranking-ballot');
    await confirmAndCast(phone);
    const lines = phone.getByRole('listitem');
    expect(await lines.first().innerText()).toMatch(new RegExp(`${three[2]!.name}\\s+第 1 名`));
    await phone.getByRole('button', { name: '确认投票' }).click();
    await visible(phone, '投票成功');
    await shot(phone, 'phone-ranking-receipt');
  });
});
