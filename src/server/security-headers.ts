import fastifyHelmet from '@fastify/helmet';

/**
 * The Content-Security-Policy of every response. @fastify/helmet builds the whole helmet middleware
 * again for each request, and the CSP part (parsing and validating these directives) was about 8 %
 * of the server's CPU under a burst of ballots. The directives never change, so the header is
 * computed once, by helmet's own code (its content stays exactly what helmet sends), and set on each
 * response the way helmet sets it; helmet keeps setting the other headers (cheap to build).
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

/** [name, value] of the CSP header helmet would send with these directives. */
export function contentSecurityPolicyHeader(): [string, string] {
  const header: [string, string] = ['', ''];
  const stub = {
    setHeader(name: string, value: string) {
      header[0] = name;
      header[1] = value;
    },
  };
  fastifyHelmet.contentSecurityPolicy({ directives: CSP_DIRECTIVES })(
    {} as never,
    stub as never,
    (error?: unknown) => {
      if (error) throw error;
    },
  );
  if (!header[1]) throw new Error('helmet produced no Content-Security-Policy');
  return header;
}
