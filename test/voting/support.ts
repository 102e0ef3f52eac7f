import type { Db } from '../../src/db/client';
import { writeTransaction } from '../../src/db/transaction';
import { candidates } from '../../src/modules/candidates';
import { openPlanYear } from '../../src/modules/plans';

/** The fifteen 2023 Qinshui candidates (seed 001, appendix), shortened. */
export const CANDIDATE_NAMES = [
  '城区集中供热管网改造',
  '农村饮水安全巩固提升',
  '老旧小区改造',
  '城乡公交一体化',
  '义务教育学校午餐供应',
  '县医院医疗设备更新',
  '养老服务中心建设',
  '残疾人康复救助',
  '农村道路提质改造',
  '城区停车场建设',
  '全民健身场地设施',
  '农贸市场改造提升',
  '城区公厕新建改造',
  '就业技能培训',
  '河道生态治理',
];

export const REGION = '140521';
export const YEAR = 2024;

/** A plan year of 沁水县 with the candidates typed in (the lead's import is tested elsewhere). */
export async function planYearWithCandidates(
  db: Db,
  deps: Parameters<typeof openPlanYear>[0],
  names: readonly string[] = CANDIDATE_NAMES,
  year = YEAR,
): Promise<string[]> {
  const plan = await openPlanYear(deps, 'system:test', { regionCode: REGION, year, stage: 'vote' });
  const rows = await writeTransaction(db, 'system:test', (tx) =>
    tx
      .insert(candidates)
      .values(
        names.map((name, i) => ({
          planYearId: plan.id,
          seq: i + 1,
          name,
          units: { lead: ['住建局'], partners: [], implementers: [] },
        })),
      )
      .returning({ id: candidates.id, seq: candidates.seq }),
  );
  return rows.sort((a, b) => a.seq - b.seq).map((r) => r.id);
}

/** A roll of n deputies in delegations of ten. */
export function roll(n: number): Array<{ name: string; delegation: string }> {
  return Array.from({ length: n }, (_, i) => ({
    name: `代表${String(i + 1).padStart(4, '0')}`,
    delegation: `第${Math.floor(i / 10) + 1}代表团`,
  }));
}

/** Approval marks: 赞成 for the given candidate ids, 反对 for the rest. */
export function approve(all: readonly string[], yes: readonly string[]): Record<string, string> {
  return Object.fromEntries(all.map((id) => [id, yes.includes(id) ? 'yes' : 'no']));
}
