import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { formatYuanChinese, normalizeYuan } from '../../kernel/money';
import {
  type PlanIndicator,
  type PlanReport,
  parsePlanDocument,
  stringifyPlanDocument,
} from '../../modules/progress/plan-format.schema';
import type { Quantity } from '../../modules/progress/quantity.rules';

/**
 * Helpers of the plan generators in this folder. Simulated figures are never passed off as real:
 * every simulated report's text starts with DEMO_TEXT_PREFIX, and the documents that hold them are
 * named `*.demo.plan.json`.
 */
export const DEMO_TEXT_PREFIX = '【演示数据】';

/** 万元 as exact yuan: wan(676.91) → "6769100.00". Works on the decimal text, never on floats. */
export function wan(amount: number | string): string {
  const text = String(amount).trim();
  const match = /^(\d+)(?:\.(\d{1,6}))?$/.exec(text);
  if (!match) throw new RangeError(`not an amount in 万元: ${text}`);
  const fraction = (match[2] ?? '').padEnd(6, '0');
  const fen = BigInt(match[1]!) * 1_000_000n + BigInt(fraction);
  return normalizeYuan(`${fen / 100n}.${(fen % 100n).toString().padStart(2, '0')}`);
}

/** The last day of each month from January to `lastMonth`, as YYYY-MM-DD. */
export function monthEnds(year: number, lastMonth: number): string[] {
  return Array.from({ length: lastMonth }, (_, i) => {
    const day = new Date(Date.UTC(year, i + 1, 0)).getUTCDate();
    return `${year}-${String(i + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  });
}

/**
 * A simulated monthly series of one project, January onwards; index k is the end of month k+1.
 * Values are cumulative; null leaves an indicator out of that month's report.
 */
export interface DemoSeries {
  values: Record<string, readonly (Quantity | null)[]>;
  /** Entitlement indicators: how many were eligible each month. */
  eligible?: Record<string, readonly number[]>;
  /** Cumulative investment done, 万元. */
  investmentWan?: readonly (number | null)[];
  /** Cumulative funds arrived, 万元. */
  fundsWan?: readonly (number | null)[];
  /** What the unit writes beyond the figures (问题/下一步), by month number (1 = January). */
  notes?: Readonly<Record<number, string>>;
}

/** The series as approved reports, each text starting with DEMO_TEXT_PREFIX. */
export function demoReports(
  year: number,
  months: number,
  indicators: readonly PlanIndicator[],
  series: DemoSeries,
  milestoneCount = 0,
): PlanReport[] {
  const byRef = new Map(indicators.map((i) => [i.ref, i]));
  for (const ref of [...Object.keys(series.values), ...Object.keys(series.eligible ?? {})]) {
    if (!byRef.has(ref)) throw new Error(`series for unknown indicator ${ref}`);
  }
  return monthEnds(year, months).map((asOf, k) => {
    const values: Record<string, Quantity> = {};
    for (const [ref, list] of Object.entries(series.values)) {
      if (list.length !== months) throw new Error(`series ${ref} has ${list.length} months, not ${months}`);
      const value = list[k];
      if (value !== null && value !== undefined) values[ref] = value;
    }
    const eligible: Record<string, number> = {};
    for (const [ref, list] of Object.entries(series.eligible ?? {})) eligible[ref] = list[k]!;
    const investment = series.investmentWan?.[k];
    const funds = series.fundsWan?.[k];
    const phrases = indicators
      .filter((i) => values[i.ref] !== undefined)
      .map((i) => describeValue(i, values[i.ref]!, eligible[i.ref], milestoneCount));
    if (investment !== null && investment !== undefined) {
      phrases.push(`累计完成投资${formatYuanChinese(wan(investment))}`);
    }
    const note = series.notes?.[k + 1];
    const text = `${DEMO_TEXT_PREFIX}截至${k + 1}月底，${phrases.join('；')}。${note ?? ''}`;
    return {
      asOf,
      values,
      eligible,
      ...(investment !== null && investment !== undefined && { investment: wan(investment) }),
      ...(funds !== null && funds !== undefined && { fundsArrived: wan(funds) }),
      text,
    };
  });
}

function describeValue(
  indicator: PlanIndicator,
  value: Quantity,
  eligible: number | undefined,
  milestoneCount: number,
): string {
  const unit = indicator.unit ?? '';
  switch (indicator.kind) {
    case 'amount':
      return `${indicator.name}${formatYuanChinese(normalizeYuan(value))}（目标${formatYuanChinese(indicator.target)}）`;
    case 'entitlement':
      return `${indicator.name}${value}${unit}（应享受${eligible ?? '—'}${unit}）`;
    case 'percent':
      return `${indicator.name}${value}%${indicator.target === undefined ? '' : `（目标${indicator.target}%）`}`;
    case 'milestone':
      return `${indicator.name}${value}${unit}（共${indicator.target ?? milestoneCount}${unit}）`;
    default:
      return `${indicator.name}${value}${unit}（目标${indicator.target}${unit}）`;
  }
}

/**
 * Checks each document with parsePlanDocument, writes it in the canonical form that export writes,
 * and lets Biome format the files as the repository's checks expect.
 */
export function writePlanFiles(files: ReadonlyArray<{ path: string; document: unknown }>): void {
  for (const { path, document } of files) {
    const parsed = parsePlanDocument(document);
    if (!parsed.ok) {
      const list = parsed.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
      throw new Error(`${path} is not a valid plan document:\n${list}`);
    }
    writeFileSync(path, stringifyPlanDocument(parsed.plan));
  }
  execFileSync('npx', ['biome', 'format', '--write', ...files.map((f) => f.path)], { stdio: 'pipe' });
}
