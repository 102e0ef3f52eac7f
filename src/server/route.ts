import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../kernel/actor';
import { DomainError } from '../kernel/errors';
import { NUL_MESSAGE, nulPaths } from '../kernel/nul-characters';
import type { AppDeps } from './deps';
import { validationError } from './http-errors';

/**
 * One way to declare a route: zod schemas for its inputs (validated here, published in OpenAPI),
 * whether it needs a signed-in user, and a thin handler that calls a use case. Authorization of the
 * specific record happens in the use case through the module's policy.
 */
export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  method: HTTPMethods;
  url: string;
  summary: string;
  tags: string[];
  /** 'session': 401 without a signed-in user. 'public': open to anyone. */
  access: 'session' | 'public';
  body?: B;
  query?: Q;
  params?: P;
  /** State-changing requests with a session need the CSRF header unless this is false (login). */
  csrf?: boolean;
  rateLimit?: { max: number; timeWindow: string | number };
  bodyLimit?: number;
  handler: (ctx: RouteContext<z.infer<B>, z.infer<Q>, z.infer<P>>) => Promise<unknown>;
}

export interface RouteContext<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  actor: Actor;
  deps: AppDeps;
  request: FastifyRequest;
  reply: FastifyReply;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function toJsonSchema(schema: z.ZodType | undefined): Record<string, unknown> | undefined {
  if (!schema) return undefined;
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
  });
  return json;
}

/** A 422 naming where U+0000 was sent, before any schema or query sees it (kernel/nul-characters.ts). */
export function refuseNul(value: unknown, where: 'body' | 'query' | 'params'): void {
  const [path] = nulPaths(value);
  if (path)
    throw new DomainError('VALIDATION_FAILED', {
      field: path.length ? path.join('.') : where,
      message: NUL_MESSAGE,
    });
}

function isEmptyChange(body: unknown): boolean {
  return (
    typeof body === 'object' && body !== null && Object.values(body).every((value) => value === undefined)
  );
}

function parse<T extends z.ZodType>(
  schema: T | undefined,
  value: unknown,
  where: 'body' | 'query' | 'params',
) {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}

export function defineRoute<
  B extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  P extends z.ZodType = z.ZodUndefined,
>(spec: RouteSpec<B, Q, P>): RouteSpec<B, Q, P> {
  return spec;
}

// biome-ignore lint/suspicious/noExplicitAny: a list of routes of any input types
export type AnyRoute = RouteSpec<any, any, any>;

export function registerRoutes(app: FastifyInstance, deps: AppDeps, routes: readonly AnyRoute[]): void {
  for (const spec of routes) {
    const needsCsrf = spec.csrf !== false && !SAFE_METHODS.has(String(spec.method));
    app.route({
      method: spec.method,
      url: spec.url,
      bodyLimit: spec.bodyLimit,
      config: spec.rateLimit ? { rateLimit: spec.rateLimit } : {},
      schema: Object.fromEntries(
        Object.entries({
          summary: spec.summary,
          tags: spec.tags,
          body: toJsonSchema(spec.body),
          querystring: toJsonSchema(spec.query),
          params: toJsonSchema(spec.params),
        }).filter(([, v]) => v !== undefined),
      ),
      handler: async (request, reply) => {
        const actor = request.actor;
        if (spec.access === 'session' && !actor.userId) {
          throw new DomainError(request.sessionProblem ?? 'UNAUTHENTICATED');
        }
        if (needsCsrf && actor.userId) deps.sessions.assertCsrf(request);
        refuseNul(request.params, 'params');
        refuseNul(request.query, 'query');
        refuseNul(request.body, 'body');
        const params = parse(spec.params, request.params, 'params');
        const query = parse(spec.query, request.query, 'query');
        const body = parse(spec.body, request.body, 'body');
        // A PATCH that names nothing to change (or only fields the route ignores) changes nothing.
        if (spec.method === 'PATCH' && isEmptyChange(body))
          throw new DomainError('VALIDATION_FAILED', {
            field: 'body',
            message: '没有要修改的内容，请至少修改一项',
          });
        const result = await spec.handler({ body, query, params, actor, deps, request, reply });
        if (result === undefined && !reply.sent) return reply.status(204).send();
        return result;
      },
    });
  }
}
