/**
 * Ballot tokens may arrive in a page address (/portal/vote/TOKEN, /portal/evaluate/TOKEN). A logged
 * token next to the check-in time could tie a ballot to a deputy, so the request log never keeps one.
 */
const TOKEN_PATHS = /^(\/portal\/(?:vote|evaluate)\/)[^/?#]+/;

export function redactUrl(url: string): string {
  return url.replace(TOKEN_PATHS, '$1[已隐去]');
}

export const requestLogSerializers = {
  req: (request: { method: string; url: string; ip?: string }) => ({
    method: request.method,
    url: redactUrl(request.url),
    remoteAddress: request.ip,
  }),
};
