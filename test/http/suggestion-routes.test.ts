import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../src/modules/suggestions';
import { as, openTestApp, type Session, type TestApp } from '../support/app';
import { testDatabaseKinds } from '../support/databases';

const [pglite] = testDatabaseKinds();
const QINSHUI = '140521';

let t: TestApp;
let coordinator: Session;
let clerk: Session;
let otherClerk: Session;
let openYear: number;
let address = 0;

/** Every request from its own client address unless a test floods from one on purpose. */
function submit(payload: unknown, remoteAddress = `10.0.0.${++address}`) {
  return t.app.inject({
    method: 'POST',
    url: '/api/public/suggestions',
    payload: payload as object,
    remoteAddress,
  });
}

function submitForm(fields: Record<string, string>, photo?: Buffer) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (photo) form.append('photo', new Blob([new Uint8Array(photo)]), 'street.jpg');
  return t.app.inject({
    method: 'POST',
    url: '/api/public/suggestions',
    payload: form,
    remoteAddress: `10.1.0.${++address}`,
  });
}

const track = (code: string) => t.app.inject({ method: 'GET', url: `/api/public/suggestions/${code}` });

beforeAll(async () => {
  t = await openTestApp(pglite!, { loginRateLimitPerMinute: 1000 });
  coordinator = await t.login('qinshui.coord');
  clerk = await t.login('zjj.clerk');
  otherClerk = await t.login('wtj.clerk');
  openYear = Number(chinaDate(new Date()).slice(0, 4)) + 1;
});
afterAll(() => t?.close());

describe('a resident on the public page', () => {
  it('sees the open solicitation and gets a tracking code that shows the status, never the phone', async () => {
    const open = await t.app.inject({ method: 'GET', url: '/api/public/solicitations' });
    expect(open.json().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          regionName: '沁水县',
          parentName: '晋城市',
          year: openYear,
          state: 'open',
        }),
      ]),
    );
    const response = await submit({
      region: QINSHUI,
      year: openYear,
      field: '交通出行',
      text: '嘉峰镇到县城的公交太少，建议增加班次。',
      name: '李明',
      phone: '139 3563 0001',
    });
    expect(response.statusCode).toBe(201);
    const { trackingCode } = response.json();
    expect(trackingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const tracked = await track(trackingCode.toLowerCase().replace('-', ''));
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json()).toMatchObject({
      trackingCode,
      regionName: '沁水县',
      status: 'received',
      statusLabel: '已收到，等待梳理',
      text: '嘉峰镇到县城的公交太少，建议增加班次。',
      answer: null,
    });
    expect(tracked.body).not.toContain('13935630001');
    expect(tracked.body).not.toContain('李明');
  });

  it('refuses bad input field by field in Chinese and keeps the good input', async () => {
    const base = { region: QINSHUI, year: openYear, text: '建议在郑庄镇修建排水沟。' };
    const empty = await submit({ ...base, text: '   ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'text',
      message: '请填写建议内容',
    });
    const long = await submit({ ...base, text: '路'.repeat(2001) });
    expect(long.json().error).toMatchObject({ field: 'text', message: '建议内容不能超过 2000 字' });
    const phone = await submit({ ...base, phone: '12345' });
    expect(phone.json().error).toMatchObject({ field: 'phone' });
    expect(phone.json().error.message).toContain('电话号码不正确');
    const longest = await submit({ ...base, text: '𠀀'.repeat(2000) });
    expect(longest.statusCode).toBe(201);
    // U+0000 in a name once reached the intake journal and stopped every later suggestion's drain.
    for (const refused of [
      await submit({ ...base, name: '张\u0000三' }),
      await submitForm({ ...base, year: String(openYear), name: '张\u0000三' }),
    ]) {
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error).toMatchObject({ field: 'name', message: '不能包含空字符（\\u0000）' });
    }
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a\u0000b', password: 'x' },
    });
    expect(login.statusCode).toBe(422);
    expect(login.json().error).toMatchObject({ field: 'username', message: '不能包含空字符（\\u0000）' });

    const script = '<script>alert("x")</script> 路灯坏了';
    const stored = await submit({ ...base, text: script });
    expect(stored.statusCode).toBe(201);
    const tracked = await track(stored.json().trackingCode);
    expect(tracked.json().text).toBe(script);
    expect(tracked.headers['content-type']).toContain('application/json');
  });

  it('takes a photo checked by its bytes and stripped of its location, and refuses what is not one', async () => {
    const exif = Buffer.from('Exif\0\0GPSLatitude 35.69', 'latin1');
    const jpeg = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, exif.length + 2]),
      exif,
      Buffer.from([0xff, 0xda, 0, 4, 1, 2]),
      Buffer.from('PIXELS'),
      Buffer.from([0xff, 0xd9]),
    ]);
    const fields = {
      region: QINSHUI,
      year: String(openYear),
      text: '滨河路路灯不亮，附照片。',
      phone: '0356-2021234',
    };
    const good = await submitForm(fields, jpeg);
    expect(good.statusCode).toBe(201);
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const name of ['a.jpg', 'b.jpg']) form.append('photo', new Blob([new Uint8Array(jpeg)]), name);
    const two = await t.app.inject({
      method: 'POST',
      url: '/api/public/suggestions',
      payload: form,
      remoteAddress: '10.1.9.9',
    });
    expect(two.statusCode).toBe(413);
    expect(two.json().error).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      field: 'photo',
      message: '只能附一张照片',
    });
    const noRegion = await submit({ year: openYear, text: '建议修路' });
    expect(noRegion.json().error).toMatchObject({ field: 'region', message: '请选择地区' });
    const notImage = await submitForm(fields, Buffer.from('%PDF-1.7 not a photo'));
    expect(notImage.statusCode).toBe(415);
    expect(notImage.json().error).toMatchObject({ code: 'PHOTO_NOT_IMAGE', field: 'photo' });
    const huge = await submitForm(fields, Buffer.concat([jpeg, Buffer.alloc(6 * 1024 * 1024)]));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.message).toMatch(/过大|超过/);

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/plan-years/${QINSHUI}/${openYear}/suggestions?q=${encodeURIComponent('附照片')}`,
      headers: as(coordinator, false),
    });
    expect(list.json().total).toBe(1);
    const [item] = list.json().items;
    expect(item.phone).toBe('0356-2021234');
    const photo = await t.app.inject({ method: 'GET', url: item.photos[0], headers: as(coordinator, false) });
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(photo.rawPayload.includes(Buffer.from('GPSLatitude'))).toBe(false);
    expect(photo.rawPayload.includes(Buffer.from('PIXELS'))).toBe(true);
  });

  it('answers a flood from one address, and from one phone, with 429 in Chinese', async () => {
    const base = { region: QINSHUI, year: openYear, text: '建议增加公交班次。' };
    const statuses: number[] = [];
    let last = await submit(base, '10.9.9.9');
    for (let i = 0; i < 31; i++) {
      last = await submit({ ...base, text: `建议增加公交班次 ${i}` }, '10.9.9.9');
      statuses.push(last.statusCode);
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(29);
    expect(last.statusCode).toBe(429);
    expect(last.json().error).toMatchObject({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    expect((await submit(base)).statusCode).toBe(201);

    const phone = '13800000077';
    for (let i = 0; i < 5; i++) expect((await submit({ ...base, phone })).statusCode).toBe(201);
    const sixth = await submit({ ...base, phone: '138-0000-0077' });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error).toMatchObject({ code: 'SUGGESTION_PHONE_LIMIT', field: 'phone' });
    expect(sixth.json().error.message).toContain('24 小时内最多提交 5 条');
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/plan-years/${QINSHUI}/${openYear}/suggestions?q=${encodeURIComponent('建议增加公交班次')}&limit=500`,
      headers: as(coordinator, false),
    });
    expect(mine.json().total).toBe(1 + 29 + 1 + 5);
  });

  it('is refused politely when the window is closed', async () => {
    const response = await submit({ region: QINSHUI, year: 2023, text: '建议修路。' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('SOLICITATION_CLOSED');
    expect(response.json().error.message).toBe(
      '本次公开征集时间为2022年11月1日至2022年12月10日，现已结束。感谢您的关注，您可以通过查询码查看已提建议的答复',
    );
    expect((await track('ZZZZ-ZZZZ')).json().error.code).toBe('SUGGESTION_NOT_FOUND');
    expect((await track('not a code')).statusCode).toBe(404);
  });
});

describe('staff', () => {
  it('set a window of at least 30 days; a department may not', async () => {
    const url = `/api/plan-years/${QINSHUI}/2024/solicitation`;
    const short = await t.app.inject({
      method: 'PUT',
      url,
      headers: as(coordinator),
      payload: { opensOn: '2023-11-01', closesOn: '2023-11-29' },
    });
    expect(short.statusCode).toBe(422);
    expect(short.json().error).toMatchObject({
      code: 'SOLICITATION_TOO_SHORT',
      field: 'closesOn',
      message: '公开征集期不少于 30 天（现为 29 天）',
    });
    const ok = await t.app.inject({
      method: 'PUT',
      url,
      headers: as(coordinator),
      payload: { opensOn: '2023-11-01', closesOn: '2023-11-30', notice: '欢迎建言' },
    });
    expect(ok.json().window).toMatchObject({ days: 30, state: 'closed', notice: '欢迎建言' });
    const byClerk = await t.app.inject({
      method: 'PUT',
      url,
      headers: as(clerk),
      payload: { opensOn: '2023-11-01', closesOn: '2023-12-30' },
    });
    expect(byClerk.statusCode).toBe(403);
  });

  it('enter a hotline call and import a sheet all or nothing, with problems by row', async () => {
    const url = `/api/plan-years/${QINSHUI}/${openYear}/suggestions`;
    const entry = {
      channel: 'hotline',
      text: '来电反映：龙港镇垃圾无人清运。',
      externalRef: 'RX-1',
      phone: '13935630099',
    };
    const added = await t.app.inject({ method: 'POST', url, headers: as(coordinator), payload: entry });
    expect(added.statusCode).toBe(201);
    const again = await t.app.inject({ method: 'POST', url, headers: as(coordinator), payload: entry });
    expect(again.json().error).toMatchObject({ code: 'SUGGESTION_REF_TAKEN', field: 'externalRef' });

    const upload = (csv: string) => {
      const form = new FormData();
      form.append('file', new Blob([csv]), 'letters.csv');
      return t.app.inject({ method: 'POST', url: `${url}/import`, headers: as(coordinator), payload: form });
    };
    const before = (await t.app.inject({ method: 'GET', url, headers: as(coordinator, false) })).json().total;
    const bad = await upload(
      '编号,内容,渠道,提交时间\nL-1,建议修桥,来信,2026-11-20\nL-2,,来信,2026-11-21\nL-3,建议修路,来信,明天\n',
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('SUGGESTION_TABLE_INVALID');
    expect(bad.json().error.details.map((p: { row: number }) => p.row)).toEqual([3, 4]);
    expect((await t.app.inject({ method: 'GET', url, headers: as(coordinator, false) })).json().total).toBe(
      before,
    );
    const good = await upload(
      '编号,内容,渠道,提交时间\nL-1,建议修桥,来信,2026-11-20\nL-2,建议修路,微信,2026-11-21\n',
    );
    expect(good.json()).toMatchObject({ rows: 2, added: 2, updated: 0 });
  });
});

describe('triage and answers', () => {
  const base = `/api/plan-years/${QINSHUI}/2023`;
  const groups = async (session: Session, query = '') =>
    (
      await t.app.inject({
        method: 'GET',
        url: `${base}/suggestion-groups${query}`,
        headers: as(session, false),
      })
    ).json();

  it('groups, merges, splits, reroutes and answers; the answer reaches every member by code', async () => {
    const regroup = await t.app.inject({
      method: 'POST',
      url: `${base}/suggestion-groups/auto`,
      headers: as(coordinator),
    });
    expect(regroup.statusCode).toBe(200);
    const board = await groups(coordinator);
    const elevator = board.groups.find((g: { label: string }) => g.label.includes('电梯'));
    expect(elevator.members).toHaveLength(3);
    const drains = board.groups.filter((g: { label: string; members: unknown[] }) =>
      /下水|返水/.test(g.label),
    );
    const bus = board.groups.find(
      (g: { label: string }) => g.label.includes('公交') || g.label.includes('班车'),
    );
    expect(bus).toBeTruthy();
    const zjj = board.units.find((u: { name: string }) => u.name === '住建局');
    const wtj = board.units.find((u: { name: string }) => u.name === '卫体局');

    // merge another group into the bus group, split one back out, route to the wrong unit, reroute
    const other = board.groups.find(
      (g: { id: string; status: string }) => g.id !== bus.id && g.status === 'proposed',
    );
    const merged = await t.app.inject({
      method: 'POST',
      url: `/api/suggestion-groups/${bus.id}/merge`,
      headers: as(coordinator),
      payload: { from: other.id },
    });
    expect(merged.json().moved).toBe(other.members.length);
    const split = await t.app.inject({
      method: 'POST',
      url: `/api/suggestions/${other.members[0].id}/split`,
      headers: as(coordinator),
    });
    expect(split.statusCode).toBe(200);
    const wrong = await t.app.inject({
      method: 'POST',
      url: `/api/suggestion-groups/${bus.id}/route`,
      headers: as(coordinator),
      payload: { unitId: wtj.id, field: '交通出行' },
    });
    expect(wrong.json()).toMatchObject({ status: 'routed', unitId: wtj.id });
    const routed = await t.app.inject({
      method: 'POST',
      url: `/api/suggestion-groups/${bus.id}/route`,
      headers: as(coordinator),
      payload: { unitId: zjj.id, label: '增加嘉峰镇至县城公交班次' },
    });
    expect(routed.json()).toMatchObject({ unitId: zjj.id, label: '增加嘉峰镇至县城公交班次' });

    const answerUrl = `/api/suggestion-groups/${bus.id}/answers`;
    const answer = { verdict: 'partly_adopted', reason: '2024年增开嘉峰至县城早晚各一班。' };
    expect(
      (await t.app.inject({ method: 'POST', url: answerUrl, headers: as(otherClerk), payload: answer }))
        .statusCode,
    ).toBe(403);
    const noReason = await t.app.inject({
      method: 'POST',
      url: answerUrl,
      headers: as(clerk),
      payload: { verdict: 'adopted', reason: ' ' },
    });
    expect(noReason.json().error).toMatchObject({ field: 'reason', message: '请填写理由' });
    const given = await t.app.inject({ method: 'POST', url: answerUrl, headers: as(clerk), payload: answer });
    expect(given.statusCode).toBe(201);

    const mine = await groups(clerk, '?unit=mine');
    const ours = mine.groups.find((g: { id: string }) => g.id === bus.id);
    expect(ours.mayAnswer).toBe(true);
    for (const member of ours.members) {
      const tracked = (await track(member.trackingCode)).json();
      expect(tracked).toMatchObject({
        status: 'answered',
        unitName: '住建局',
        answer: { verdict: 'partly_adopted', verdictLabel: '部分采纳', reason: answer.reason },
      });
    }
    expect(ours.members.length).toBeGreaterThanOrEqual(2);
    expect(drains.length).toBeGreaterThanOrEqual(1);

    const published = await t.app.inject({
      method: 'GET',
      url: `/api/public/plan-years/${QINSHUI}/2023/suggestion-answers`,
    });
    expect(published.json().items.map((i: { label: string }) => i.label)).toContain(
      '增加嘉峰镇至县城公交班次',
    );
  });

  it('masks phones for a department and shows them to the coordinator', async () => {
    await t.app.inject({
      method: 'POST',
      url: `${base}/suggestions`,
      headers: as(coordinator),
      payload: { channel: 'letter', text: '杏园社区老楼没有电梯，建议加装。', phone: '13935631234' },
    });
    await t.app.inject({ method: 'POST', url: `${base}/suggestion-groups/auto`, headers: as(coordinator) });
    const byCoordinator = JSON.stringify(await groups(coordinator));
    expect(byCoordinator).toContain('13935631234');
    const byClerk = JSON.stringify(await groups(clerk));
    expect(byClerk).not.toContain('13935631234');
    expect(byClerk).toContain('139****1234');
  });

  it('counts the funnel of the plan year', async () => {
    const funnel = await t.app.inject({
      method: 'GET',
      url: `${base}/suggestion-funnel`,
      headers: as(clerk, false),
    });
    expect(funnel.statusCode).toBe(200);
    expect(funnel.json()).toMatchObject({ region: QINSHUI, year: 2023, suggestions: 41 });
    expect(funnel.json().groups).toBeGreaterThan(10);
    expect(funnel.json().groups).toBeLessThan(41);
  });
});
