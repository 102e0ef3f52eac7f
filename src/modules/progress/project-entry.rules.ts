import { checkProject } from './plan-format.rules';
import { type PlanProject, projectSchema, salvageProject } from './plan-format.schema';
import { issuesToProblems, type Problem, tidyProblems, zhErrorMap } from './problems.rules';
import type { ProjectEntryInput } from './project-entry.schema';
import type { Period } from './schedule.rules';

/**
 * A project typed in by hand is held to the same rules as one imported in a plan document: the
 * entry is turned into the plan format's project and checked by its schema and cross-checks, so that
 * a typed-in project can always be exported and imported again. Problems name the form's fields
 * ('indicators.0.target'), as the console's forms and the HTTP layer's validation errors do.
 */

/** Stages of the yearly cycle in which the coordinator may type projects in and change them. */
export const PROJECT_ENTRY_STAGES: readonly string[] = ['implement'];

export function mayEnterProjects(stage: string): boolean {
  return PROJECT_ENTRY_STAGES.includes(stage);
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** 'indicators[0].target' → 'indicators.0.target'; 'milestones[1].planned.I2' stays keyed by ref. */
export function fieldOfPath(path: string): string {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\["([^"]*)"\]/g, '.$1')
    .replace(/^\./, '');
}

/** The next free ref of the form `${prefix}${n}`, padded to `width` digits: P01, P02 … or I1, I2 … */
export function nextRef(prefix: string, taken: Iterable<string>, width = 1): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const ref = `${prefix}${String(n).padStart(width, '0')}`;
    if (!used.has(ref)) return ref;
  }
}

/** Every indicator with a ref: the ones given are kept, the others get the next free I1, I2 … */
export function withIndicatorRefs<T extends { ref?: string | undefined }>(
  indicators: readonly T[],
): (T & { ref: string })[] {
  const taken = new Set(indicators.map((i) => i.ref?.trim()).filter((r): r is string => Boolean(r)));
  return indicators.map((i) => {
    const given = i.ref?.trim();
    if (given) return { ...i, ref: given };
    const ref = nextRef('I', taken);
    taken.add(ref);
    return { ...i, ref };
  });
}

/** A target or planned value as the plan format wants it: yuan text for amounts, numbers otherwise. */
function formatValue(kind: string | undefined, value: number | string): number | string {
  if (kind === 'amount' || typeof value === 'number') return value;
  const text = value.trim();
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

const blank = (v: unknown) => v === null || v === undefined || v === '';

/** The entry as the plan format's project (units and leaders are the use case's to store). */
export function entryAsPlanProject(ref: string, input: ProjectEntryInput): Record<string, unknown> {
  const indicators = withIndicatorRefs(input.indicators);
  const kindOf = new Map(indicators.map((i) => [i.ref, i.kind]));
  return {
    ref,
    name: input.name,
    ...(!blank(input.field) && { field: input.field }),
    ...(!blank(input.task) && { task: input.task }),
    ...(!blank(input.planText) && { planText: input.planText }),
    leadUnits: [],
    partnerUnits: [],
    leaders: input.leaders.map((l) => ({
      role: l.role,
      name: l.name,
      ...(!blank(l.phone) && { phone: l.phone }),
    })),
    ...(input.budget !== null && { budget: input.budget }),
    indicators: indicators.map((i) => ({
      ref: i.ref,
      name: i.name,
      ...(!blank(i.unit) && { unit: i.unit }),
      kind: i.kind,
      ...(!blank(i.target) && { target: formatValue(i.kind, i.target!) }),
    })),
    milestones: input.milestones.map((m) => ({
      due: m.due,
      ...(!blank(m.text) && { text: m.text }),
      planned: Object.fromEntries(
        Object.entries(m.planned)
          .filter(([, v]) => !blank(v))
          .map(([r, v]) => [r, formatValue(kindOf.get(r), v!)]),
      ),
      ...(m.investment !== null && { investment: m.investment }),
    })),
    reports: [],
    allocations: [],
  };
}

/** The plan format's "missing field", as a form says it next to the field. */
function formWording(field: string, message: string): string {
  if (message !== '缺少必填字段') return message;
  return field.endsWith('.target') ? '请填写目标值' : '请填写';
}

/**
 * Checks an entry against the plan year (its period and region) by the plan format's rules. Returns
 * the project as stored (targets and planned values normalised, refs assigned) or every problem.
 */
export function checkProjectEntry(
  ref: string,
  input: ProjectEntryInput,
  ctx: { period: Period; regionCode: string },
): { ok: true; project: PlanProject } | { ok: false; problems: FieldProblem[] } {
  const raw = entryAsPlanProject(ref, input);
  const parsed = projectSchema.safeParse(raw, { error: zhErrorMap });
  const problems: Problem[] = parsed.success ? [] : issuesToProblems(parsed.error.issues);
  // A broken field does not hide the cross-checks of the rest (dates, planned values), as on import.
  const draft = parsed.success ? parsed.data : salvageProject(raw);
  const checked = draft ? checkProject(draft, [], ctx) : null;
  problems.push(...(checked?.problems ?? []));
  if (parsed.success && checked && problems.length === 0) {
    const p = parsed.data;
    return {
      ok: true,
      project: {
        ...(raw as unknown as PlanProject),
        ...(p.budget !== undefined && { budget: p.budget }),
        indicators: p.indicators as PlanProject['indicators'],
        milestones: checked.milestones,
      },
    };
  }
  return {
    ok: false,
    problems: tidyProblems(problems).map((p) => {
      const field = fieldOfPath(p.path) || 'indicators';
      return { field, message: formWording(field, p.message) };
    }),
  };
}

export interface StoredIndicator {
  id: string;
  ref: string;
  name: string;
  kind: string;
  /** It has report figures (of any report) or allocations: it cannot go or change kind. */
  inUse: boolean;
}

export interface IndicatorPlan {
  /** Existing indicators kept, by the index of the entry that keeps them. */
  keep: Array<{ id: string; index: number }>;
  /** Entries that are new indicators. */
  insert: number[];
  /** Existing indicators the entry no longer has. */
  remove: string[];
  problems: FieldProblem[];
}

/**
 * How an edited project's indicators change, matched by ref: reports and allocations point at the
 * stored rows, so an indicator that has any keeps its row and its kind, and cannot be removed.
 */
export function planIndicatorChanges(
  stored: readonly StoredIndicator[],
  entries: readonly { ref: string; kind: string }[],
): IndicatorPlan {
  const byRef = new Map(stored.map((s) => [s.ref, s]));
  const plan: IndicatorPlan = { keep: [], insert: [], remove: [], problems: [] };
  entries.forEach((entry, index) => {
    const existing = byRef.get(entry.ref);
    if (!existing) {
      plan.insert.push(index);
      return;
    }
    if (existing.inUse && existing.kind !== entry.kind)
      plan.problems.push({
        field: `indicators.${index}.kind`,
        message: `指标 ${existing.ref}（${existing.name}）已有进度报告或任务分解，不能改变类型`,
      });
    plan.keep.push({ id: existing.id, index });
  });
  const kept = new Set(entries.map((e) => e.ref));
  for (const s of stored) {
    if (kept.has(s.ref)) continue;
    if (s.inUse)
      plan.problems.push({
        field: 'indicators',
        message: `指标 ${s.ref}（${s.name}）已有进度报告或任务分解，不能删除`,
      });
    else plan.remove.push(s.id);
  }
  return plan;
}
