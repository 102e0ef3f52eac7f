/**
 * The portal's few calls to the public voting endpoints. No login and no CSRF token: a ballot token
 * or a receipt code is the credential, and it travels in a header or the body, never in the URL.
 */
export class PortalError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function call<T>(
  path: string,
  init: { method?: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers: {
        accept: 'application/json',
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      cache: 'no-store',
    });
  } catch {
    throw new PortalError(0, 'NETWORK', '网络连接中断，请检查网络后重试');
  }
  if (!response.ok) {
    let code = 'HTTP_ERROR';
    let message =
      response.status >= 500 ? '服务器暂时无法处理，请稍后再试' : `请求失败（${response.status}）`;
    try {
      const body = (await response.json()) as { error?: { code: string; message: string } };
      if (body.error?.message) ({ code, message } = body.error);
    } catch {
      // not JSON: a proxy answered
    }
    throw new PortalError(response.status, code, message);
  }
  return (await response.json()) as T;
}

export const errorText = (e: unknown) => (e instanceof Error ? e.message : '操作失败，请稍后再试');

export interface ScreenCandidate {
  candidateId: string;
  ballotNo: number;
  name: string;
  yes?: number;
  no?: number;
  abstain?: number;
  points?: number;
  ranked?: number;
  passed?: boolean;
  outcome?: string;
  outcomeLabel: string;
}

export interface PublicResult {
  method: 'approval' | 'ranking';
  valid: boolean;
  invalidReasons: string[];
  roll: number;
  present: number;
  issued: number;
  returned: number;
  validBallots: number;
  voidBallots: number;
  voided: { ballot: string; reason: string }[];
  seats: number;
  threshold: number;
  candidates: ScreenCandidate[];
  elected: { candidateId: string; ballotNo: number; name: string }[];
  tied: { candidateId: string; ballotNo: number; name: string }[];
  openSeats: number;
  chain: { count: number; head: string };
  rule: string;
}
