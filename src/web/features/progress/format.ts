import { ROLE_ACTIONS } from '../../../kernel/policy';
import { isWithinRegion } from '../../../kernel/regions';
import { formatFraction, quantityToNumber } from '../../../modules/progress/quantity.rules';
import type { Session } from '../../app/api/types';
import type {
  CompletedAs,
  IndicatorKind,
  Light,
  ProjectStatus,
  Quantity,
  ReportItem,
  ReportStatus,
} from './progress.api';

/*
 * Labels follow the server's rules files (assessment.rules, lights.rules, reporting.rules); they are
 * repeated here so that the console does not bundle the rules' schema library for a few words.
 */
export const STATUS_LABELS: Record<ProjectStatus, string> = {
  completed: '已完成',
  ahead: '快于序时进度',
  'on-track': '基本符合序时进度',
  lagging: '进度滞后',
  'severely-lagging': '进度严重滞后',
};

export const STATUS_SHORT: Record<ProjectStatus, string> = {
  completed: '已完成',
  ahead: '快于序时',
  'on-track': '基本符合',
  lagging: '滞后',
  'severely-lagging': '严重滞后',
};

export const STATUS_COLORS: Record<ProjectStatus, string> = {
  completed: 'blue',
  ahead: 'green',
  'on-track': 'cyan',
  lagging: 'orange',
  'severely-lagging': 'red',
};

/** Lagging projects first, worst first: the list is read from the top by whoever has to act. */
export const STATUS_ORDER: ProjectStatus[] = [
  'severely-lagging',
  'lagging',
  'on-track',
  'ahead',
  'completed',
];

export const COMPLETED_AS_LABELS: Record<CompletedAs, string> = {
  exceeded: '超额完成',
  coverage: '全覆盖',
  entitlement: '应补尽补',
  met: '完成目标',
};

export const LIGHT_LABELS: Record<Light, string> = {
  green: '绿灯',
  yellow: '黄灯',
  orange: '橙灯',
  red: '红灯',
  blue: '蓝灯',
};

export const LIGHT_COLORS: Record<Light, string> = {
  green: '#2f9e44',
  yellow: '#e8b200',
  orange: '#f76707',
  red: '#e03131',
  blue: '#1c7ed6',
};

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  approved: '已通过',
  returned: '已退回',
};

export const REPORT_STATUS_COLORS: Record<ReportStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  returned: 'error',
};

/** 0.6493 → "64.93%"; at most two decimals, as bulletins print rates. */
export function percent(fraction: number | null | undefined, decimals = 2): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return `${Number((fraction * 100).toFixed(decimals))}%`;
}

/** Yuan (exact decimal text) in 万元: "55000000.00" → "5500万元". */
export function wan(yuan: string | null | undefined, decimals = 2): string {
  if (yuan === null || yuan === undefined || yuan === '') return '—';
  try {
    // Below 1万 a figure in 万元 rounds to nothing: print 元.
    if (Math.abs(Number(yuan)) < 10_000) return `${formatFraction(yuan, 1, 2)}元`;
    return `${formatFraction(yuan, 10_000, decimals)}万元`;
  } catch {
    return '—';
  }
}

/** A count with thousands separators; amounts (yuan) in 万元. */
export function quantity(
  kind: IndicatorKind,
  value: Quantity | null | undefined,
  unit?: string | null,
): string {
  if (value === null || value === undefined) return '—';
  if (kind === 'amount') return wan(String(value));
  const n = quantityToNumber(value);
  // A roll-up of percent figures is a weighted mean: two decimals, as rates are printed.
  const digits = kind === 'percent' ? 2 : 4;
  const text = Number.isFinite(n)
    ? n.toLocaleString('zh-CN', { maximumFractionDigits: digits })
    : String(value);
  if (kind === 'percent') return `${text}%`;
  if (kind === 'milestone') return `${text}个节点`;
  return unit ? `${text}${unit === '%' ? '%' : ` ${unit}`}` : text;
}

/** 13935630633 → 139****0633: a leader's phone is for those who manage the plan. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s/g, '');
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** "2023-08-31" → "2023年8月31日". */
export function chineseDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A server timestamp in Beijing time: "2023-09-03 10:12". */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date
    .toLocaleString('zh-CN', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    })
    .replace(/\//g, '-');
}

export function kindVerb(kind: IndicatorKind): string {
  switch (kind) {
    case 'coverage':
      return '覆盖率';
    case 'entitlement':
      return '享受率';
    case 'milestone':
      return '节点完成率';
    default:
      return '完成率';
  }
}

/** How a done indicator reads (DOMAIN.md "Indicator kinds"). */
export function doneWording(kind: IndicatorKind, exceeded: boolean): string {
  if (exceeded) return '超额完成';
  if (kind === 'coverage') return '全覆盖';
  if (kind === 'entitlement') return '应补尽补';
  return '已完成';
}

/**
 * The regions the signed-in user may file this project's figures for: the plan's own region when
 * they belong to a lead or partner unit there (or coordinate it), and each sub-region the targets
 * were split to that lies in their scope. Mirrors progress.policy.ts; the server decides anyway.
 */
export function reportingRegions(
  session: Session,
  project: { regionCode: string; leadUnits: string[]; partnerUnits: string[]; allocationRegions: string[] },
): string[] {
  const writers = session.grants.filter((g) => ROLE_ACTIONS[g.role].includes('record.write'));
  const units = [...project.leadUnits, ...project.partnerUnits];
  const out: string[] = [];
  const own = writers.some((g) =>
    g.unitId
      ? g.unitName !== null && units.includes(g.unitName) && isWithinRegion(project.regionCode, g.regionCode)
      : isWithinRegion(project.regionCode, g.regionCode),
  );
  if (own) out.push(project.regionCode);
  for (const region of new Set(project.allocationRegions)) {
    if (region === project.regionCode) continue;
    const covered = writers.some((g) =>
      g.unitId ? isWithinRegion(g.regionCode, region) : isWithinRegion(region, g.regionCode),
    );
    if (covered) out.push(region);
  }
  return out;
}

/** The approved report that counts for a region: the newest current one. */
export function lastApproved(reports: readonly ReportItem[], regionCode: string, before?: string) {
  return reports
    .filter((r) => r.current && r.regionCode === regionCode && (before === undefined || r.asOf < before))
    .sort((a, b) => (a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : b.version - a.version))[0];
}

/** "2023-08" → the last day of that month, never after the period's end. */
export function monthEnd(year: number, month: number, periodEnd: string): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return iso > periodEnd ? periodEnd : iso;
}

export function todayIso(): string {
  // Beijing date: the reporting rules count days in China.
  const now = new Date(Date.now() + 8 * 3600_000);
  return now.toISOString().slice(0, 10);
}

/** Whether the signed-in user runs the plan of this region (民生办): mirrors progress.policy.ts. */
export function mayManagePlan(session: Session, regionCode: string): boolean {
  return session.grants.some(
    (g) => ROLE_ACTIONS[g.role].includes('plan.manage') && isWithinRegion(regionCode, g.regionCode),
  );
}
