import { describe, expect, it } from 'vitest';
import { isLocked, lockAfterFailure, sessionExpired } from './lockout.rules';
import { generatePassword, maskPhone, passwordProblems } from './password.rules';

const at = (iso: string) => new Date(iso);

describe('password rules', () => {
  it('accepts a long password of three kinds of characters', () => {
    expect(passwordProblems('Qinshui#2023pass', 'admin')).toEqual([]);
  });
  it('names every problem in Chinese', () => {
    expect(passwordProblems('short')).toEqual([
      '密码至少 10 位',
      '密码需包含大写字母、小写字母、数字、符号中的至少三类',
    ]);
    expect(passwordProblems('Admin#Pass2023', 'admin')).toEqual(['密码不能包含用户名']);
    expect(passwordProblems('P@ssw0rd123')).toEqual(['密码过于常见']);
    expect(passwordProblems(`Aa1${'x'.repeat(200)}`)).toContain('密码不能超过 128 位');
  });
  it('generates passwords that pass its own rules', () => {
    let n = 0;
    const bytes = (k: number) => Uint8Array.from({ length: k }, () => (n = (n * 31 + 7) % 256));
    for (let i = 0; i < 20; i++) expect(passwordProblems(generatePassword(bytes), 'admin')).toEqual([]);
  });
});

describe('phone masking', () => {
  it('keeps the first three and last four digits of a mobile', () => {
    expect(maskPhone('18235666981')).toBe('182****6981');
  });
  it('masks landlines and short numbers too', () => {
    expect(maskPhone('7098335')).toBe('70***35');
    expect(maskPhone('12345')).toBe('****');
    expect(maskPhone(null)).toBeNull();
  });
});

describe('lock-out', () => {
  const policy = { threshold: 5, minutes: 15 };
  const now = at('2023-08-25T09:00:00Z');
  it('stays open below the threshold', () => {
    expect(lockAfterFailure({ failedLogins: 3, lockedUntil: null }, now, policy)).toEqual({
      failedLogins: 4,
      lockedUntil: null,
    });
  });
  it('locks for the set minutes on reaching it', () => {
    expect(lockAfterFailure({ failedLogins: 4, lockedUntil: null }, now, policy)).toEqual({
      failedLogins: 5,
      lockedUntil: at('2023-08-25T09:15:00Z'),
    });
  });
  it('starts afresh once a lock has lapsed', () => {
    expect(
      lockAfterFailure({ failedLogins: 5, lockedUntil: at('2023-08-25T08:59:59Z') }, now, policy),
    ).toEqual({
      failedLogins: 1,
      lockedUntil: null,
    });
  });
  it('is locked until the exact minute it ends', () => {
    const state = { failedLogins: 5, lockedUntil: at('2023-08-25T09:15:00Z') };
    expect(isLocked(state, at('2023-08-25T09:14:59Z'))).toBe(true);
    expect(isLocked(state, at('2023-08-25T09:15:00Z'))).toBe(false);
  });
});

describe('session expiry', () => {
  const session = { lastSeenAt: at('2023-08-25T09:00:00Z'), expiresAt: at('2023-08-25T21:00:00Z') };
  it('lives while used within the idle window', () => {
    expect(sessionExpired(session, at('2023-08-25T10:59:00Z'), 120)).toBeNull();
  });
  it('ends after the idle window', () => {
    expect(sessionExpired(session, at('2023-08-25T11:00:00Z'), 120)).toBe('idle');
  });
  it('ends at the absolute limit however busy', () => {
    expect(
      sessionExpired({ ...session, lastSeenAt: at('2023-08-25T20:59:00Z') }, at('2023-08-25T21:00:00Z'), 120),
    ).toBe('absolute');
  });
});
