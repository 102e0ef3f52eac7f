/**
 * 满意度测评: turning the ratings of one project into a verdict.
 *
 * The default follows 镇海区人大常委会's published rule: "满意票达到全体组成人员半数以上的，为测评满意；
 * 满意票不足半数，但加基本满意票达到半数以上的，为测评基本满意；满意票加基本满意票不足半数的（含半数），
 * 为测评不满意" — so exactly half is not enough, and the half is of everyone entitled to rate (the roll),
 * not of those who happened to hand in a ballot. Places differ, so the rule is data: which count is
 * "all raters", and how large a share each verdict needs.
 */

export const EVALUATION_MARKS = ['满意', '基本满意', '不满意'] as const;
export type EvaluationMark = (typeof EVALUATION_MARKS)[number];
export type EvaluationVerdict = EvaluationMark;

/** The ratings of one project. `blank`: ballots returned with this project left unmarked. */
export interface EvaluationCounts {
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  blank: number;
}

/**
 * Who counts as "all raters":
 * - `roll`: everyone entitled to rate (应到人数, 全体组成人员), whether or not they returned a ballot;
 * - `ballots`: every ballot returned, including those that left this project blank;
 * - `marked`: only the ballots that marked this project.
 */
export type RaterBase = 'roll' | 'ballots' | 'marked';

/** A share of the raters: more than numerator/denominator, or at least it when `inclusive`. */
export interface Share {
  numerator: number;
  denominator: number;
  inclusive: boolean;
}

export interface SatisfactionRule {
  base: RaterBase;
  /** 满意 votes needed for 满意. */
  satisfied: Share;
  /** 满意 + 基本满意 votes needed for 基本满意. */
  satisfiedOrBasic: Share;
}

const MORE_THAN_HALF: Share = { numerator: 1, denominator: 2, inclusive: false };

/** 镇海: more than half of the roll, for both verdicts. */
export const DEFAULT_SATISFACTION_RULE: SatisfactionRule = {
  base: 'roll',
  satisfied: MORE_THAN_HALF,
  satisfiedOrBasic: MORE_THAN_HALF,
};

export function ballotsOf(counts: EvaluationCounts): number {
  return counts.satisfied + counts.basicallySatisfied + counts.dissatisfied + counts.blank;
}

/** How many raters the shares are taken of. `roll` is required when the rule's base is the roll. */
export function ratersFor(counts: EvaluationCounts, rule: SatisfactionRule, roll?: number): number {
  assertCounts(counts);
  switch (rule.base) {
    case 'roll':
      if (roll === undefined)
        throw new RangeError('the rule counts raters on the roll, but no roll was given');
      if (!Number.isInteger(roll) || roll < ballotsOf(counts)) {
        throw new RangeError(`roll ${roll} is not a whole number at least the ${ballotsOf(counts)} ballots`);
      }
      return roll;
    case 'ballots':
      return ballotsOf(counts);
    case 'marked':
      return counts.satisfied + counts.basicallySatisfied + counts.dissatisfied;
  }
}

/** Exact integer comparison: votes / raters against the share, without floating point. */
export function reaches(votes: number, raters: number, share: Share): boolean {
  const left = votes * share.denominator;
  const right = share.numerator * raters;
  return share.inclusive ? left >= right : left > right;
}

/**
 * 满意 when 满意 reaches the rule's share of all raters; else 基本满意 when 满意 + 基本满意 does; else
 * 不满意. With no raters at all nothing reaches a share of them: 不满意.
 */
export function evaluationVerdict(
  counts: EvaluationCounts,
  rule: SatisfactionRule = DEFAULT_SATISFACTION_RULE,
  roll?: number,
): EvaluationVerdict {
  assertShare(rule.satisfied);
  assertShare(rule.satisfiedOrBasic);
  const raters = ratersFor(counts, rule, roll);
  if (raters > 0 && reaches(counts.satisfied, raters, rule.satisfied)) return '满意';
  if (raters > 0 && reaches(counts.satisfied + counts.basicallySatisfied, raters, rule.satisfiedOrBasic)) {
    return '基本满意';
  }
  return '不满意';
}

/** The rule in the words a bulletin would use. */
export function describeRule(rule: SatisfactionRule): string {
  const base = { roll: '应到人数', ballots: '收回票数', marked: '对该项目作出评价的票数' }[rule.base];
  const share = (s: Share) =>
    `${s.inclusive ? '达到' : '超过'}${base}的${s.numerator === 1 && s.denominator === 2 ? '半数' : `${s.numerator}/${s.denominator}`}`;
  return `满意票${share(rule.satisfied)}为满意；否则满意与基本满意票之和${share(rule.satisfiedOrBasic)}为基本满意；否则为不满意`;
}

function assertCounts(counts: EvaluationCounts): void {
  for (const [name, value] of Object.entries(counts)) {
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  }
}

function assertShare(share: Share): void {
  if (!Number.isInteger(share.numerator) || !Number.isInteger(share.denominator) || share.denominator <= 0) {
    throw new RangeError(
      `a share needs whole numbers and a positive denominator, got ${JSON.stringify(share)}`,
    );
  }
  if (share.numerator < 0 || share.numerator > share.denominator) {
    throw new RangeError(`a share lies between 0 and 1, got ${share.numerator}/${share.denominator}`);
  }
}
