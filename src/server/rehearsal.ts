import { randomBytes } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Rehearsing a public route before its crowd arrives. V8 runs a function in its interpreter until it
 * has run many times; a vote sends hundreds of ballots in the same instant to a route no request has
 * reached yet. Measured on 2 cores (docs/PERFORMANCE.md), 200 deputies' ballots were answered with a
 * p99 of ~200 ms on a cold route and ~100 ms on one that had taken 2,000 requests over its sockets
 * (requests injected without a socket warmed it far less). So when a vote opens, the server sends its
 * own listening socket requests that are refused (well-formed tokens that were never issued): the same
 * parsing, checks and database look-up as a deputy's ballot, nothing recorded.
 *
 * The rehearsal's requests carry a header holding a secret of this process (never sent to anyone
 * else): they are left out of the request log and of the public routes' rate limits, so they cost no
 * real client any of its allowance.
 */
const HEADER = 'x-minsheng-rehearsal';
const secret = randomBytes(16).toString('hex');

/** Whether a request is the server's own rehearsal. */
export function isRehearsal(request: Pick<FastifyRequest, 'headers'>): boolean {
  return request.headers[HEADER] === secret;
}

/** The requests of one rehearsal, and how many go at a time. */
const REQUESTS = 2000;
const CONCURRENCY = 100;

export interface RehearsalPlan {
  /** The route, rehearsed with POST. */
  url: string;
  /** The i-th request's JSON body. */
  body: (i: number) => unknown;
}

/** Per server, the rehearsal under way of each route. */
const running = new WeakMap<FastifyInstance, Map<string, Promise<number>>>();
const closing = new WeakSet<FastifyInstance>();

/**
 * Rehearses a route in the background, over the server's own socket; resolves with the number of
 * requests answered (0 when the server is not listening, fewer when it closed meanwhile). A call while
 * the same route is being rehearsed joins that rehearsal; another route (a vote and an evaluation
 * opened at the same sitting) gets its own.
 */
export function rehearse(app: FastifyInstance, plan: RehearsalPlan): Promise<number> {
  let routes = running.get(app);
  const current = routes?.get(plan.url);
  if (current) return current;
  const target = listeningAt(app);
  if (!target) return Promise.resolve(0);
  const run = (async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    let sent = 0;
    let answered = 0;
    const worker = async () => {
      while (sent < REQUESTS && !closing.has(app)) {
        const body = JSON.stringify(plan.body(sent++));
        if (await send(agent, target, plan.url, body)) answered++;
      }
    };
    try {
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    } finally {
      agent.destroy();
    }
    return answered;
  })();
  if (!routes) {
    routes = new Map();
    running.set(app, routes);
  }
  routes.set(plan.url, run);
  void run.finally(() => routes.delete(plan.url));
  return run;
}

/** The rehearsal of a route under way, if any (for tests). */
export function rehearsalOf(app: FastifyInstance, url: string): Promise<number> | undefined {
  return running.get(app)?.get(url);
}

/** Stops rehearsals when the server closes (buildApp calls this once). */
export function stopRehearsalsOnClose(app: FastifyInstance): void {
  app.addHook('preClose', async () => {
    closing.add(app);
    await Promise.all(running.get(app)?.values() ?? []);
  });
}

function listeningAt(app: FastifyInstance): { host: string; port: number } | null {
  const address = app.server.listening ? app.server.address() : null;
  if (!address || typeof address === 'string') return null;
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  return { host: wildcard ? '127.0.0.1' : address.address, port: address.port };
}

function send(
  agent: Agent,
  target: { host: string; port: number },
  url: string,
  body: string,
): Promise<boolean> {
  return new Promise((resolve) => {
    const req = httpRequest(
      {
        agent,
        host: target.host,
        port: target.port,
        method: 'POST',
        path: url,
        headers: {
          [HEADER]: secret,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(true));
        res.on('error', () => resolve(false));
      },
    );
    req.on('error', () => resolve(false));
    req.end(body);
  });
}
