import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/app';
import { testDatabaseKinds } from '../support/databases';

const [pglite] = testDatabaseKinds();

describe('login abuse', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(pglite!, { lockoutThreshold: 5, loginRateLimitPerMinute: 8 });
  });
  afterAll(() => t?.close());

  const attempt = (username: string, password: string, ip = '10.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: ip,
    });

  it('locks an account after repeated failures with 429 and a Chinese message, even with the right password', async () => {
    for (let i = 0; i < 4; i++)
      expect((await attempt('wtj.clerk', 'wrong-password', `10.1.0.${i}`)).statusCode).toBe(401);
    const fifth = await attempt('wtj.clerk', 'wrong-password', '10.1.0.9');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error).toEqual({
      code: 'ACCOUNT_LOCKED',
      message: '登录失败次数过多，账号已暂时锁定，请稍后再试',
    });
    const right = await attempt('wtj.clerk', 'Minsheng#2023', '10.1.0.10');
    expect(right.statusCode).toBe(429);
  });

  it('limits login attempts from one address with 429', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) codes.push((await attempt(`nobody${i}`, 'x', '10.2.0.1')).statusCode);
    expect(codes.slice(0, 8).every((c) => c === 401)).toBe(true);
    expect(codes.slice(8)).toEqual([429, 429]);
    const last = await attempt('nobody', 'x', '10.2.0.1');
    expect(last.json().error.code).toBe('RATE_LIMITED');
    expect(last.json().error.message).toBe('请求过于频繁，请稍后再试');
  });

  it('does not say whether a username exists', async () => {
    const unknown = await attempt('no.such.user', 'Whatever#2023', '10.3.0.1');
    const known = await attempt('deputy.qinshui', 'Whatever#2023', '10.3.0.2');
    expect(unknown.json()).toEqual(known.json());
  });

  it('does not say it through the lock-out either: a name no one has locks after as many failures', async () => {
    const answers = async (username: string, from: number) => {
      const codes: number[] = [];
      for (let i = 0; i < 6; i++)
        codes.push((await attempt(username, 'wrong-password', `10.4.${from}.${i}`)).statusCode);
      return codes;
    };
    expect(await answers('no.such.clerk', 1)).toEqual(await answers('zjj.approver', 2));
    expect(await answers('NO.SUCH.CLERK ', 3)).toEqual([429, 429, 429, 429, 429, 429]);
  });
});
