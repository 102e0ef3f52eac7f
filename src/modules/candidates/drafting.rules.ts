import { isYuan, normalizeYuan } from '../../kernel/money';

/**
 * A candidate's indicators as departments draft them. Kinds as in the plan exchange format
 * (/shared/spec/plan-format.md): the target is what "done" is measured against, so it must fit the
 * kind — entitlement has none (done when everyone eligible is served), percent runs to 100, amount
 * is exact yuan.
 */
export const CANDIDATE_INDICATOR_KINDS = ['count', 'amount', 'coverage', 'entitlement', 'percent'] as const;
export type CandidateIndicatorKind = (typeof CANDIDATE_INDICATOR_KINDS)[number];
export const CANDIDATE_INDICATOR_KIND_LABELS: Record<CandidateIndicatorKind, string> = {
  count: '数量',
  amount: '金额（元）',
  coverage: '覆盖（全覆盖）',
  entitlement: '应补尽补（无固定目标）',
  percent: '百分比',
};

export interface IndicatorDraft {
  readonly name: string;
  readonly unit?: string | null;
  readonly kind: CandidateIndicatorKind;
  readonly target?: number | string | null;
}

export interface StoredIndicator {
  ref: string;
  name: string;
  unit?: string;
  kind: string;
  target?: number | string;
}

export interface DraftProblem {
  readonly field: string;
  readonly message: string;
}

/** Every problem with the drafted indicators, each naming its row ('indicators.2.target'). */
export function checkIndicators(list: readonly IndicatorDraft[]): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const names = new Map<string, number>();
  list.forEach((ind, i) => {
    const at = (key: string) => `indicators.${i}.${key}`;
    const label = `第 ${i + 1} 个指标`;
    const name = ind.name.trim();
    if (!name) problems.push({ field: at('name'), message: `${label}没有名称` });
    else if (names.has(name))
      problems.push({ field: at('name'), message: `${label}“${name}”与第 ${names.get(name)! + 1} 个重名` });
    else names.set(name, i);
    const target = ind.target ?? null;
    if (ind.kind === 'entitlement') {
      if (target !== null && target !== '')
        problems.push({ field: at('target'), message: `${label}是应补尽补类，不设固定目标值` });
      return;
    }
    if (target === null || target === '') {
      problems.push({ field: at('target'), message: `${label}需要填写目标值` });
      return;
    }
    if (ind.kind === 'amount') {
      if (!isYuan(String(target).trim()) || String(target).trim().startsWith('-'))
        problems.push({ field: at('target'), message: `${label}的目标金额应为元，最多两位小数` });
      return;
    }
    const value = typeof target === 'number' ? target : Number(String(target).trim());
    if (!Number.isFinite(value) || value < 0)
      problems.push({ field: at('target'), message: `${label}的目标值应为不小于 0 的数` });
    else if (ind.kind === 'percent' && value > 100)
      problems.push({ field: at('target'), message: `${label}是百分比，目标值不能超过 100` });
    else if ((ind.kind === 'count' || ind.kind === 'coverage') && !Number.isInteger(value))
      problems.push({ field: at('target'), message: `${label}的目标应为整数` });
  });
  return problems;
}

/** The indicators as stored (refs I1, I2, … in order), once checkIndicators found nothing. */
export function storedIndicators(list: readonly IndicatorDraft[]): StoredIndicator[] {
  return list.map((ind, i) => {
    const unit = ind.unit?.trim();
    const stored: StoredIndicator = { ref: `I${i + 1}`, name: ind.name.trim(), kind: ind.kind };
    if (unit) stored.unit = unit;
    if (ind.kind === 'amount') stored.target = normalizeYuan(String(ind.target));
    else if (ind.kind !== 'entitlement') stored.target = Number(ind.target);
    return stored;
  });
}

/** Names typed into a list field: trimmed, blanks and repeats left out, in order. */
export function cleanNames(names: readonly string[]): string[] {
  return [...new Set(names.map((n) => n.trim()).filter(Boolean))];
}
