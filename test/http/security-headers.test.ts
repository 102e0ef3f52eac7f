/**
 * The security headers after they moved out of the per-request helmet build (security-headers.ts):
 * every header @fastify/helmet sent before (the CSP included, byte for byte) is still sent, on answers,
 * errors and unknown routes, and HSTS behind HTTPS as helmet sends it.
 */
import helmet from '@fastify/helmet';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '../../src/server/security-headers';
import { openTestApp, type TestApp } from '../support/app';
import { testDatabaseKinds } from '../support/databases';

const [pglite] = testDatabaseKinds();

/** The helmet set-up as app.ts had it, every header built by the plugin on every request. */
async function helmetAsBefore(hsts = false) {
  const bare = Fastify();
  await bare.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    ...(hsts ? {} : { hsts: false }),
  });
  bare.get('/x', async () => ({}));
  return bare;
}

describe('security headers', () => {
  let t: TestApp;
  let expected: Record<string, unknown>;
  beforeAll(async () => {
    t = await openTestApp(pglite!);
    const bare = await helmetAsBefore();
    const { headers } = await bare.inject({ method: 'GET', url: '/x' });
    await bare.close();
    const notHelmet = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);
    expected = Object.fromEntries(Object.entries(headers).filter(([name]) => !notHelmet.has(name)));
  }, 180_000);
  afterAll(() => t?.close());

  it('sends the same CSP as before, word for word', () => {
    expect(expected['content-security-policy']).toBe(
      "default-src 'self';base-uri 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'none';img-src 'self' data: blob:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'",
    );
  });

  it.each([
    ['an answer', '/api/health'],
    ['an error', '/api/units'],
    ['an unknown route', '/api/no-such-thing'],
  ])('sends every header helmet sent before on %s', async (_what, url) => {
    const { headers } = await t.app.inject({ method: 'GET', url });
    for (const [name, value] of Object.entries(expected))
      expect([name, headers[name]]).toEqual([name, value]);
  });

  it('sends HSTS behind HTTPS exactly as helmet did, and only there', async () => {
    const bare = await helmetAsBefore(true);
    const { headers } = await bare.inject({ method: 'GET', url: '/x' });
    await bare.close();
    const ours = (hsts: boolean) =>
      new Map(securityHeaders({ hsts }).set.map(([name, value]) => [name.toLowerCase(), value]));
    expect(ours(true).get('strict-transport-security')).toBe(headers['strict-transport-security']);
    expect(headers['strict-transport-security']).toContain('max-age=');
    expect(ours(false).has('strict-transport-security')).toBe(false);
    const answer = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(answer.headers['strict-transport-security']).toBeUndefined();
  });
});
