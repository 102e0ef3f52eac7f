import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { can, scopesFor } from '../../../kernel/policy';
import type { AppDeps } from '../../../server/deps';
import { findRegion } from '../../regions/regions.repository';
import { findPlanYear, insertPlanYear, planYearsWithin } from '../plans.repository';
import { defaultPeriod, PLAN_STAGE_LABELS, type PlanStage } from '../plans.rules';

export async function listPlanYears(deps: AppDeps, actor: Actor) {
  const scopes = scopesFor(actor, 'plan.read');
  if (scopes.length === 0) throw new DomainError('FORBIDDEN');
  const rows = await planYearsWithin(deps.db, scopes);
  return {
    items: rows.map((r) => ({ ...r, stageLabel: PLAN_STAGE_LABELS[r.stage as PlanStage] ?? r.stage })),
  };
}

export async function openPlanYear(
  deps: AppDeps,
  actor: Actor | string,
  input: { regionCode: string; year: number; title?: string | null; stage?: PlanStage },
) {
  if (typeof actor !== 'string' && !can(actor, 'plan.manage', { regionCode: input.regionCode })) {
    throw new DomainError('OUT_OF_SCOPE');
  }
  const period = defaultPeriod(input.year);
  return writeTransaction(deps.db, actor, async (tx) => {
    if (!(await findRegion(tx, input.regionCode)))
      throw new DomainError('REGION_NOT_FOUND', { field: 'regionCode' });
    if (await findPlanYear(tx, input.regionCode, input.year))
      throw new DomainError('PLAN_YEAR_EXISTS', { field: 'year' });
    return insertPlanYear(tx, {
      regionCode: input.regionCode,
      year: input.year,
      title: input.title ?? null,
      stage: input.stage ?? 'solicit',
      periodStart: period.start,
      periodEnd: period.end,
    });
  });
}
