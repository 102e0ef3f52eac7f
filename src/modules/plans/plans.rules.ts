/** The stages of the yearly cycle, in order (DOMAIN.md). */
export const PLAN_STAGES = [
  'solicit',
  'triage',
  'draft',
  'screen',
  'review',
  'vote',
  'implement',
  'evaluate',
  'closed',
] as const;
export type PlanStage = (typeof PLAN_STAGES)[number];

export const PLAN_STAGE_LABELS: Record<PlanStage, string> = {
  solicit: '公开征集',
  triage: '分类梳理',
  draft: '部门谋划',
  screen: '优化比选',
  review: '会议研究',
  vote: '人大代表票决',
  implement: '组织实施',
  evaluate: '满意度测评',
  closed: '已归档',
};

/** The plan period defaults to the calendar year. */
export function defaultPeriod(year: number): { start: string; end: string } {
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/** Stages move forward one at a time, or back one (a list sent back for rework). */
export function canMoveStage(from: PlanStage, to: PlanStage): boolean {
  const a = PLAN_STAGES.indexOf(from);
  const b = PLAN_STAGES.indexOf(to);
  return Math.abs(a - b) === 1;
}
