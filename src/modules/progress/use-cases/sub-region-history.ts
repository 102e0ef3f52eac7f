import { writeTransaction } from '../../../db/transaction';
import { DomainError } from '../../../kernel/errors';
import { normalizeYuan } from '../../../kernel/money';
import type { AppDeps } from '../../../server/deps';
import { findPlanYear } from '../../plans';
import type { IndicatorKind } from '../indicator.rules';
import { checkValue } from '../plan-format.rules';
import { yuanProblem } from '../plan-format.schema';
import { formatProblem, type Problem } from '../problems.rules';
import { type ImportedReport, insertImportedReports, splitIndicatorsOf } from '../projects.repository';
import type { Quantity } from '../quantity.rules';
import { advanceLatestFiguresOfPlanYear, refreshIndicatorRollups } from '../reports.repository';

/** One approved report of a sub-region on its share of a split project. */
export interface SubRegionReport {
  /** The project's ref in the plan document. */
  project: string;
  /** The sub-region the targets were split to. */
  region: string;
  asOf: string;
  /** Cumulative values of the split indicators, by ref; amounts as yuan text. */
  values: Record<string, Quantity>;
  /** Entitlement indicators: how many were eligible. */
  eligible?: Record<string, number>;
  investment?: string;
  text?: string;
}

/**
 * The approved history of the sub-regions a plan year's targets were split to, written as imported
 * reports: what a province's installation holds once its cities and counties have reported (the
 * plan format carries only the plan region's own reports). For system actors only — the demo seed,
 * a move between installations; in the console each report is filed, submitted and approved by
 * people. All or nothing: a bad report is refused with every problem by path, nothing is written.
 */
export async function importSubRegionReports(
  deps: AppDeps,
  actor: string,
  regionCode: string,
  year: number,
  reports: readonly SubRegionReport[],
): Promise<number> {
  return writeTransaction(deps.db, actor, async (tx) => {
    const planYear = await findPlanYear(tx, regionCode, year);
    if (!planYear) throw new DomainError('PLAN_YEAR_NOT_FOUND');
    const split = await splitIndicatorsOf(tx, planYear.id);
    const indicator = new Map(split.map((s) => [`${s.projectRef}/${s.regionCode}/${s.ref}`, s]));
    const projectOf = new Map(split.map((s) => [s.projectRef, s.projectId]));
    const problems: Problem[] = [];
    const seen = new Set<string>();
    const rows: ImportedReport[] = reports.map((r, k) => {
      const at = (path: string, message: string) => problems.push({ path: `reports[${k}]${path}`, message });
      if (!projectOf.has(r.project)) at('.project', `没有编号为 ${r.project} 且分解到下级地区的项目`);
      if (r.asOf < planYear.periodStart || r.asOf > planYear.periodEnd)
        at('.asOf', `日期必须在计划期内（${planYear.periodStart} 至 ${planYear.periodEnd}）`);
      if (r.investment !== undefined && yuanProblem(r.investment))
        at('.investment', yuanProblem(r.investment)!);
      const key = `${r.project}/${r.region}/${r.asOf}`;
      if (seen.has(key)) at('.asOf', `${r.region} 在 ${r.asOf} 已有一份报告`);
      seen.add(key);
      const values = Object.entries(r.values).flatMap(([ref, value]) => {
        const split = indicator.get(`${r.project}/${r.region}/${ref}`);
        if (!split) {
          at(`.values.${ref}`, `指标 ${ref} 没有分解到 ${r.region}`);
          return [];
        }
        const checked = checkValue(split.kind as IndicatorKind, value);
        if (typeof checked === 'string') {
          at(`.values.${ref}`, checked);
          return [];
        }
        const eligible = r.eligible?.[ref];
        return [
          {
            indicatorId: split.indicatorId,
            value: String(checked.value),
            eligible: eligible === undefined ? null : String(eligible),
          },
        ];
      });
      return {
        projectId: projectOf.get(r.project) ?? '',
        regionCode: r.region,
        asOf: r.asOf,
        investment:
          r.investment === undefined || yuanProblem(r.investment) ? null : normalizeYuan(r.investment),
        progressText: r.text ?? null,
        values,
      };
    });
    if (problems.length)
      throw new DomainError('REPORT_INVALID', {
        field: problems[0]!.path,
        message: `下级地区报告有误（${problems.length} 处），未导入任何内容：${problems.slice(0, 3).map(formatProblem).join('；')}`,
        details: problems,
      });
    await insertImportedReports(tx, rows);
    await advanceLatestFiguresOfPlanYear(tx, planYear.id);
    await refreshIndicatorRollups(tx, { planYearIds: [planYear.id] });
    return rows.length;
  });
}
