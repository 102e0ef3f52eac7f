import { z } from 'zod';
import { normalizeYuan } from '../../kernel/money';
import { isRegionCode } from '../../kernel/regions';
import { INDICATOR_KINDS, type IndicatorKind } from './indicator.rules';
import { type CheckedProject, checkDocument, checkProject, type ProjectDraft } from './plan-format.rules';
import {
  issuesToProblems,
  nulCharacterProblems,
  type Problem,
  tidyProblems,
  zhErrorMap,
} from './problems.rules';
import { MAX_QUANTITY, QUANTITY_TOO_LARGE, type Quantity } from './quantity.rules';
import { calendarYearPeriod, isIsoDate, type Period } from './schedule.rules';

/**
 * The plan exchange format `minsheng.plan/v1` (shared/spec/plan-format.md): one region's plan year
 * as one JSON document. Every object is strict: an unknown field is refused with its path rather
 * than dropped, so import(export(x)) can never lose anything quietly.
 *
 * Beyond the spec's kinds, an indicator may be `milestone` (milestone-only, e.g. "完成招标并开工"):
 * its reported value is the number of milestones reached and its target defaults to the number of
 * the project's milestones.
 */
export const PLAN_FORMAT = 'minsheng.plan/v1';

export interface PlanRegion {
  code: string;
  name: string;
}

export interface PlanLeader {
  role: string;
  name: string;
  phone?: string;
}

interface IndicatorBase {
  ref: string;
  name: string;
  unit?: string;
}

export type PlanIndicator = IndicatorBase &
  (
    | { kind: 'count' | 'coverage'; target: number }
    | { kind: 'amount'; target: string }
    | { kind: 'entitlement' }
    | { kind: 'percent'; target?: number }
    | { kind: 'milestone'; target?: number }
  );

export interface PlanMilestone {
  due: string;
  text?: string;
  /** Planned cumulative values due by then; amounts as yuan strings. */
  planned: Record<string, Quantity>;
  /** Investment planned for this step (the steps add up to the whole), yuan. */
  investment?: string;
}

export interface PlanReport {
  asOf: string;
  /** Cumulative values; amounts as yuan strings. */
  values: Record<string, Quantity>;
  /** Entitlement indicators: how many were eligible. */
  eligible: Record<string, number>;
  investment?: string;
  fundsArrived?: string;
  text?: string;
}

export interface PlanAllocation {
  region: string;
  indicator: string;
  /** Absent for entitlement indicators, which have no fixed target. */
  target?: Quantity;
}

export interface PlanProject {
  ref: string;
  name: string;
  field?: string;
  task?: string;
  planText?: string;
  leadUnits: string[];
  partnerUnits: string[];
  leaders: PlanLeader[];
  budget?: string;
  indicators: PlanIndicator[];
  milestones: PlanMilestone[];
  reports: PlanReport[];
  allocations: PlanAllocation[];
}

/** A parsed, checked and normalised plan: money as yuan strings, the period filled in. */
export interface PlanDocument {
  format: typeof PLAN_FORMAT;
  region: PlanRegion;
  year: number;
  title?: string;
  period: Period;
  projects: PlanProject[];
}

const text = () => z.string().trim().min(1);
const optionalText = () => z.string().optional();
const ref = () => text().max(64, '编号不能超过 64 个字符');

const isoDate = () => z.string().refine(isIsoDate, { error: '日期应为 YYYY-MM-DD 格式的真实日期' });

/** Yuan as a decimal string or a JSON number, at most two decimals, never negative. */
export const yuanSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const problem = yuanProblem(value);
  if (problem) {
    ctx.issues.push({ code: 'custom', message: problem, input: value });
    return z.NEVER;
  }
  return normalizeYuan(value);
});

export function yuanProblem(value: string | number): string | null {
  let text: string;
  try {
    text = normalizeYuan(value);
  } catch {
    return /\.\d{3,}$/.test(String(value).trim())
      ? '金额最多两位小数（精确到分）'
      : '金额应为以元为单位的数字，如 "10000000.00"';
  }
  if (text.startsWith('-')) return '必须 ≥ 0';
  // numeric(18, 2) in the database: sixteen digits of yuan.
  return text.split('.')[0]!.length > 16 ? '金额过大（不能超过 9999999999999999.99 元）' : null;
}

const nonNegative = () => z.number().min(0, '必须 ≥ 0').max(MAX_QUANTITY, QUANTITY_TOO_LARGE);
const positiveTarget = () =>
  z.number().superRefine((n, ctx) => {
    if (n < 0) ctx.addIssue({ code: 'custom', message: '必须 ≥ 0' });
    else if (n === 0) ctx.addIssue({ code: 'custom', message: '目标值必须大于 0' });
    else if (n > MAX_QUANTITY) ctx.addIssue({ code: 'custom', message: QUANTITY_TOO_LARGE });
  });
const percentTarget = () => positiveTarget().refine((n) => n <= 100, { error: '百分比应在 0–100 之间' });
const quantity = () => z.union([z.number(), z.string()]);

const indicatorBase = { ref: ref(), name: text(), unit: optionalText() };
export const indicatorSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...indicatorBase, kind: z.enum(['count', 'coverage']), target: positiveTarget() }),
  z.strictObject({
    ...indicatorBase,
    kind: z.literal('amount'),
    target: yuanSchema.refine((y) => y !== '0.00', { error: '目标值必须大于 0' }),
  }),
  z.strictObject({
    ...indicatorBase,
    kind: z.literal('entitlement'),
    target: z
      .never({ error: '应补尽补类指标不设固定目标：应享受人数在进度报告的 eligible 中填写' })
      .optional(),
  }),
  z.strictObject({ ...indicatorBase, kind: z.literal('percent'), target: percentTarget().optional() }),
  z.strictObject({
    ...indicatorBase,
    kind: z.literal('milestone'),
    target: positiveTarget().refine(Number.isInteger, { error: '节点数必须是整数' }).optional(),
  }),
]);

export const milestoneSchema = z.strictObject({
  due: isoDate(),
  text: optionalText(),
  planned: z.record(z.string(), quantity()).default({}),
  investment: yuanSchema.optional(),
});

export const reportSchema = z.strictObject({
  asOf: isoDate(),
  values: z.record(z.string(), quantity()).default({}),
  eligible: z.record(z.string(), nonNegative()).default({}),
  investment: yuanSchema.optional(),
  fundsArrived: yuanSchema.optional(),
  text: optionalText(),
});

export const allocationSchema = z.strictObject({
  region: z.string().refine(isRegionCode, { error: '行政区划代码应为 6、9 或 12 位 GB/T 2260 代码' }),
  indicator: ref(),
  target: quantity().optional(),
});

export const projectSchema = z.strictObject({
  ref: ref(),
  name: text(),
  field: optionalText(),
  task: optionalText(),
  planText: optionalText(),
  leadUnits: z.array(text()).default([]),
  partnerUnits: z.array(text()).default([]),
  leaders: z.array(z.strictObject({ role: text(), name: text(), phone: optionalText() })).default([]),
  budget: yuanSchema.optional(),
  indicators: z.array(indicatorSchema).default([]),
  milestones: z.array(milestoneSchema).default([]),
  reports: z.array(reportSchema).default([]),
  allocations: z.array(allocationSchema).default([]),
});

const headerShape = {
  format: z.literal(PLAN_FORMAT, { error: `format 必须是 "${PLAN_FORMAT}"` }),
  region: z.strictObject({
    code: z.string().refine(isRegionCode, { error: '行政区划代码应为 6、9 或 12 位 GB/T 2260 代码' }),
    name: text(),
  }),
  year: z.number().int().min(2000).max(2100),
  title: optionalText(),
  period: z.strictObject({ start: isoDate(), end: isoDate() }).optional(),
};

/** The whole document's structure (types, formats, bounds, unknown fields). */
export const planDocumentSchema = z.strictObject({ ...headerShape, projects: z.array(projectSchema) });

const headerSchema = z.strictObject({ ...headerShape, projects: z.array(z.unknown()) });

export type ProjectInput = z.output<typeof projectSchema>;
export type IndicatorInput = z.output<typeof indicatorSchema>;
export type MilestoneInput = z.output<typeof milestoneSchema>;
export type ReportInput = z.output<typeof reportSchema>;
export type AllocationInput = z.output<typeof allocationSchema>;

export type PlanParse = { ok: true; plan: PlanDocument } | { ok: false; problems: Problem[] };

/**
 * Reads a plan document. A bad document is refused as a whole, with every problem listed by JSON
 * path: the structure of the whole document first, then the cross-checks (unique refs, indicator
 * refs, dates inside the period, values fitting their indicator's kind) on every project whose own
 * structure is sound, so one typo does not hide the other problems.
 */
export function parsePlanDocument(json: unknown): PlanParse {
  const problems: Problem[] = nulCharacterProblems(json);
  const whole = planDocumentSchema.safeParse(json, { error: zhErrorMap });
  if (!whole.success) problems.push(...issuesToProblems(whole.error.issues));

  const header = headerSchema.safeParse(json, { error: zhErrorMap });
  const { period, regionCode, declared } = readContext(json);
  const rawProjects = isRecord(json) && Array.isArray(json.projects) ? json.projects : [];

  const projects: PlanProject[] = [];
  const refs: (string | null)[] = [];
  rawProjects.forEach((raw, i) => {
    refs.push(isRecord(raw) && typeof raw.ref === 'string' ? raw.ref.trim() : null);
    const parsed = projectSchema.safeParse(raw, { error: zhErrorMap });
    const draft = parsed.success ? parsed.data : salvageProject(raw);
    if (!draft) return;
    const checked = checkProject(draft, ['projects', i], { period, regionCode });
    problems.push(...checked.problems);
    if (parsed.success) projects.push(assembleProject(parsed.data, checked));
  });
  problems.push(...checkDocument({ period: declared, projectRefs: refs }));

  if (problems.length > 0 || !header.success) return { ok: false, problems: tidyProblems(problems) };
  const { format, region, year, title } = header.data;
  return {
    ok: true,
    plan: { format, region, year, ...(title !== undefined && { title }), period: period!, projects },
  };
}

/**
 * The readable parts of a structurally broken project, each item in place, so that the cross-checks
 * can still report on them; whatever is itself broken has been reported already and is left out.
 */
export function salvageProject(raw: unknown): ProjectDraft | null {
  if (!isRecord(raw)) return null;
  const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
  const quantities = (x: unknown): Record<string, Quantity> =>
    isRecord(x)
      ? (Object.fromEntries(
          Object.entries(x).filter(([, v]) => typeof v === 'number' || typeof v === 'string'),
        ) as Record<string, Quantity>)
      : {};
  const counts = (x: unknown): Record<string, number> =>
    Object.fromEntries(
      Object.entries(quantities(x)).filter(([, v]) => typeof v === 'number' && v >= 0),
    ) as Record<string, number>;
  const date = (x: unknown) => (isIsoDate(x) ? x : null);
  return {
    indicators: list(raw.indicators).map((x) => indicatorSchema.safeParse(x).data ?? null),
    indicatorRefs: list(raw.indicators).map((x) =>
      isRecord(x) && typeof x.ref === 'string' ? x.ref.trim() : null,
    ),
    indicatorKinds: list(raw.indicators).map((x) =>
      isRecord(x) && INDICATOR_KINDS.includes(x.kind as IndicatorKind) ? (x.kind as IndicatorKind) : null,
    ),
    milestones: list(raw.milestones).map((m) =>
      isRecord(m) ? { due: date(m.due), planned: quantities(m.planned) } : null,
    ),
    reports: list(raw.reports).map((r) =>
      isRecord(r) ? { asOf: date(r.asOf), values: quantities(r.values), eligible: counts(r.eligible) } : null,
    ),
    allocations: list(raw.allocations).map((a) => {
      if (!isRecord(a)) return null;
      const target = a.target;
      if (target !== undefined && typeof target !== 'number' && typeof target !== 'string') return null;
      return {
        region: typeof a.region === 'string' && isRegionCode(a.region) ? a.region : null,
        indicator: typeof a.indicator === 'string' ? a.indicator.trim() : null,
        ...(target !== undefined && { target }),
      };
    }),
  };
}

/**
 * The plan period and region as far as they can be read, even when another header field is broken,
 * so that dates and allocations are still checked against them.
 */
function readContext(json: unknown): { period: Period | null; regionCode: string | null; declared?: Period } {
  const doc = isRecord(json) ? json : {};
  const region = isRecord(doc.region) ? doc.region : {};
  const regionCode = typeof region.code === 'string' && isRegionCode(region.code) ? region.code : null;
  if (doc.period === undefined) {
    const year = doc.year;
    const usable = typeof year === 'number' && Number.isInteger(year) && year >= 2000 && year <= 2100;
    return { period: usable ? calendarYearPeriod(year) : null, regionCode };
  }
  const raw = isRecord(doc.period) ? doc.period : {};
  if (!isIsoDate(raw.start) || !isIsoDate(raw.end)) return { period: null, regionCode };
  const declared = { start: raw.start, end: raw.end };
  return { period: declared.start <= declared.end ? declared : null, regionCode, declared };
}

function assembleProject(input: ProjectInput, checked: CheckedProject): PlanProject {
  return {
    ref: input.ref,
    name: input.name,
    ...optional('field', input.field),
    ...optional('task', input.task),
    ...optional('planText', input.planText),
    leadUnits: input.leadUnits,
    partnerUnits: input.partnerUnits,
    leaders: input.leaders.map((l) => ({ role: l.role, name: l.name, ...optional('phone', l.phone) })),
    ...optional('budget', input.budget),
    indicators: input.indicators as PlanIndicator[],
    milestones: checked.milestones,
    reports: checked.reports,
    allocations: checked.allocations,
  };
}

/**
 * The canonical document: fixed key order, money as yuan strings, empty lists written out, absent
 * optional fields left out. parsePlanDocument(serializePlanDocument(p)) gives p back.
 */
export function serializePlanDocument(plan: PlanDocument): PlanDocument {
  return {
    format: PLAN_FORMAT,
    region: { code: plan.region.code, name: plan.region.name },
    year: plan.year,
    ...optional('title', plan.title),
    period: { start: plan.period.start, end: plan.period.end },
    projects: plan.projects.map(serializeProject),
  };
}

/** The canonical document as JSON text, two-space indented, ending in a newline. */
export function stringifyPlanDocument(plan: PlanDocument): string {
  return `${JSON.stringify(serializePlanDocument(plan), null, 2)}\n`;
}

function serializeProject(p: PlanProject): PlanProject {
  return {
    ref: p.ref,
    name: p.name,
    ...optional('field', p.field),
    ...optional('task', p.task),
    ...optional('planText', p.planText),
    leadUnits: [...p.leadUnits],
    partnerUnits: [...p.partnerUnits],
    leaders: p.leaders.map((l) => ({ role: l.role, name: l.name, ...optional('phone', l.phone) })),
    ...optional('budget', p.budget),
    indicators: p.indicators.map(
      (i) =>
        ({
          ref: i.ref,
          name: i.name,
          ...optional('unit', i.unit),
          kind: i.kind,
          ...optional('target', 'target' in i ? i.target : undefined),
        }) as PlanIndicator,
    ),
    milestones: p.milestones.map((m) => ({
      due: m.due,
      ...optional('text', m.text),
      planned: { ...m.planned },
      ...optional('investment', m.investment),
    })),
    reports: p.reports.map((r) => ({
      asOf: r.asOf,
      values: { ...r.values },
      eligible: { ...r.eligible },
      ...optional('investment', r.investment),
      ...optional('fundsArrived', r.fundsArrived),
      ...optional('text', r.text),
    })),
    allocations: p.allocations.map((a) => ({
      region: a.region,
      indicator: a.indicator,
      ...optional('target', a.target),
    })),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export type { IndicatorKind };
