import type { IndicatorKind } from './indicator.rules';
import { compareQuantities, type Quantity, quantityToNumber } from './quantity.rules';
import type { IsoDate, Period } from './schedule.rules';

/**
 * The monthly report's life: a clerk drafts and submits, an approver who is not the author approves
 * or returns it with a reason; approved reports are history, corrected only by a new version.
 */
export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  approved: '已通过',
  returned: '已退回',
};

export const isEditable = (status: ReportStatus) => status === 'draft' || status === 'returned';
export const isAwaitingDecision = (status: ReportStatus) => status === 'submitted';

/** A value this many times the target needs a word of explanation before it can be submitted. */
export const FAR_ABOVE_TARGET = 1.5;

export interface ReportIndicator {
  ref: string;
  name: string;
  kind: IndicatorKind;
  target: Quantity | null;
}

export interface ReportDraft {
  asOf: IsoDate;
  values: Record<string, Quantity>;
  eligible: Record<string, number>;
  /** Why a value fell below the last approved one or lies far above the target, by indicator ref. */
  explanations: Record<string, string>;
}

export interface ReportContext {
  period: Period;
  indicators: readonly ReportIndicator[];
  /** The latest approved cumulative values of this project (and region), by ref. */
  lastApproved: Record<string, Quantity>;
  /** The date of the latest approved report; a new report may not go back before it. */
  lastApprovedAsOf: IsoDate | null;
  /** True for a correction of an approved report, which keeps its date. */
  correction: boolean;
}

export interface ReportProblem {
  field: string;
  message: string;
}

/** Everything wrong with a report before it may be submitted, each naming its field. */
export function reportProblems(draft: ReportDraft, ctx: ReportContext): ReportProblem[] {
  const problems: ReportProblem[] = [];
  const byRef = new Map(ctx.indicators.map((i) => [i.ref, i]));
  if (draft.asOf < ctx.period.start || draft.asOf > ctx.period.end) {
    problems.push({
      field: 'asOf',
      message: `报告日期应在计划期内（${ctx.period.start} 至 ${ctx.period.end}）`,
    });
  } else if (!ctx.correction && ctx.lastApprovedAsOf && draft.asOf < ctx.lastApprovedAsOf) {
    problems.push({
      field: 'asOf',
      message: `${draft.asOf} 所在期已关闭（已审核通过截至 ${ctx.lastApprovedAsOf} 的报告），如需更改请提交更正`,
    });
  }
  for (const ref of [...Object.keys(draft.values), ...Object.keys(draft.eligible)]) {
    if (!byRef.has(ref)) problems.push({ field: `values.${ref}`, message: `项目没有编号为 ${ref} 的指标` });
  }
  for (const [ref, eligible] of Object.entries(draft.eligible)) {
    if (byRef.get(ref)?.kind !== 'entitlement') {
      if (byRef.has(ref))
        problems.push({ field: `eligible.${ref}`, message: '只有应补尽补类指标填写应享受人数' });
    } else if (!Number.isFinite(eligible) || eligible < 0) {
      problems.push({ field: `eligible.${ref}`, message: '应享受人数不能为负数' });
    }
  }
  for (const indicator of ctx.indicators) {
    const value = draft.values[indicator.ref];
    if (value === undefined) continue;
    const field = `values.${indicator.ref}`;
    if (compareQuantities(value, 0) < 0) {
      problems.push({ field, message: `${indicator.name}：累计值不能为负数` });
      continue;
    }
    if (indicator.kind === 'percent' && quantityToNumber(value) > 100) {
      problems.push({ field, message: `${indicator.name}：百分比不能超过 100` });
      continue;
    }
    const explained = Boolean(draft.explanations[indicator.ref]?.trim());
    const previous = ctx.lastApproved[indicator.ref];
    if (previous !== undefined && compareQuantities(value, previous) < 0 && !explained) {
      problems.push({
        field: `explanations.${indicator.ref}`,
        message: `${indicator.name}：累计值低于上次审核通过的 ${previous}，请说明原因`,
      });
    }
    if (
      indicator.target !== null &&
      compareQuantities(indicator.target, 0) > 0 &&
      quantityToNumber(value) > quantityToNumber(indicator.target) * FAR_ABOVE_TARGET &&
      !explained
    ) {
      problems.push({
        field: `explanations.${indicator.ref}`,
        message: `${indicator.name}：累计值超过年度目标 ${indicator.target} 的 ${FAR_ABOVE_TARGET * 100}%，请说明原因`,
      });
    }
  }
  return problems;
}

export interface ExpectedReport {
  /** The month the report covers, as its last day. */
  asOf: IsoDate;
  /** The reporting day: by default the 5th of the next month. */
  due: IsoDate;
}

function lastDayOfMonth(year: number, month: number): IsoDate {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Each month of the plan period whose report fell due on or before `today`. */
export function expectedReports(period: Period, reportingDay: number, today: IsoDate): ExpectedReport[] {
  const out: ExpectedReport[] = [];
  let year = Number(period.start.slice(0, 4));
  let month = Number(period.start.slice(5, 7));
  for (;;) {
    const asOf = lastDayOfMonth(year, month);
    const [dueYear, dueMonth] = month === 12 ? [year + 1, 1] : [year, month + 1];
    const day = Math.min(reportingDay, Number(lastDayOfMonth(dueYear, dueMonth).slice(8)));
    const due = `${dueYear}-${String(dueMonth).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (due > today) break;
    out.push({ asOf: asOf > period.end ? period.end : asOf, due });
    if (asOf >= period.end) break;
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return out;
}

export type ReportFlag = 'on-time' | 'late' | 'missing';

export const REPORT_FLAG_LABELS: Record<ReportFlag, string> = {
  'on-time': '按时',
  late: '逾期报送',
  missing: '未报送',
};

/**
 * Whether each expected month was reported in time: a report counts for the month its date falls in,
 * by when it was first submitted (or imported).
 */
export function reportFlags(
  expected: readonly ExpectedReport[],
  reports: readonly { asOf: IsoDate; submittedOn: IsoDate | null }[],
): Array<ExpectedReport & { flag: ReportFlag; submittedOn: IsoDate | null }> {
  return expected.map((e) => {
    const month = e.asOf.slice(0, 7);
    const submitted = reports
      .filter((r) => r.asOf.slice(0, 7) === month && r.submittedOn !== null)
      .map((r) => r.submittedOn!)
      .sort();
    const first = submitted[0] ?? null;
    return {
      ...e,
      submittedOn: first,
      flag: first === null ? 'missing' : first <= e.due ? 'on-time' : 'late',
    };
  });
}
