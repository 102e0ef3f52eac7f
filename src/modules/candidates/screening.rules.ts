/**
 * 优化比选: the coordinator scores each candidate on named criteria, each with a weight; the weighted
 * total ranks them ("急需先立、成熟先立、好中选优"). Weights are whole percentages adding up to 100;
 * scores run from 0 to 100 with at most one decimal, so every total is exact (no float ties or gaps).
 */
export interface Criterion {
  readonly name: string;
  /** Whole percent; all weights of a plan year add up to 100. */
  readonly weight: number;
}

export const DEFAULT_CRITERIA: readonly Criterion[] = [
  { name: '普惠性', weight: 30 },
  { name: '实效性', weight: 30 },
  { name: '可行性', weight: 20 },
  { name: '目标可量化', weight: 20 },
];

export const MAX_CRITERIA = 8;

export interface RuleProblem {
  /** Path of the input the problem is about, as the form names it ('criteria.1.weight'). */
  readonly field: string;
  readonly message: string;
}

/** Every problem with a set of criteria, in order; empty when it can be used. */
export function checkCriteria(criteria: readonly Criterion[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (criteria.length === 0) return [{ field: 'criteria', message: '至少需要一项评分标准' }];
  if (criteria.length > MAX_CRITERIA)
    problems.push({ field: 'criteria', message: `评分标准最多 ${MAX_CRITERIA} 项` });
  const seen = new Map<string, number>();
  criteria.forEach((c, i) => {
    const name = c.name.trim();
    if (!name) problems.push({ field: `criteria.${i}.name`, message: `第 ${i + 1} 项评分标准没有名称` });
    else if (seen.has(name))
      problems.push({
        field: `criteria.${i}.name`,
        message: `第 ${i + 1} 项评分标准“${name}”与第 ${seen.get(name)! + 1} 项重名`,
      });
    else seen.set(name, i);
    if (!Number.isInteger(c.weight) || c.weight < 1 || c.weight > 100)
      problems.push({
        field: `criteria.${i}.weight`,
        message: `“${name || `第 ${i + 1} 项`}”的权重应为 1 到 100 的整数（百分比）`,
      });
  });
  const sum = criteria.reduce((n, c) => n + (Number.isFinite(c.weight) ? c.weight : 0), 0);
  if (problems.length === 0 && sum !== 100)
    problems.push({ field: 'criteria', message: `各项权重之和应为 100%，现为 ${sum}%` });
  return problems;
}

/** A score in tenths: 0–100 with at most one decimal; null when it is not one. */
export function scoreTenths(score: number): number | null {
  if (!Number.isFinite(score) || score < 0 || score > 100) return null;
  const tenths = Math.round(score * 10);
  return Math.abs(tenths - score * 10) < 1e-6 ? tenths : null;
}

/** Every problem with one candidate's scores against the criteria (unknown names, bad values). */
export function checkScores(criteria: readonly Criterion[], scores: Record<string, number>): RuleProblem[] {
  const names = new Set(criteria.map((c) => c.name));
  const problems: RuleProblem[] = [];
  for (const [name, score] of Object.entries(scores)) {
    if (!names.has(name)) problems.push({ field: `scores.${name}`, message: `没有名为“${name}”的评分标准` });
    else if (scoreTenths(score) === null)
      problems.push({
        field: `scores.${name}`,
        message: `“${name}”的得分应为 0 到 100 之间的数，最多一位小数`,
      });
  }
  return problems;
}

/**
 * The weighted total in thousandths of a point (exact), or null until every criterion is scored.
 * Σ tenths × weight% = total × 1000.
 */
export function weightedTotalMillis(
  criteria: readonly Criterion[],
  scores: Record<string, number>,
): number | null {
  let sum = 0;
  for (const c of criteria) {
    const score = scores[c.name];
    const tenths = score === undefined ? null : scoreTenths(score);
    if (tenths === null) return null;
    sum += tenths * c.weight;
  }
  return sum;
}

/** 87.35 from 87350 thousandths: two decimals are enough to tell totals apart on screen. */
export function formatTotal(millis: number): string {
  return (millis / 1000).toFixed(2).replace(/\.?0+$/, '') || '0';
}

export interface Scored {
  readonly id: string;
  readonly seq: number;
  readonly scores: Record<string, number>;
}

export interface Ranked {
  readonly id: string;
  /** Weighted total (0–100), null while some criterion is unscored. */
  readonly total: number | null;
  /** 1 for the best; equal totals share a rank (1, 2, 2, 4); null while unscored. */
  readonly rank: number | null;
  /** Shares its rank with another candidate. */
  readonly tied: boolean;
}

/**
 * Ranks by weighted total, best first; equal totals share the rank and keep the list's order (序号).
 * Candidates not fully scored come last, unranked, in list order.
 */
export function rankCandidates(criteria: readonly Criterion[], items: readonly Scored[]): Ranked[] {
  const totals = items.map((item) => ({ item, millis: weightedTotalMillis(criteria, item.scores) }));
  const scored = totals
    .filter((t): t is { item: Scored; millis: number } => t.millis !== null)
    .sort((a, b) => b.millis - a.millis || a.item.seq - b.item.seq);
  const unscored = totals.filter((t) => t.millis === null).sort((a, b) => a.item.seq - b.item.seq);
  const count = new Map<number, number>();
  for (const t of scored) count.set(t.millis, (count.get(t.millis) ?? 0) + 1);
  const ranked: Ranked[] = [];
  let rank = 0;
  scored.forEach((t, i) => {
    if (i === 0 || scored[i - 1]!.millis !== t.millis) rank = i + 1;
    ranked.push({ id: t.item.id, total: t.millis / 1000, rank, tied: count.get(t.millis)! > 1 });
  });
  for (const t of unscored) ranked.push({ id: t.item.id, total: null, rank: null, tied: false });
  return ranked;
}
