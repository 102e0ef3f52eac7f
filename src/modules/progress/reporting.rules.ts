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

export interface ReportEntry {
  values: Record<string, Quantity>;
  eligible: Record<string, number>;
  /** 完成投资 and 到位资金, in yuan. */
  investment?: Quantity | null;
  fundsArrived?: Quantity | null;
}

export interface ReportDraft extends ReportEntry {
  asOf: IsoDate;
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

/**
 * Each kind of bad report has its own error code (src/kernel/errors.ts), so that a client can tell
 * them apart; what fits none of them is REPORT_INVALID.
 */
export type ReportProblemCode =
  | 'REPORT_VALUE_NEGATIVE'
  | 'REPORT_INDICATOR_UNKNOWN'
  | 'REPORT_DATE_OUTSIDE_PLAN'
  | 'REPORT_MONEY_PRECISION'
  | 'REPORT_PERIOD_CLOSED'
  | 'REPORT_EXPLANATION_REQUIRED'
  | 'REPORT_INVALID';

export interface ReportProblem {
  code: ReportProblemCode;
  field: string;
  message: string;
}

/** The one code for a list of problems: theirs when they share it, REPORT_INVALID when they differ. */
export function reportProblemCode(problems: readonly ReportProblem[]): ReportProblemCode {
  const codes = new Set(problems.map((p) => p.code));
  return codes.size === 1 ? problems[0]!.code : 'REPORT_INVALID';
}

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/** Yuan: a decimal, never negative, to the fen (two decimals at most). */
function moneyProblem(field: string, label: string, value: Quantity): ReportProblem | null {
  const text = typeof value === 'number' ? String(value) : value.trim();
  if (!DECIMAL_TEXT.test(text))
    return { code: 'REPORT_INVALID', field, message: `${label}应为以元为单位的数字` };
  if (text.startsWith('-')) return { code: 'REPORT_VALUE_NEGATIVE', field, message: `${label}不能为负数` };
  if ((text.split('.')[1]?.length ?? 0) > 2)
    return { code: 'REPORT_MONEY_PRECISION', field, message: `${label}最多两位小数（精确到分）` };
  return null;
}

/**
 * What is wrong with the figures themselves, whatever the date or the history: unknown indicator
 * refs, negative values, money beyond the fen. Checked on every save, before anything is stored.
 */
export function reportEntryProblems(
  entry: ReportEntry,
  indicators: readonly ReportIndicator[],
): ReportProblem[] {
  const problems: ReportProblem[] = [];
  const byRef = new Map(indicators.map((i) => [i.ref, i]));
  for (const ref of new Set([...Object.keys(entry.values), ...Object.keys(entry.eligible)])) {
    if (!byRef.has(ref))
      problems.push({
        code: 'REPORT_INDICATOR_UNKNOWN',
        field: `values.${ref}`,
        message: `项目没有编号为 ${ref} 的指标`,
      });
  }
  for (const [ref, eligible] of Object.entries(entry.eligible)) {
    if (byRef.get(ref)?.kind !== 'entitlement') {
      if (byRef.has(ref))
        problems.push({
          code: 'REPORT_INVALID',
          field: `eligible.${ref}`,
          message: '只有应补尽补类指标填写应享受人数',
        });
    } else if (!Number.isFinite(eligible) || eligible < 0) {
      problems.push({
        code: 'REPORT_VALUE_NEGATIVE',
        field: `eligible.${ref}`,
        message: '应享受人数不能为负数',
      });
    }
  }
  for (const indicator of indicators) {
    const value = entry.values[indicator.ref];
    if (value === undefined) continue;
    const field = `values.${indicator.ref}`;
    if (indicator.kind === 'amount') {
      const problem = moneyProblem(field, `${indicator.name}：累计值`, value);
      if (problem) {
        problems.push(problem);
        continue;
      }
    }
    if (compareQuantities(value, 0) < 0) {
      problems.push({ code: 'REPORT_VALUE_NEGATIVE', field, message: `${indicator.name}：累计值不能为负数` });
    } else if (indicator.kind === 'percent' && quantityToNumber(value) > 100) {
      problems.push({ code: 'REPORT_INVALID', field, message: `${indicator.name}：百分比不能超过 100` });
    }
  }
  for (const [field, label] of [
    ['investment', '完成投资'],
    ['fundsArrived', '到位资金'],
  ] as const) {
    const value = entry[field];
    if (value === undefined || value === null || value === '') continue;
    const problem = moneyProblem(field, label, value);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Everything wrong with a report before it may be submitted, each naming its field and code. */
export function reportProblems(draft: ReportDraft, ctx: ReportContext): ReportProblem[] {
  const problems: ReportProblem[] = [];
  if (draft.asOf < ctx.period.start || draft.asOf > ctx.period.end) {
    problems.push({
      code: 'REPORT_DATE_OUTSIDE_PLAN',
      field: 'asOf',
      message: `报告日期应在计划期内（${ctx.period.start} 至 ${ctx.period.end}）`,
    });
  } else if (!ctx.correction && ctx.lastApprovedAsOf && draft.asOf < ctx.lastApprovedAsOf) {
    problems.push({
      code: 'REPORT_PERIOD_CLOSED',
      field: 'asOf',
      message: `${draft.asOf} 所在期已关闭（已审核通过截至 ${ctx.lastApprovedAsOf} 的报告），如需更改请提交更正`,
    });
  }
  // A report on a wrong date is refused for that alone: comparing its figures makes no sense.
  const dated = problems.length === 0;
  const entry = reportEntryProblems(draft, ctx.indicators);
  problems.push(...entry);
  if (!dated) return problems;
  const flawed = new Set(entry.map((p) => p.field));
  for (const indicator of ctx.indicators) {
    const value = draft.values[indicator.ref];
    const field = `values.${indicator.ref}`;
    if (value === undefined || flawed.has(field)) continue;
    const explained = Boolean(draft.explanations[indicator.ref]?.trim());
    const previous = ctx.lastApproved[indicator.ref];
    if (previous !== undefined && compareQuantities(value, previous) < 0 && !explained) {
      problems.push({
        code: 'REPORT_EXPLANATION_REQUIRED',
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
        code: 'REPORT_EXPLANATION_REQUIRED',
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
