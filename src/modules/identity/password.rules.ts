/**
 * Password rules. Government staff reuse passwords across systems, so length matters most; classes
 * of characters keep the obvious ones out. Returns the Chinese reasons a password is refused.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

const COMMON = new Set([
  'password123',
  'qwerty12345',
  'admin12345',
  '1234567890',
  'abc1234567',
  'a123456789',
  'woaini1314',
  'p@ssw0rd123',
]);

export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`密码至少 ${PASSWORD_MIN_LENGTH} 位`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`密码不能超过 ${PASSWORD_MAX_LENGTH} 位`);
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码需包含大写字母、小写字母、数字、符号中的至少三类');
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    problems.push('密码不能包含用户名');
  if (COMMON.has(password.toLowerCase())) problems.push('密码过于常见');
  return problems;
}

/** A random password that passes the rules, for the first admin when none is configured. */
export function generatePassword(randomBytes: (n: number) => Uint8Array): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  const body = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  return `${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}-${body.slice(12, 16)}a7K`;
}

/** 13812345678 → 138****5678: phones are never shown whole to those who need not see them. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\s+/g, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length >= 7) return `${digits.slice(0, 2)}***${digits.slice(-2)}`;
  return '****';
}
