import { type DatabaseOptions, databaseOptionsFromEnv } from '../db/client';

export interface AppConfig {
  database: DatabaseOptions;
  port: number;
  host: string;
  /** Cookies marked Secure: set behind HTTPS (MINSHENG_SECURE_COOKIES=1). */
  secureCookies: boolean;
  /** A session ends after this long without a request… */
  sessionIdleMinutes: number;
  /** …and after this long in any case. */
  sessionAbsoluteHours: number;
  /** Failed logins in a row before the account is locked, and for how long. */
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** Login attempts per client address per minute before 429. */
  loginRateLimitPerMinute: number;
  /** Load the demo data (regions, units, demo accounts) at start. */
  demo: boolean;
  /** Folder of the built web app. */
  webRoot: string;
  /**
   * Folder of the suggestion intake journal (MINSHENG_INTAKE_DIR). Unset: `<MINSHENG_DATA_DIR>/intake`
   * on the embedded database, none on PostgreSQL (submissions go straight to the database).
   */
  intakeDir?: string;
  /** How long an acknowledged suggestion may wait in the journal before the drainer takes it (ms). */
  intakeDrainMs: number;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const number = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    database: databaseOptionsFromEnv(env),
    port: number('PORT', 3000),
    host: env.HOST ?? '0.0.0.0',
    secureCookies: env.MINSHENG_SECURE_COOKIES === '1',
    sessionIdleMinutes: number('MINSHENG_SESSION_IDLE_MINUTES', 120),
    sessionAbsoluteHours: number('MINSHENG_SESSION_ABSOLUTE_HOURS', 12),
    lockoutThreshold: number('MINSHENG_LOCKOUT_THRESHOLD', 5),
    lockoutMinutes: number('MINSHENG_LOCKOUT_MINUTES', 15),
    loginRateLimitPerMinute: number('MINSHENG_LOGIN_RATE_LIMIT', 20),
    demo: env.MINSHENG_DEMO !== '0',
    webRoot: env.MINSHENG_WEB_ROOT ?? new URL('../../dist/web', import.meta.url).pathname,
    intakeDir: env.MINSHENG_INTAKE_DIR || undefined,
    intakeDrainMs: number('MINSHENG_INTAKE_DRAIN_MS', 100),
  };
}
