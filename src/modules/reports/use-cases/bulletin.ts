import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { can } from '../../../kernel/policy';
import type { AppDeps } from '../../../server/deps';
import { findPlanYear } from '../../plans';
import { loadPlanDocument, resolveLightRule } from '../../progress';
import { assessPlan } from '../bulletin.rules';
import { bulletinMarkdown } from '../bulletin-text.rules';

export const BULLETIN_FORMATS = ['json', 'md', 'docx', 'xlsx'] as const;
export type BulletinFormat = (typeof BULLETIN_FORMATS)[number];

export const BULLETIN_CONTENT_TYPES: Record<BulletinFormat, string> = {
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The progress bulletin of a plan year at a date, in one of the four forms. Reads only. */
export async function renderBulletin(
  deps: AppDeps,
  actor: Actor | string,
  input: { regionCode: string; year: number; asOf: string; format: BulletinFormat },
): Promise<{ body: string | Buffer; contentType: string }> {
  if (typeof actor !== 'string' && !can(actor, 'plan.read', { regionCode: input.regionCode })) {
    throw new DomainError('OUT_OF_SCOPE');
  }
  const plan = await loadPlanDocument(deps.db, input.regionCode, input.year, { allocations: false });
  // Lights by the region's own rule, as the overview shows them.
  const planYear = await findPlanYear(deps.db, input.regionCode, input.year);
  const rule = planYear?.lightRule ? resolveLightRule(planYear.lightRule) : undefined;
  const assessment = assessPlan(plan, input.asOf, rule?.ok ? { lightRule: rule.rule } : {});
  const contentType = BULLETIN_CONTENT_TYPES[input.format];
  switch (input.format) {
    case 'json':
      return { body: `${JSON.stringify(assessment, null, 2)}\n`, contentType };
    case 'md':
      return { body: bulletinMarkdown(assessment, plan), contentType };
    // The writers load docx and exceljs on first use (~28 MB a server would otherwise hold from start).
    case 'docx': {
      const { bulletinDocx } = await import('../bulletin-docx');
      return { body: await bulletinDocx(bulletinMarkdown(assessment, plan)), contentType };
    }
    case 'xlsx': {
      const { bulletinXlsx } = await import('../bulletin-xlsx');
      return { body: await bulletinXlsx(assessment, plan), contentType };
    }
  }
}
