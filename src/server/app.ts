import { existsSync } from 'node:fs';
import { join, normalize } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { z } from 'zod';
import { type Actor, ANONYMOUS } from '../kernel/actor';
import { DomainError } from '../kernel/errors';
import { auditRoutes } from '../modules/audit';
import { candidateRoutes } from '../modules/candidates';
import { evaluationRoutes } from '../modules/evaluation';
import { type GrantView, identityRoutes, SESSION_COOKIE } from '../modules/identity';
import { planRoutes } from '../modules/plans';
import { progressRoutes } from '../modules/progress';
import { regionRoutes } from '../modules/regions';
import { reportRoutes } from '../modules/reports';
import { startSuggestionIntake, suggestionRoutes } from '../modules/suggestions';
import { supervisionRoutes } from '../modules/supervision';
import { unitRoutes } from '../modules/units';
import { votingRoutes } from '../modules/voting';
import type { AppDeps } from './deps';
import { answerClientError, frameworkError, sendError } from './http-errors';
import { requestLogSerializers } from './log-redaction';
import { isRehearsal, stopRehearsalsOnClose } from './rehearsal';
import { type AnyRoute, defineRoute, registerRoutes } from './route';
import { securityHeaders } from './security-headers';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route, for the OpenAPI coverage test and the docs. */
    apiRoutes: Array<{ method: string; url: string }>;
  }
  interface FastifyRequest {
    actor: Actor;
    csrfToken?: string;
    grantViews?: GrantView[];
    sessionProblem?: 'UNAUTHENTICATED' | 'SESSION_EXPIRED';
  }
}

z.config(z.locales.zhCN());
// zhCN words 1e309 (Infinity) as 期望 数字，实际接收 数字; say what is wrong with it instead.
z.config({
  customError: (issue) =>
    issue.code === 'invalid_type' && issue.expected === 'number' && typeof issue.input === 'number'
      ? '数值超出范围'
      : undefined,
});

export interface BuildOptions {
  deps: AppDeps;
  logger?: boolean;
  /** Where the log goes when `logger` is on (standard output when left out; tests read it). */
  logStream?: { write(line: string): void };
}

export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { deps } = options;
  const { config, sessions } = deps;
  const app = Fastify({
    logger: options.logger
      ? {
          level: 'info',
          serializers: requestLogSerializers,
          ...(options.logStream ? { stream: options.logStream } : {}),
        }
      : false,
    // The server's own rehearsal of a ballot route is not a request anyone made (rehearsal.ts).
    logController: new LogController({ disableRequestLogging: isRehearsal }),
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.MINSHENG_TRUST_PROXY === '1',
    // Every route validates with zod (see route.ts); schemas are kept for OpenAPI only.
    ajv: { customOptions: { strict: false } },
    // What the router refuses before any route runs answers in the one error shape too.
    frameworkErrors: (error, request, reply) => sendError(request, reply, frameworkError(error)),
    clientErrorHandler: answerClientError,
  });
  app.setValidatorCompiler(() => () => true);

  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  stopRehearsalsOnClose(app);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    if (path.startsWith('/api/') || !serveWeb)
      return sendError(request, reply, new DomainError('ROUTE_NOT_FOUND'));
    // Built assets have hashed names: one added by a rebuild is served, a missing one is a plain 404.
    if (path.startsWith('/assets/')) {
      const file = normalize(path).replace(/^\/+/, '');
      if (!file.includes('..') && existsSync(join(config.webRoot, file))) return reply.sendFile(file);
      return reply.status(404).type('text/plain; charset=utf-8').send('Not Found');
    }
    // The residents' portal is its own small bundle; everything else is the admin console.
    const page =
      path === '/portal' || path.startsWith('/portal/') || path.startsWith('/p/')
        ? 'portal.html'
        : 'index.html';
    return reply.type('text/html; charset=utf-8').sendFile(page);
  });

  // The same for every response: computed once by helmet (security-headers.ts), set as helmet would.
  const security = securityHeaders({ hsts: config.secureCookies });
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of security.set) reply.raw.setHeader(name, value);
    for (const name of security.removed) reply.raw.removeHeader(name);
    done();
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new DomainError('RATE_LIMITED'),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: '民生实事 API',
        version: deps.version,
        description: '民生实事全流程平台接口。状态变更请求须携带 x-csrf-token 头。',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('actor', null as unknown as Actor);
  app.addHook('onRequest', async (request) => {
    request.actor = ANONYMOUS;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const resolution = await sessions.resolve(token);
    if (resolution.ok) {
      request.actor = resolution.actor;
      request.csrfToken = resolution.csrfToken;
      request.grantViews = resolution.grantViews;
    } else {
      request.sessionProblem = resolution.problem;
    }
  });

  const loginLimit = { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' };
  const routes: AnyRoute[] = [
    defineRoute({
      method: 'GET',
      url: '/api/health',
      summary: '健康检查',
      tags: ['系统'],
      access: 'public',
      handler: async () => {
        await deps.db.execute('select 1');
        return { status: 'ok', db: deps.dbKind, version: deps.version };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/openapi.json',
      summary: 'OpenAPI 文档',
      tags: ['系统'],
      access: 'public',
      handler: async () => app.swagger(),
    }),
    ...identityRoutes.map((r) => (r.url === '/api/auth/login' ? { ...r, rateLimit: loginLimit } : r)),
    ...regionRoutes,
    ...unitRoutes,
    ...planRoutes,
    ...candidateRoutes,
    ...progressRoutes,
    ...reportRoutes,
    ...auditRoutes,
    ...votingRoutes,
    ...evaluationRoutes,
    ...suggestionRoutes(),
    ...supervisionRoutes,
  ];
  registerRoutes(app, deps, routes);
  // Residents' suggestions are acknowledged from a journal on disk and drained into the database;
  // what a killed process left in it is taken back here, before the server listens.
  const intake = await startSuggestionIntake(deps);
  if (intake) app.addHook('onClose', () => intake.close());
  app.decorate(
    'apiRoutes',
    routes.map((r) => ({ method: String(r.method), url: r.url })),
  );

  const serveWeb = existsSync(join(config.webRoot, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: config.webRoot,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
    });
  }
  return app;
}
