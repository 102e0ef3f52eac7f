import { toFen } from '../../kernel/money';
import { assessIndicator, type IndicatorKind, type IndicatorResult } from './indicator.rules';
import { DEFAULT_LIGHT_RULE, type Light, type LightRule, lightFor } from './lights.rules';
import type { PlanIndicator, PlanProject, PlanReport } from './plan-format.schema';
import type { Problem } from './problems.rules';
import type { Quantity } from './quantity.rules';
import { elapsedFraction, type IsoDate, type Period, plannedValueAt } from './schedule.rules';

/**
 * How a project stands at a date. `completed` when every indicator is done; otherwise by its gap:
 * how many points (as a fraction) its least-advanced indicator is behind 序时进度 or behind that
 * indicator's own plan, whichever is further behind.
 * - ahead: gap ≤ 0 — at or above 序时 and at or above plan everywhere (快于序时).
 * - on-track: 0 < gap ≤ onTrackGap (default 5 points) — behind by no more than a rounding of the
 *   monthly rhythm; set onTrackGap to 0 to call every shortfall 滞后.
 * - lagging: onTrackGap < gap ≤ severeGap (default 30 points, 银川's red line) — 滞后.
 * - severely-lagging: gap > severeGap — 严重滞后.
 */
export const PROJECT_STATUSES = ['completed', 'ahead', 'on-track', 'lagging', 'severely-lagging'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  completed: '已完成',
  ahead: '快于序时进度',
  'on-track': '基本符合序时进度',
  lagging: '进度滞后',
  'severely-lagging': '进度严重滞后',
};

export interface StatusThresholds {
  onTrackGap: number;
  severeGap: number;
}

export const DEFAULT_STATUS_THRESHOLDS: StatusThresholds = { onTrackGap: 0.05, severeGap: 0.3 };

export function checkStatusThresholds(t: StatusThresholds): Problem[] {
  const problems: Problem[] = [];
  const inRange = (x: number) => Number.isFinite(x) && x >= 0 && x <= 1;
  if (!inRange(t.onTrackGap)) problems.push({ path: 'onTrackGap', message: '应在 0 到 1 之间' });
  if (!inRange(t.severeGap)) problems.push({ path: 'severeGap', message: '应在 0 到 1 之间' });
  if (problems.length === 0 && t.onTrackGap > t.severeGap) {
    problems.push({ path: 'severeGap', message: '严重滞后的界限不能小于基本符合序时的界限' });
  }
  return problems;
}

/** How a completed project reads, the first that applies (plan-format.md). */
export const COMPLETED_AS = ['exceeded', 'coverage', 'entitlement', 'met'] as const;
export type CompletedAs = (typeof COMPLETED_AS)[number];

export const COMPLETED_AS_LABELS: Record<CompletedAs, string> = {
  exceeded: '超额完成',
  coverage: '全覆盖',
  entitlement: '应补尽补',
  met: '完成目标',
};

/** A project is as done as its least-done indicator; with no indicator, nothing is done. */
export function projectCompletion(indicators: readonly { completion: number }[]): number {
  return indicators.length === 0 ? 0 : Math.min(...indicators.map((i) => i.completion));
}

export function isProjectCompleted(indicators: readonly { done: boolean }[]): boolean {
  return indicators.length > 0 && indicators.every((i) => i.done);
}

export function completedAs(indicators: readonly { kind: IndicatorKind; exceeded: boolean }[]): CompletedAs {
  if (indicators.some((i) => i.exceeded)) return 'exceeded';
  if (indicators.some((i) => i.kind === 'coverage')) return 'coverage';
  if (indicators.some((i) => i.kind === 'entitlement')) return 'entitlement';
  return 'met';
}

/** Points (as a fraction) the project is behind 序时 or plan; ≤ 0 when at or ahead of both. */
export function scheduleGap(
  elapsed: number,
  indicators: readonly { completion: number; planned: number | null }[],
): number {
  if (indicators.length === 0) return round9(elapsed);
  const gaps = indicators.map((i) => Math.max(elapsed, i.planned ?? Number.NEGATIVE_INFINITY) - i.completion);
  return round9(Math.max(...gaps));
}

export function projectStatus(
  completed: boolean,
  gap: number,
  thresholds: StatusThresholds = DEFAULT_STATUS_THRESHOLDS,
): ProjectStatus {
  if (completed) return 'completed';
  if (gap <= 0) return 'ahead';
  if (gap <= round9(thresholds.onTrackGap)) return 'on-track';
  if (gap <= round9(thresholds.severeGap)) return 'lagging';
  return 'severely-lagging';
}

export function isBehind(status: ProjectStatus): boolean {
  return status === 'lagging' || status === 'severely-lagging';
}

export interface LatestFigure {
  value: Quantity | null;
  eligible: number | null;
  /** The report the value comes from. */
  asOf: IsoDate | null;
}

/**
 * The latest approved figures at `asOf`, per indicator: reports dated later are ignored, and an
 * indicator missing from the newest report keeps its value from the newest report that has it
 * (reports carry cumulative values, and a unit may update only some of them).
 */
export function latestFigures(reports: readonly PlanReport[], asOf: IsoDate): Map<string, LatestFigure> {
  const figures = new Map<string, LatestFigure>();
  const entry = (ref: string) => {
    const existing = figures.get(ref);
    if (existing) return existing;
    const created: LatestFigure = { value: null, eligible: null, asOf: null };
    figures.set(ref, created);
    return created;
  };
  for (const report of reportsUpTo(reports, asOf)) {
    for (const [ref, value] of Object.entries(report.values)) {
      const f = entry(ref);
      f.value = value;
      f.asOf = report.asOf;
    }
    for (const [ref, eligible] of Object.entries(report.eligible)) entry(ref).eligible = eligible;
  }
  return figures;
}

/** Reports dated on or before `asOf`, oldest first. */
export function reportsUpTo(reports: readonly PlanReport[], asOf: IsoDate): PlanReport[] {
  return reports.filter((r) => r.asOf <= asOf).sort((a, b) => a.asOf.localeCompare(b.asOf));
}

export function latestReport(reports: readonly PlanReport[], asOf: IsoDate): PlanReport | null {
  return reportsUpTo(reports, asOf).at(-1) ?? null;
}

/** The target an indicator is measured against; a milestone indicator's defaults to all milestones. */
export function indicatorTarget(indicator: PlanIndicator, milestoneCount: number): Quantity | null {
  if (indicator.kind === 'milestone') return indicator.target ?? milestoneCount;
  return 'target' in indicator && indicator.target !== undefined ? indicator.target : null;
}

/**
 * The share of the target planned to be done by `asOf`, from the milestones' planned values; a
 * milestone indicator with no planned values plans one more milestone reached at each due date.
 * Null when nothing is planned or there is nothing to measure against.
 */
export function plannedCompletion(
  project: Pick<PlanProject, 'milestones'>,
  indicator: PlanIndicator,
  against: Quantity | null,
  period: Period,
  asOf: IsoDate,
): number | null {
  if (against === null) return null;
  const plain = (q: Quantity) => (indicator.kind === 'amount' ? Number(toFen(String(q))) : Number(q));
  let points = project.milestones
    .filter((m) => m.planned[indicator.ref] !== undefined)
    .map((m) => ({ due: m.due, value: plain(m.planned[indicator.ref]!) }));
  if (points.length === 0 && indicator.kind === 'milestone') {
    points = [...project.milestones]
      .sort((a, b) => a.due.localeCompare(b.due))
      .map((m, k) => ({ due: m.due, value: k + 1 }));
  }
  const planned = plannedValueAt(points, period, asOf);
  const base = plain(against);
  if (planned === null || base <= 0) return null;
  return planned / base;
}

export interface IndicatorAssessment extends IndicatorResult {
  ref: string;
  kind: IndicatorKind;
  /** Planned share of the target by the date, or null without a plan. */
  planned: number | null;
  /** Date of the report the value comes from; null when nothing was reported. */
  reportedOn: IsoDate | null;
}

export interface ProjectAssessment {
  ref: string;
  name: string;
  status: ProjectStatus;
  completedAs: CompletedAs | null;
  completion: number;
  /** The least planned share among indicators with a plan, comparable to `completion`. */
  planned: number | null;
  gap: number;
  light: Light;
  indicators: IndicatorAssessment[];
  latestReport: PlanReport | null;
}

export interface AssessOptions {
  thresholds?: StatusThresholds;
  lightRule?: LightRule;
}

export function assessProject(
  project: PlanProject,
  period: Period,
  asOf: IsoDate,
  options: AssessOptions = {},
): ProjectAssessment {
  const elapsed = elapsedFraction(period, asOf);
  const figures = latestFigures(project.reports, asOf);
  const indicators = project.indicators.map((indicator): IndicatorAssessment => {
    const figure = figures.get(indicator.ref);
    const result = assessIndicator(indicator.kind, indicatorTarget(indicator, project.milestones.length), {
      value: figure?.value ?? null,
      eligible: figure?.eligible ?? null,
    });
    return {
      ref: indicator.ref,
      kind: indicator.kind,
      ...result,
      planned: plannedCompletion(project, indicator, result.target, period, asOf),
      reportedOn: figure?.asOf ?? null,
    };
  });
  const completed = isProjectCompleted(indicators);
  const completion = projectCompletion(indicators);
  const gap = scheduleGap(elapsed, indicators);
  const plannedShares = indicators.map((i) => i.planned).filter((p): p is number => p !== null);
  return {
    ref: project.ref,
    name: project.name,
    status: projectStatus(completed, gap, options.thresholds),
    completedAs: completed ? completedAs(indicators) : null,
    completion,
    planned: plannedShares.length > 0 ? Math.min(...plannedShares) : null,
    gap,
    light: lightFor(options.lightRule ?? DEFAULT_LIGHT_RULE, { completed, elapsed, completion }),
    indicators,
    latestReport: latestReport(project.reports, asOf),
  };
}

function round9(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
