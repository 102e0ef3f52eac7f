import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { can } from '../../../kernel/policy';
import type { AppDeps } from '../../../server/deps';
import { findPlanYear } from '../../plans';
import { loadPlanDocument, resolveLightRule } from '../../progress';
import { DEFAULT_LIGHT_RULE } from '../../progress/lights.rules';
import { supervisionAsOf } from '../../supervision';
import { assessPlan } from '../bulletin.rules';
import { bulletinMarkdown } from '../bulletin-text.rules';
import { hasSatisfactionResults, ratedBy, satisfactionMarkdown } from '../satisfaction.rules';
import { supervisionMarkdown } from '../supervision-text.rules';
import { loadSatisfaction } from './satisfaction';

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
  // The plan year's satisfaction results, once there are any by the bulletin's date: the deputies'
  // count once it closed, residents' ratings once the plan period is over.
  const satisfaction = await loadSatisfaction(deps, actor, input.regionCode, input.year);
  const rated = hasSatisfactionResults(satisfaction) && ratedBy(satisfaction, plan.period.end, input.asOf);
  // 督办 as it stood on the bulletin's date: what was issued by then, judged on that day.
  const supervision = await supervisionAsOf(deps.db, input.regionCode, input.year, input.asOf);
  const text = () =>
    bulletinMarkdown(assessment, plan, {
      lightRule: rule?.ok ? rule.rule : DEFAULT_LIGHT_RULE,
      moreSections: (n) => {
        const sections: string[][] = [];
        if (supervision) sections.push(supervisionMarkdown(supervision, n, plan.year));
        if (rated) sections.push(satisfactionMarkdown(satisfaction, n + sections.length, plan.year));
        return sections.flatMap((lines, i) => (i === 0 ? lines : ['', ...lines]));
      },
    });
  const contentType = BULLETIN_CONTENT_TYPES[input.format];
  switch (input.format) {
    case 'json':
      return {
        body: `${JSON.stringify(
          { ...assessment, ...(supervision ? { supervision } : {}), ...(rated ? { satisfaction } : {}) },
          null,
          2,
        )}\n`,
        contentType,
      };
    case 'md':
      return { body: text(), contentType };
    // The writers load docx and exceljs on first use (~28 MB a server would otherwise hold from start).
    case 'docx': {
      const { bulletinDocx } = await import('../bulletin-docx');
      return { body: await bulletinDocx(text()), contentType };
    }
    case 'xlsx': {
      const { bulletinXlsx } = await import('../bulletin-xlsx');
      return {
        body: await bulletinXlsx(assessment, plan, rated ? satisfaction : undefined, supervision),
        contentType,
      };
    }
  }
}
