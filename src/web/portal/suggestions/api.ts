/** The residents' side of the suggestions API: plain fetch, so the portal bundle stays small. */
export interface ApiError {
  code: string;
  message: string;
  field?: string;
}

export class PortalApiError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

async function parse<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => null);
  if (!response.ok)
    throw new PortalApiError(body?.error ?? { code: 'NETWORK', message: '网络异常，请稍后再试' });
  return body as T;
}

export interface Solicitation {
  planYearId: string;
  regionCode: string;
  regionName: string;
  parentName: string | null;
  year: number;
  title: string | null;
  opensOn: string;
  closesOn: string;
  notice: string | null;
  state: 'upcoming' | 'open' | 'closed';
}

export async function fetchSolicitations(): Promise<{ items: Solicitation[]; recent: Solicitation[] }> {
  return parse(await fetch('/api/public/solicitations'));
}

export interface Receipt {
  trackingCode: string;
  submittedAt: string;
  regionName: string;
  year: number;
}

export async function sendSuggestion(form: FormData): Promise<Receipt> {
  try {
    return await parse(await fetch('/api/public/suggestions', { method: 'POST', body: form }));
  } catch (error) {
    if (error instanceof PortalApiError) throw error;
    throw new PortalApiError({ code: 'NETWORK', message: '网络异常，建议未提交，请检查网络后重试' });
  }
}

export interface PublicAnswer {
  verdict: string;
  verdictLabel: string;
  reason: string;
  unitName: string | null;
  answeredAt: string;
}

export interface Tracked {
  trackingCode: string;
  regionCode: string;
  regionName: string;
  year: number;
  channelLabel: string;
  submittedAt: string | null;
  text: string;
  status: 'received' | 'triage' | 'routed' | 'answered';
  statusLabel: string;
  field: string | null;
  unitName: string | null;
  answer: PublicAnswer | null;
  earlierAnswers: PublicAnswer[];
}

export async function fetchTracked(code: string): Promise<Tracked> {
  return parse(await fetch(`/api/public/suggestions/${encodeURIComponent(code)}`));
}

export function chineseDateOf(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

export function chineseDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export interface AnswerYear {
  regionCode: string;
  regionName: string;
  parentName: string | null;
  year: number;
  title: string | null;
  groups: number;
}

/** Plan years with published answers; `q` finds them by region name (the list stops at 200). */
export async function fetchAnswerYears(q = ''): Promise<{ items: AnswerYear[] }> {
  return parse(await fetch(`/api/public/suggestion-answers${q ? `?${new URLSearchParams({ q })}` : ''}`));
}

export interface PublishedAnswers {
  region: string;
  regionName: string;
  year: number;
  items: Array<{ label: string; field: string | null; suggestions: number; answer: PublicAnswer }>;
}

export async function fetchAnswers(region: string, year: number): Promise<PublishedAnswers> {
  return parse(
    await fetch(`/api/public/plan-years/${encodeURIComponent(region)}/${year}/suggestion-answers`),
  );
}
