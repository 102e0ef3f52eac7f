import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, openTestApp, type Session, type TestApp } from '../support/app';
import { testDatabaseKinds } from '../support/databases';

describe.each(testDatabaseKinds())('HTTP security on $name', (kind) => {
  let t: TestApp;
  let admin: Session;
  let clerk: Session;
  let viewer: Session;

  beforeAll(async () => {
    t = await openTestApp(kind, { loginRateLimitPerMinute: 1000 });
    admin = await t.login('admin');
    clerk = await t.login('zjj.clerk');
    viewer = await t.login('jincheng.viewer');
  });
  afterAll(() => t?.close());

  const post = (url: string, headers: Record<string, string>, payload: unknown) =>
    t.app.inject({ method: 'POST', url, headers, payload: payload as object });
  const newUnit = (regionCode = '140521') => ({ regionCode, name: '应急管理局', kind: 'department' });

  it('answers 401 in the one error shape without a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/units' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
  });

  it('answers 401 with a forged session cookie', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: 'ms_session=forged' },
    });
    expect(response.statusCode).toBe(401);
  });

  it('returns the user, roles, scopes and CSRF token from /api/auth/me', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(clerk, false) });
    expect(response.statusCode).toBe(200);
    const me = response.json();
    expect(me.user.username).toBe('zjj.clerk');
    expect(me.grants).toEqual([
      expect.objectContaining({
        role: 'dept_clerk',
        roleLabel: '部门填报员',
        regionCode: '140521',
        regionName: '沁水县',
        unitName: '住建局',
      }),
    ]);
    expect(me.permissions).toContain('record.write');
    expect(me.permissions).not.toContain('user.manage');
    expect(me.csrfToken).toBe(clerk.csrf);
  });

  it('refuses a state-changing request without the right CSRF token with 403', async () => {
    const missing = await post('/api/units', as(admin, false), newUnit());
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error).toEqual({
      code: 'CSRF_TOKEN_INVALID',
      message: '安全校验失败，请刷新页面后重试',
    });
    const someoneElses = await post(
      '/api/units',
      { cookie: admin.cookie, 'x-csrf-token': clerk.csrf },
      newUnit(),
    );
    expect(someoneElses.statusCode).toBe(403);
  });

  it('answers 403 outside the scope: a 晋城市 viewer changes nothing, a county coordinator stays in the county', async () => {
    expect((await post('/api/units', as(viewer), newUnit())).statusCode).toBe(403);
    const coordinator = await t.login('qinshui.coord');
    const elsewhere = await post('/api/units', as(coordinator), newUnit('410000'));
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error).toEqual({ code: 'OUT_OF_SCOPE', message: '超出您的管辖范围' });
    expect((await post('/api/units', as(coordinator), newUnit('140521'))).statusCode).toBe(201);
  });

  it('lets a 晋城市 viewer read 沁水县 units and nothing outside 晋城市', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/units', headers: as(viewer, false) });
    expect(response.statusCode).toBe(200);
    const names = response.json().items.map((u: { name: string }) => u.name);
    expect(names).toContain('住建局');
    const prefixes = new Set(
      response.json().items.map((u: { regionCode: string }) => u.regionCode.slice(0, 4)),
    );
    expect([...prefixes]).toEqual(['1405']);
  });

  it('keeps the user admin API from a clerk', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/users', headers: as(clerk, false) })).statusCode,
    ).toBe(403);
    const create = await post('/api/users', as(clerk), {
      username: 'sneaky',
      displayName: '某人',
      password: 'Sneaky#Pass2023',
      grants: [{ role: 'admin', regionCode: '000000' }],
    });
    expect(create.statusCode).toBe(403);
  });

  it('answers 422 naming the field, in Chinese, on bad input', async () => {
    const response = await post('/api/units', as(admin), {
      regionCode: '140521',
      name: '',
      kind: 'department',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'name',
      message: '单位名称不能为空',
    });
    const weak = await post('/api/users', as(admin), {
      username: 'li.si',
      displayName: '李四',
      password: 'short',
      grants: [{ role: 'deputy', regionCode: '140521' }],
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error).toMatchObject({ code: 'WEAK_PASSWORD', field: 'password' });
    expect(weak.json().error.message).toContain('密码至少 10 位');
  });

  it('searches regions for what was typed, % and _ included, not for everything', async () => {
    const search = async (q: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/regions/search?q=${encodeURIComponent(q)}`,
          headers: as(admin, false),
        })
      ).json();
    expect(await search('%')).toEqual({ items: [] });
    expect(await search('_')).toEqual({ items: [] });
    expect((await search('沁水')).items.map((r: { code: string }) => r.code)).toContain('140521');
  });

  it('answers a change that names nothing to change with 422, not 500', async () => {
    const unit = (await post('/api/units', as(admin), { ...newUnit(), name: '医疗保障局' })).json();
    for (const payload of [{}, { regionCode: '140000' }]) {
      const response = await t.app.inject({
        method: 'PATCH',
        url: `/api/units/${unit.id}`,
        headers: as(admin),
        payload,
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toEqual({
        code: 'VALIDATION_FAILED',
        field: 'body',
        message: '没有要修改的内容，请至少修改一项',
      });
    }
  });

  it('answers what the router refuses in the one error shape, in Chinese', async () => {
    const long = await t.app.inject({ method: 'GET', url: `/api/public/suggestions/${'A'.repeat(101)}` });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toEqual({ error: { code: 'BAD_REQUEST', message: '地址中的参数过长' } });

    // A URL over Node's 16 KB header limit never reaches Fastify: the socket's answer, read raw.
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const send = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(request));
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString('utf8')));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
    const answer = (raw: string) => [
      raw.split('\r\n')[0],
      JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)),
    ];
    const tooLong = await send(
      `GET /api/regions/search?q=${'%E6%B2%81'.repeat(3000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    expect(answer(tooLong)).toEqual([
      'HTTP/1.1 431 Request Header Fields Too Large',
      { error: { code: 'BAD_REQUEST', message: '请求地址或请求头过长' } },
    ]);
    const garbage = await send(`GET /api/regions/search?q=${'沁'.repeat(10)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(answer(garbage)).toEqual([
      'HTTP/1.1 400 Bad Request',
      { error: { code: 'BAD_REQUEST', message: '请求格式不正确' } },
    ]);
  });

  it('says a number too large to be one is out of range, not 期望 数字，实际接收 数字', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/audit?limit=1e309',
      headers: as(admin, false),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ field: 'limit', message: '数值超出范围' });
  });

  it('answers 413 on an oversized body', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { ...as(admin), 'content-type': 'application/json' },
      payload: JSON.stringify({
        regionCode: '140521',
        name: 'x'.repeat(2 * 1024 * 1024),
        kind: 'department',
      }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' });
  });

  it('answers malformed JSON with 400 and no stack trace', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { ...as(admin), 'content-type': 'application/json' },
      payload: '{"regionCode": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toMatch(/\.ts:\d+|stack/i);
    expect(response.json().error.code).toBe('BAD_REQUEST');
  });

  it('answers unknown API routes 404 in the same shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: '接口不存在' } });
  });

  it('sets an HTTP-only SameSite session cookie and a CSP', async () => {
    const response = await post(
      '/api/auth/login',
      {},
      { username: 'deputy.qinshui', password: 'Minsheng#2023' },
    );
    const cookies = response.cookies as Array<{ name: string; httpOnly?: boolean; sameSite?: string }>;
    expect(cookies.find((c) => c.name === 'ms_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('ends the session on logout', async () => {
    const session = await t.login('deputy.qinshui');
    expect((await post('/api/auth/logout', as(session), undefined)).statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(session, false) });
    expect(after.statusCode).toBe(401);
  });

  it('ends every session of a user who is disabled', async () => {
    const session = await t.login('wtj.clerk');
    const users = (
      await t.app.inject({ method: 'GET', url: '/api/users', headers: as(admin, false) })
    ).json();
    const id = users.items.find((u: { username: string }) => u.username === 'wtj.clerk').id;
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${id}`,
      headers: as(admin),
      payload: { active: false },
    });
    expect(patch.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(session, false) })).statusCode,
    ).toBe(401);
    const again = await post('/api/auth/login', {}, { username: 'wtj.clerk', password: 'Minsheng#2023' });
    expect(again.json().error.code).toBe('ACCOUNT_DISABLED');
  });

  it('masks phones for those who do not manage the account', async () => {
    const byViewer = (
      await t.app.inject({ method: 'GET', url: '/api/users', headers: as(viewer, false) })
    ).json();
    expect(byViewer.items.find((u: { username: string }) => u.username === 'zjj.clerk').phone).toBe(
      '139****0633',
    );
    const byAdmin = (
      await t.app.inject({ method: 'GET', url: '/api/users', headers: as(admin, false) })
    ).json();
    expect(byAdmin.items.find((u: { username: string }) => u.username === 'zjj.clerk').phone).toBe(
      '13935630633',
    );
  });

  it('reports health with the database kind', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.json()).toEqual({ status: 'ok', db: kind.name, version: expect.any(String) });
  });

  it('publishes OpenAPI covering every API route', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const documented = Object.keys(spec.paths);
    for (const path of [
      '/api/auth/login',
      '/api/auth/me',
      '/api/users/{id}',
      '/api/units',
      '/api/regions/{code}',
      '/api/audit/verify',
    ]) {
      expect(documented).toContain(path);
    }
    expect(t.app.apiRoutes.length).toBeGreaterThan(15);
    for (const route of t.app.apiRoutes) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(spec.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });
});

describe('the web app and the region tree', () => {
  const [pglite] = testDatabaseKinds();
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(pglite!);
  });
  afterAll(() => t?.close());

  it('counts the children of each region', async () => {
    const admin = await t.login('admin');
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/regions?parent=140500',
      headers: as(admin, false),
    });
    const qinshui = response.json().items.find((r: { code: string }) => r.code === '140521');
    expect(qinshui).toMatchObject({ name: '沁水县', level: 'county' });
    expect(qinshui.childCount).toBeGreaterThanOrEqual(12);
  });

  it('serves the console for app paths, the portal for /portal, and 404 for a missing asset', async () => {
    const console = await t.app.inject({ method: 'GET', url: '/admin/users' });
    expect(console.statusCode).toBe(200);
    expect(console.body).toContain('<html lang="zh-CN"');
    const portal = await t.app.inject({ method: 'GET', url: '/portal' });
    expect(portal.statusCode).toBe(200);
    expect(portal.body).not.toBe(console.body);
    const asset = await t.app.inject({ method: 'GET', url: '/assets/no-such-file.js' });
    expect(asset.statusCode).toBe(404);
    expect(asset.headers['content-type']).toContain('text/plain');
  });
});
