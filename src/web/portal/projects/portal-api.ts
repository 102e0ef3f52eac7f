/**
 * The portal's few calls to the server: plain fetch, errors as the server words them (Chinese),
 * no client library — the page must stay small on a phone.
 */
export class PortalError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    readonly field?: string,
  ) {
    super(message);
  }
}

export async function portalFetch<T>(url: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
    });
  } catch {
    throw new PortalError('网络连接失败，请检查网络后重试', 'NETWORK', 0);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body?.error;
    throw new PortalError(
      error?.message ?? '服务暂时不可用，请稍后再试',
      error?.code ?? 'UNKNOWN',
      response.status,
      error?.field,
    );
  }
  return body as T;
}

export const MARKS = ['满意', '基本满意', '不满意'] as const;
export type Mark = (typeof MARKS)[number];

/** A plan year the public can follow (GET /api/public/plan-years). */
export interface PlanYearItem {
  regionCode: string;
  regionName: string;
  parentName: string | null;
  year: number;
  title: string | null;
  demo: boolean;
  projects: number;
}

/** Its projects' standing today (GET /api/public/plan-years/:region/:year/projects). */
export interface PublicProgress {
  region: string;
  regionName: string;
  year: number;
  title: string | null;
  demo: boolean;
  asOf: string;
  elapsed: number;
  total: number;
  completed: number;
  inProgress: number;
  lagging: number;
  projects: Array<{
    id: string;
    name: string;
    field: string | null;
    leadUnits: string[];
    status: string;
    standing: string;
    completion: number;
    light: 'green' | 'yellow' | 'orange' | 'red' | 'blue';
    lightLabel: string;
  }>;
}
