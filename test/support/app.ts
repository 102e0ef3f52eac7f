import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from '../../src/seed/demo-data';
import { buildApp } from '../../src/server/app';
import { type AppConfig, configFromEnv } from '../../src/server/config';
import { type AppDeps, createDeps } from '../../src/server/deps';
import { ADMIN_PASSWORD, type TestDatabase, type TestDatabaseKind } from './databases';

export { ADMIN_PASSWORD, DEMO_PASSWORD };

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  database: TestDatabase;
  /** Logs in and returns the cookie header and CSRF token to send with later requests. */
  login(username: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

export interface Session {
  cookie: string;
  csrf: string;
}

/** A real app on a fresh database of the given kind, with reference and demo data loaded. */
export async function openTestApp(
  kind: TestDatabaseKind,
  overrides: Partial<AppConfig> = {},
): Promise<TestApp> {
  const database = await kind.openDemo();
  const config = { ...configFromEnv({}), ...overrides };
  const deps = createDeps(database, config);
  const app = await buildApp({ deps });
  await app.ready();
  return {
    app,
    deps,
    database,
    async login(username, password) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: password ?? (username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD) },
      });
      if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.body}`);
      return sessionOf(response);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export function sessionOf(response: LightMyRequestResponse): Session {
  const cookies = response.cookies as Array<{ name: string; value: string }>;
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookie, csrf: response.json().csrfToken };
}

/** Headers of a signed-in, state-changing request. */
export function as(session: Session, withCsrf = true): Record<string, string> {
  return withCsrf ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : { cookie: session.cookie };
}
