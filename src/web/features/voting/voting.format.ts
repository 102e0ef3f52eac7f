import type { BallotForm, SessionState } from './voting.api';

export const STATE_COLORS: Record<SessionState, string> = {
  draft: 'default',
  open: 'processing',
  closed: 'orange',
  published: 'green',
};

export const FORM_LABELS: Record<BallotForm, string> = {
  electronic: '电子票',
  slip: '二维码票条',
  paper: '纸质票',
};

export const MARK_LABELS: Record<string, string> = { yes: '赞成', no: '反对', abstain: '弃权' };

const pad = (n: number) => String(n).padStart(2, '0');

/** 2024年1月15日 09:30, in the browser's time zone (the hall's). */
export function shortDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
