/**
 * Rules of 公开征集 and 分类梳理 that need no database: the solicitation window, what a resident may
 * submit (text, phone), what a resident reads back (status, answer), and how automatic regrouping
 * treats groups the coordinator has already worked on.
 */
import {
  chineseDate,
  dateWindowProblems,
  type WindowProblem as KernelWindowProblem,
  windowState,
} from '../../kernel/date-window';
import type { SuggestionGroup } from './grouping.rules';

// ── Answers ────────────────────────────────────────────────────────────────────────────────────────

export const VERDICTS = ['adopted', 'partly_adopted', 'declined', 'in_progress'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_LABELS: Record<Verdict, string> = {
  adopted: '采纳',
  partly_adopted: '部分采纳',
  declined: '不予采纳',
  in_progress: '已在办理',
};

export const ANSWER_REASON_MAX = 1000;

// ── Groups and what a resident sees ───────────────────────────────────────────────────────────────

export const GROUP_STATUSES = ['proposed', 'routed', 'answered'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

export const GROUP_STATUS_LABELS: Record<GroupStatus, string> = {
  proposed: '待确认',
  routed: '已转交',
  answered: '已答复',
};

export const PUBLIC_STATUSES = ['received', 'triage', 'routed', 'answered'] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

export const PUBLIC_STATUS_LABELS: Record<PublicStatus, string> = {
  received: '已收到，等待梳理',
  triage: '正在分类梳理',
  routed: '已转交部门研究办理',
  answered: '已答复',
};

/** A suggestion's state as its resident reads it, from the group it is in (if any). */
export function publicStatus(groupStatus: string | null | undefined): PublicStatus {
  if (groupStatus === 'answered') return 'answered';
  if (groupStatus === 'routed') return 'routed';
  if (groupStatus === 'proposed') return 'triage';
  return 'received';
}

/** A label for a group made of one suggestion: its first words. */
export function labelOfText(text: string, max = 20): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : flat || '（空）';
}

// ── Solicitation window ──────────────────────────────────────────────────────────────────────────
// The window rule itself is shared with the survey's rating period (kernel/date-window.ts).

export {
  chinaDate,
  chineseDate,
  isCalendarDate,
  type WindowState,
  windowDays,
  windowState,
} from '../../kernel/date-window';

export const SOLICITATION_MIN_DAYS = 30;

export type WindowProblem = KernelWindowProblem<'SOLICITATION_TOO_SHORT'>;

export function windowProblems(opensOn: string, closesOn: string): WindowProblem[] {
  return dateWindowProblems(
    { opensOn, closesOn },
    {
      days: SOLICITATION_MIN_DAYS,
      code: 'SOLICITATION_TOO_SHORT',
      message: (days) => `公开征集期不少于 ${SOLICITATION_MIN_DAYS} 天（现为 ${days} 天）`,
    },
  );
}

/** The polite refusal a resident reads when the window is not open. */
export function closedMessage(window: { opensOn: string; closesOn: string } | null, today: string): string {
  if (!window) return '该地区本年度暂未开展民生实事公开征集，感谢您的关注';
  const span = `${chineseDate(window.opensOn)}至${chineseDate(window.closesOn)}`;
  return windowState(window, today) === 'upcoming'
    ? `本次公开征集将于${chineseDate(window.opensOn)}开始（征集期 ${span}），届时欢迎您提出建议`
    : `本次公开征集时间为${span}，现已结束。感谢您的关注，您可以通过查询码查看已提建议的答复`;
}

// ── What a resident may send ─────────────────────────────────────────────────────────────────────

/** At most this many suggestions from one phone number in 24 hours. */
export const PHONE_DAILY_LIMIT = 5;

/**
 * A mainland mobile (13912345678, +86 139 1234 5678) or a landline with its area code (0356-2021234,
 * 010 12345678) in one stored form: 11 digits for a mobile, area-number for a landline. null when it
 * is neither.
 */
export function normalizePhone(raw: string): string | null {
  let digits = raw.replace(/[\s\-()（）]/g, '');
  if (/^(\+86|0086)/.test(digits)) digits = digits.replace(/^(\+86|0086)/, '');
  if (/^1[3-9]\d{9}$/.test(digits)) return digits;
  if (!/^0\d+$/.test(digits)) return null;
  // Area codes: 010 and 02x are three digits, every other one four.
  const areaLength = /^0(10|2\d)/.test(digits) ? 3 : 4;
  const area = digits.slice(0, areaLength);
  const number = digits.slice(areaLength);
  if (!/^[2-9]\d{6,7}$/.test(number)) return null;
  return `${area}-${number}`;
}

/** Letters and digits a resident reads off a receipt: case and spaces do not matter, nor the dash. */
export function normalizeTrackingCode(raw: string): string | null {
  const compact = raw.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-HJ-NP-Z2-9]{8}$/.test(compact)) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/**
 * Text as typed, minus what a database or a screen cannot hold: control characters other than line
 * breaks and tabs (a NUL makes PostgreSQL refuse the row). Markup stays as the resident wrote it:
 * it is text, and every screen shows it as text.
 */
export function cleanText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

export function charCount(text: string): number {
  return [...text].length;
}

// ── Automatic regrouping ─────────────────────────────────────────────────────────────────────────

export interface CurrentMember {
  suggestionId: string;
  /** Its group now, or null. */
  groupId: string | null;
}

export interface CurrentGroup {
  id: string;
  edited: boolean;
  autoKey: string | null;
}

export interface RegroupPlan {
  /** Automatic groups whose membership came out the same: left as they are. */
  reuse: string[];
  /** New automatic groups to create, from the clusters of loose suggestions. */
  create: Array<{ cluster: SuggestionGroup; members: string[] }>;
  /** Loose suggestions that join a group the coordinator has worked on. */
  join: Array<{ suggestionId: string; groupId: string }>;
  /** Automatic groups that no longer exist after this run. */
  drop: string[];
}

/**
 * What an automatic grouping run does, given the clusters `groupSuggestions` found over every
 * suggestion of the plan year (refs are suggestion ids). Groups the coordinator has worked on
 * (`edited`) keep their members; a suggestion not yet in one of them (new, or in an automatic group)
 * is loose. A cluster holding members of edited groups takes its loose members into the edited group
 * it shares most members with (so a late duplicate of an answered ask gets that answer); a cluster of
 * loose suggestions only becomes an automatic group, the same row as before when its membership has
 * not changed. Every suggestion ends in exactly one group.
 */
export function planRegrouping(
  clusters: readonly SuggestionGroup[],
  members: readonly CurrentMember[],
  groups: readonly CurrentGroup[],
): RegroupPlan {
  const groupById = new Map(groups.map((g) => [g.id, g]));
  const groupOf = new Map(members.map((m) => [m.suggestionId, m.groupId]));
  const isKept = (id: string) => {
    const g = groupOf.get(id);
    return g ? groupById.get(g)?.edited === true : false;
  };
  const autoMembers = new Map<string, string[]>();
  for (const m of members) {
    if (m.groupId && groupById.get(m.groupId)?.edited === false)
      autoMembers.set(m.groupId, [...(autoMembers.get(m.groupId) ?? []), m.suggestionId]);
  }
  const autoByKey = new Map(
    groups.filter((g) => !g.edited && g.autoKey).map((g) => [g.autoKey!, g.id] as const),
  );
  const plan: RegroupPlan = { reuse: [], create: [], join: [], drop: [] };
  for (const cluster of clusters) {
    const kept = cluster.members.filter(isKept);
    const loose = cluster.members.filter((id) => !isKept(id));
    if (loose.length === 0) continue;
    if (kept.length > 0) {
      const counts = new Map<string, number>();
      for (const id of kept) counts.set(groupOf.get(id)!, (counts.get(groupOf.get(id)!) ?? 0) + 1);
      const target = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
      for (const id of loose) plan.join.push({ suggestionId: id, groupId: target });
      continue;
    }
    const sameAs = autoByKey.get(cluster.id);
    const before = sameAs ? [...(autoMembers.get(sameAs) ?? [])].sort() : [];
    if (sameAs && before.join() === [...loose].sort().join()) plan.reuse.push(sameAs);
    else plan.create.push({ cluster, members: loose });
  }
  const reused = new Set(plan.reuse);
  plan.drop = groups.filter((g) => !g.edited && !reused.has(g.id)).map((g) => g.id);
  return plan;
}
