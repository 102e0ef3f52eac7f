/**
 * The server's rehearsal of a ballot route (src/server/rehearsal.ts) is not a request anyone made: its
 * 2,000 requests stay out of the request log, where they would bury the deputies' own, while a real
 * request to the same route is logged as always.
 */

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { configFromEnv } from '../../src/server/config';
import { createDeps } from '../../src/server/deps';
import { rehearse } from '../../src/server/rehearsal';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';

describe('the request log during a rehearsal', () => {
  const lines: Array<{ msg?: string; req?: { url?: string }; reqId?: string }> = [];
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await testDatabaseKinds()[0]!.open();
    const deps = createDeps(database, configFromEnv({}));
    app = await buildApp({
      deps,
      logger: true,
      logStream: { write: (line: string) => void lines.push(JSON.parse(line)) },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('leaves the rehearsal’s requests out and logs a real one', async () => {
    const answered = await rehearse(app, { url: '/api/ballot', body: () => ({ token: 'X'.repeat(26) }) });
    expect(answered).toBe(2000);
    const address = app.server.address() as { port: number };
    const real = await fetch(`http://127.0.0.1:${address.port}/api/ballot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'X'.repeat(26) }),
    });
    expect(real.status).toBeGreaterThanOrEqual(400);
    const aboutBallots = lines.filter((l) => l.req?.url === '/api/ballot');
    expect(aboutBallots.map((l) => l.msg)).toEqual(['incoming request']);
    const requestIds = new Set(lines.filter((l) => l.reqId).map((l) => l.reqId));
    expect(requestIds.size).toBe(1);
  });
});
