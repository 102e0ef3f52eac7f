/**
 * The one way the console talks to the server. Cookies carry the session; every state-changing
 * request also carries the CSRF token the server handed out at login or /api/auth/me.
 */
export interface ErrorPayload {
  code: string;
  message: string;
  field?: string;
  details?: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field?: string;
  readonly details?: unknown;

  constructor(status: number, payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = payload.code;
    this.field = payload.field;
    this.details = payload.details;
  }
}

let csrfToken = '';
let onUnauthorized: (() => void) | undefined;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** The app registers how to send the user back to the login page when the session has ended. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function readError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: ErrorPayload };
    if (body.error?.message) return new ApiError(response.status, body.error);
  } catch {
    // not JSON: a proxy or a crash page answered
  }
  const fallback =
    response.status >= 500 ? '服务器暂时无法处理请求，请稍后再试' : `请求失败（${response.status}）`;
  return new ApiError(response.status, { code: 'HTTP_ERROR', message: fallback });
}

async function request<T>(
  method: string,
  path: string,
  options: { query?: Query; body?: unknown } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    headers['x-csrf-token'] = csrfToken;
    headers['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      credentials: 'same-origin',
      headers,
      body: method === 'GET' ? undefined : JSON.stringify(options.body ?? {}),
    });
  } catch {
    throw new ApiError(0, { code: 'NETWORK', message: '无法连接服务器，请检查网络后重试' });
  }
  if (!response.ok) {
    const error = await readError(response);
    // A wrong password is also a 401, but it must stay on the login form.
    if (response.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized?.();
    throw error;
  }
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
};

/**
 * A request the JSON helpers above do not make: PUT, DELETE, or a multipart upload (a FormData body,
 * json = false). Same cookie, CSRF token, error shape and sign-out on 401; an empty answer is undefined.
 */
export async function send<T>(method: string, path: string, body?: BodyInit, json = true): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-csrf-token': csrfToken };
  if (json && body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, credentials: 'same-origin', headers, body });
  } catch {
    throw new ApiError(0, { code: 'NETWORK', message: '无法连接服务器，请检查网络后重试' });
  }
  if (!response.ok) {
    const error = await readError(response);
    if (response.status === 401) onUnauthorized?.();
    throw error;
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
