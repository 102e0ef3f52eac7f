import { normalizeYuan } from '../../kernel/money';
import { isWithinRegion } from '../../kernel/regions';
import type { IndicatorKind } from './indicator.rules';
import type {
  IndicatorInput,
  PlanAllocation,
  PlanIndicator,
  PlanMilestone,
  PlanReport,
} from './plan-format.schema';
import { yuanProblem } from './plan-format.schema';
import { formatPath, type PathSegment, type Problem } from './problems.rules';
import { compareQuantities, MAX_QUANTITY, QUANTITY_TOO_LARGE, type Quantity } from './quantity.rules';
import type { Period } from './schedule.rules';

/**
 * The cross-checks of a plan document that its structure alone cannot express: unique refs, refs to
 * indicators that exist, dates inside the plan period, values that fit their indicator's kind, and
 * the normalisation of amounts to yuan strings. Runs on a project whose structure is already sound.
 */
export interface ProjectContext {
  /** The plan period, or null when the document's own period is unusable. */
  period: Period | null;
  /** The plan's region, or null when unusable. */
  regionCode: string | null;
}

/**
 * A project to cross-check: each list keeps its items in place, with null for an item whose own
 * structure is broken (already reported), so that paths keep their indices.
 */
export interface ProjectDraft {
  indicators: readonly (IndicatorInput | null)[];
  milestones: readonly (MilestoneDraft | null)[];
  reports: readonly (ReportDraft | null)[];
  allocations: readonly (AllocationDraft | null)[];
  /**
   * Every indicator's ref as written, broken ones included (null when unreadable), by index: a
   * broken indicator still exists, so values for it are not reported as pointing nowhere.
   */
  indicatorRefs?: readonly (string | null)[];
  /** Each indicator's kind where it can be read, broken ones included: their values are still checked. */
  indicatorKinds?: readonly (IndicatorKind | null)[];
}

/** Fields that are themselves broken are null (or left out) and skipped by the cross-checks. */
export interface MilestoneDraft extends Omit<PlanMilestone, 'due'> {
  due: string | null;
}

export interface ReportDraft extends Omit<PlanReport, 'asOf'> {
  asOf: string | null;
}

export interface AllocationDraft extends Omit<PlanAllocation, 'region' | 'indicator'> {
  region: string | null;
  indicator: string | null;
}

export interface CheckedProject {
  problems: Problem[];
  /** The lists normalised (amounts as yuan strings); only meaningful when there are no problems. */
  milestones: PlanMilestone[];
  reports: PlanReport[];
  allocations: PlanAllocation[];
}

export function checkProject(
  draft: ProjectDraft,
  at: readonly PathSegment[],
  ctx: ProjectContext,
): CheckedProject {
  const problems: Problem[] = [];
  const add = (path: readonly PathSegment[], message: string) =>
    problems.push({ path: formatPath([...at, ...path]), message });
  const refs = draft.indicatorRefs ?? draft.indicators.map((i) => i?.ref ?? null);
  const seenRefs = new Set<string>();
  refs.forEach((ref, j) => {
    if (ref === null) return;
    if (seenRefs.has(ref)) add(['indicators', j, 'ref'], `指标编号 ${ref} 在本项目中重复`);
    seenRefs.add(ref);
  });
  const broken = new Set(refs.filter((r, j): r is string => r !== null && !draft.indicators[j]));
  // A broken indicator whose kind reads still says what its values must be.
  const brokenKind = new Map<string, IndicatorKind>();
  refs.forEach((ref, j) => {
    const kind = draft.indicatorKinds?.[j];
    if (ref !== null && !draft.indicators[j] && kind && !brokenKind.has(ref)) brokenKind.set(ref, kind);
  });

  const indicators = new Map<string, PlanIndicator>();
  draft.indicators.forEach((indicator, j) => {
    if (!indicator) return;
    if (!indicators.has(indicator.ref)) indicators.set(indicator.ref, indicator as PlanIndicator);
    if (indicator.kind === 'milestone' && indicator.target === undefined && draft.milestones.length === 0) {
      add(['indicators', j], '节点类指标需要填写目标节点数（target），或在 milestones 中列出推进节点');
    }
  });
  const milestoneTarget = (i: PlanIndicator) =>
    i.kind === 'milestone' ? (i.target ?? draft.milestones.length) : undefined;
  const unknownRef = (ref: string) => `本项目没有编号为 ${ref} 的指标`;

  const inPeriod = (date: string, path: readonly PathSegment[]) => {
    const p = ctx.period;
    if (p && (date < p.start || date > p.end)) add(path, `日期必须在计划期内（${p.start} 至 ${p.end}）`);
  };

  const values = (raw: Record<string, Quantity>, path: readonly PathSegment[]): Record<string, Quantity> => {
    const out: Record<string, Quantity> = {};
    for (const [ref, value] of Object.entries(raw)) {
      const indicator = indicators.get(ref);
      if (!indicator) {
        const kind = brokenKind.get(ref);
        const checked = kind ? checkValue(kind, value) : null;
        if (typeof checked === 'string') add([...path, ref], checked);
        if (!broken.has(ref)) add([...path, ref], unknownRef(ref));
        continue;
      }
      const checked = checkValue(indicator.kind, value, milestoneTarget(indicator));
      if (typeof checked === 'string') add([...path, ref], checked);
      else out[ref] = checked.value;
    }
    return out;
  };

  const milestones: PlanMilestone[] = [];
  const ordered: { m: PlanMilestone; k: number }[] = [];
  draft.milestones.forEach((m, k) => {
    if (!m) return;
    if (m.due !== null) inPeriod(m.due, ['milestones', k, 'due']);
    const milestone: PlanMilestone = {
      due: m.due ?? '',
      ...(m.text !== undefined && { text: m.text }),
      planned: values(m.planned, ['milestones', k, 'planned']),
      ...(m.investment !== undefined && { investment: m.investment }),
    };
    milestones.push(milestone);
    if (m.due !== null) ordered.push({ m: milestone, k });
  });
  checkCumulative(ordered, (k, ref, message) => add(['milestones', k, 'planned', ref], message));

  const firstReportOn = new Map<string, number>();
  const reports: PlanReport[] = [];
  draft.reports.forEach((r, k) => {
    if (!r) return;
    if (r.asOf !== null) {
      inPeriod(r.asOf, ['reports', k, 'asOf']);
      const first = firstReportOn.get(r.asOf);
      if (first === undefined) firstReportOn.set(r.asOf, k);
      else add(['reports', k, 'asOf'], `同一天（${r.asOf}）已有一份进度报告（reports[${first}]）`);
    }
    for (const ref of Object.keys(r.eligible)) {
      const kind = indicators.get(ref)?.kind ?? brokenKind.get(ref);
      if (!kind) {
        if (!broken.has(ref)) add(['reports', k, 'eligible', ref], unknownRef(ref));
      } else if (kind !== 'entitlement') {
        add(['reports', k, 'eligible', ref], `指标 ${ref} 不是应补尽补（entitlement）类，不填应享受人数`);
      }
    }
    reports.push({
      asOf: r.asOf ?? '',
      values: values(r.values, ['reports', k, 'values']),
      eligible: { ...r.eligible },
      ...(r.investment !== undefined && { investment: r.investment }),
      ...(r.fundsArrived !== undefined && { fundsArrived: r.fundsArrived }),
      ...(r.text !== undefined && { text: r.text }),
    });
  });

  const allocated = new Map<string, number>();
  const allocations: PlanAllocation[] = [];
  draft.allocations.forEach((a, k) => {
    if (!a || a.indicator === null) return;
    const path = ['allocations', k] as const;
    if (a.region === null) return;
    if (ctx.regionCode !== null) {
      if (a.region === ctx.regionCode)
        add([...path, 'region'], '任务只能分解给下级地区，不能分解给计划所属地区本身');
      else if (!isWithinRegion(a.region, ctx.regionCode)) {
        add([...path, 'region'], `必须是计划所属地区（${ctx.regionCode}）的下级行政区划`);
      }
    }
    const key = `${a.region}\u0000${a.indicator}`;
    const first = allocated.get(key);
    if (first === undefined) allocated.set(key, k);
    else add(path, `地区 ${a.region} 的指标 ${a.indicator} 已在 allocations[${first}] 中分解过`);
    const indicator = indicators.get(a.indicator);
    const kind = indicator?.kind ?? brokenKind.get(a.indicator);
    if (!kind) {
      if (!broken.has(a.indicator)) add([...path, 'indicator'], unknownRef(a.indicator));
      return;
    }
    if (kind === 'entitlement') {
      if (a.target !== undefined) add([...path, 'target'], '应补尽补类指标不设固定目标，分解时不填 target');
      allocations.push({ region: a.region, indicator: a.indicator });
      return;
    }
    if (a.target === undefined) {
      add([...path, 'target'], '缺少必填字段');
      return;
    }
    const checked = checkValue(kind, a.target, indicator && milestoneTarget(indicator));
    if (typeof checked === 'string') add([...path, 'target'], checked);
    else allocations.push({ region: a.region, indicator: a.indicator, target: checked.value });
  });

  return { problems, milestones, reports, allocations };
}

/** A value (reported, planned or allocated) fitting its indicator's kind, or what is wrong with it. */
export function checkValue(
  kind: IndicatorKind,
  value: Quantity,
  milestoneCount?: number,
): { value: Quantity } | string {
  if (kind === 'amount') {
    const problem = yuanProblem(value);
    return problem ?? { value: normalizeYuan(value) };
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return '必须是数字';
  if (value < 0) return '必须 ≥ 0';
  if (value > MAX_QUANTITY) return QUANTITY_TOO_LARGE;
  if (kind === 'percent' && value > 100) return '百分比应在 0–100 之间';
  if (kind === 'milestone') {
    if (!Number.isInteger(value)) return '节点数必须是整数';
    if (milestoneCount !== undefined && value > milestoneCount) return `不能超过节点总数 ${milestoneCount}`;
  }
  return { value };
}

/** Planned values are cumulative: a later milestone never plans less than an earlier one. */
function checkCumulative(
  milestones: readonly { m: PlanMilestone; k: number }[],
  report: (index: number, ref: string, message: string) => void,
): void {
  const order = [...milestones].sort((a, b) => a.m.due.localeCompare(b.m.due) || a.k - b.k);
  const last = new Map<string, { due: string; value: Quantity }>();
  for (const { m, k } of order) {
    for (const [ref, value] of Object.entries(m.planned)) {
      const prev = last.get(ref);
      if (prev && compareQuantities(value, prev.value) < 0) {
        report(k, ref, `计划值是累计值，不能小于更早节点（${prev.due}）的 ${prev.value}`);
      }
      last.set(ref, { due: m.due, value });
    }
  }
}

export function checkDocument(input: {
  period: Period | undefined;
  /** Each project's ref as written, null when unreadable. */
  projectRefs: readonly (string | null)[];
}): Problem[] {
  const problems: Problem[] = [];
  const { period } = input;
  if (period && period.start > period.end) {
    problems.push({ path: 'period', message: '计划期的开始日期不能晚于结束日期' });
  }
  const first = new Map<string, number>();
  input.projectRefs.forEach((ref, i) => {
    if (ref === null || ref === '') return;
    const seen = first.get(ref);
    if (seen === undefined) first.set(ref, i);
    else
      problems.push({
        path: `projects[${i}].ref`,
        message: `项目编号 ${ref} 重复（与 projects[${seen}] 相同）`,
      });
  });
  return problems;
}
