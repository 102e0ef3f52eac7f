import helmet from 'helmet';

/**
 * The security headers of every response: the CSP below and helmet's other headers. @fastify/helmet
 * builds the whole helmet middleware again for each request (its options merged, every directive
 * parsed and validated) in two async hooks; under a burst of ballots that was about a tenth of the
 * server's CPU. Nothing in them depends on the request (no CSP nonces here), so helmet's own code runs
 * once, at start, and its headers are set on each response as helmet would set them.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // antd writes its CSS-in-JS into style tags; swagger-ui needs inline styles too.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  upgradeInsecureRequests: null,
};

export interface SecurityHeaders {
  /** [name, value] to set on every response, as helmet names them. */
  set: Array<[string, string]>;
  /** Headers helmet removes (X-Powered-By). */
  removed: string[];
}

/** What helmet does to a response with our directives; HSTS only behind HTTPS (`hsts`). */
export function securityHeaders(options: { hsts: boolean }): SecurityHeaders {
  const set: Array<[string, string]> = [];
  const removed: string[] = [];
  const response = {
    setHeader(name: string, value: string | number) {
      set.push([name, String(value)]);
    },
    removeHeader(name: string) {
      removed.push(name);
    },
  };
  helmet({ contentSecurityPolicy: { directives: CSP_DIRECTIVES }, hsts: options.hsts })(
    {} as never,
    response as never,
    (error?: unknown) => {
      if (error) throw error;
    },
  );
  if (!set.some(([name]) => name.toLowerCase() === 'content-security-policy'))
    throw new Error('helmet produced no Content-Security-Policy');
  return { set, removed };
}
