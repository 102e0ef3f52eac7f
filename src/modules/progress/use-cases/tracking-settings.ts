import { eq } from 'drizzle-orm';
import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { can } from '../../../kernel/policy';
import type { AppDeps } from '../../../server/deps';
import { findPlanYear, planYears } from '../../plans';
import { LIGHT_PRESETS, resolveLightRule } from '../lights.rules';
import { formatProblem } from '../problems.rules';

export interface TrackingSettings {
  /** Day of the next month by which monthly reports are due (1–28). */
  reportingDay?: number;
  /** A preset name (yinchuan, wuhan, sanya, dazu), the region's own bands, or null for the default. */
  lightRule?: string | Record<string, unknown> | null;
}

/** The coordinator sets when reports are due and which traffic-light rule the region uses. */
export async function setTrackingSettings(
  deps: AppDeps,
  actor: Actor,
  regionCode: string,
  year: number,
  input: TrackingSettings,
) {
  if (!can(actor, 'plan.manage', { regionCode })) throw new DomainError('OUT_OF_SCOPE');
  if (input.lightRule !== undefined && input.lightRule !== null) {
    const parsed = resolveLightRule(input.lightRule);
    if (!parsed.ok) {
      throw new DomainError('VALIDATION_FAILED', {
        field: 'lightRule',
        message: parsed.problems.map(formatProblem).join('；'),
        details: parsed.problems,
      });
    }
  }
  return writeTransaction(deps.db, actor, async (tx) => {
    const planYear = await findPlanYear(tx, regionCode, year);
    if (!planYear) throw new DomainError('PLAN_YEAR_NOT_FOUND');
    const [updated] = await tx
      .update(planYears)
      .set({ reportingDay: input.reportingDay, lightRule: input.lightRule })
      .where(eq(planYears.id, planYear.id))
      .returning();
    return { reportingDay: updated!.reportingDay, lightRule: updated!.lightRule };
  });
}

export const LIGHT_PRESET_CHOICES = Object.entries(LIGHT_PRESETS).map(([key, rule]) => ({
  key,
  name: rule.name,
}));
