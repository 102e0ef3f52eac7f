import { describe, expect, it } from 'vitest';
import {
  ballotsOf,
  DEFAULT_SATISFACTION_RULE,
  describeRule,
  type EvaluationCounts,
  evaluationVerdict,
  ratersFor,
  reaches,
  type SatisfactionRule,
} from './evaluation.rules';

const counts = (
  satisfied: number,
  basicallySatisfied: number,
  dissatisfied: number,
  blank = 0,
): EvaluationCounts => ({
  satisfied,
  basicallySatisfied,
  dissatisfied,
  blank,
});

const ON_BALLOTS: SatisfactionRule = { ...DEFAULT_SATISFACTION_RULE, base: 'ballots' };
const ON_MARKED: SatisfactionRule = { ...DEFAULT_SATISFACTION_RULE, base: 'marked' };

describe('evaluationVerdict with the default rule (镇海: more than half of the roll)', () => {
  it('gives 满意 when 满意 votes exceed half the roll', () => {
    expect(evaluationVerdict(counts(3, 0, 0), DEFAULT_SATISFACTION_RULE, 5)).toBe('满意');
    expect(evaluationVerdict(counts(16, 0, 0), DEFAULT_SATISFACTION_RULE, 30)).toBe('满意');
    expect(evaluationVerdict(counts(15, 0, 0), DEFAULT_SATISFACTION_RULE, 30)).toBe('不满意');
  });

  it('does not give 满意 for exactly half', () => {
    expect(evaluationVerdict(counts(2, 0, 2), DEFAULT_SATISFACTION_RULE, 4)).toBe('不满意');
    expect(evaluationVerdict(counts(2, 1, 1), DEFAULT_SATISFACTION_RULE, 4)).toBe('基本满意');
  });

  it('gives 基本满意 when 满意 and 基本满意 together exceed half', () => {
    expect(evaluationVerdict(counts(1, 2, 2), DEFAULT_SATISFACTION_RULE, 5)).toBe('基本满意');
  });

  it('gives 不满意 when 满意 and 基本满意 together are half or less (含半数)', () => {
    expect(evaluationVerdict(counts(1, 1, 2), DEFAULT_SATISFACTION_RULE, 4)).toBe('不满意');
    expect(evaluationVerdict(counts(0, 0, 5), DEFAULT_SATISFACTION_RULE, 5)).toBe('不满意');
  });

  it('counts the absent against the verdict: half of the roll, not of the ballots returned', () => {
    // 3 of 4 ballots say 满意, but 10 were entitled to rate.
    expect(evaluationVerdict(counts(3, 1, 0), DEFAULT_SATISFACTION_RULE, 10)).toBe('不满意');
    expect(evaluationVerdict(counts(3, 1, 0), ON_BALLOTS)).toBe('满意');
  });

  it('agrees with 镇海’s published 2021 results: 29 members present, every project 满意', () => {
    const table = [
      [28, 1, 0],
      [20, 8, 1],
      [26, 3, 0],
      [29, 0, 0],
      [17, 11, 1],
      [26, 3, 0],
      [17, 11, 1],
      [28, 1, 0],
    ];
    for (const [s, b, d] of table)
      expect(evaluationVerdict(counts(s!, b!, d!), DEFAULT_SATISFACTION_RULE, 29)).toBe('满意');
  });

  it('needs the roll', () => {
    expect(() => evaluationVerdict(counts(1, 0, 0))).toThrow(/roll/u);
  });

  it('refuses a roll smaller than the ballots, and counts that are not whole numbers ≥ 0', () => {
    expect(() => evaluationVerdict(counts(3, 2, 1), DEFAULT_SATISFACTION_RULE, 5)).toThrow(RangeError);
    expect(() => evaluationVerdict(counts(-1, 0, 0), ON_BALLOTS)).toThrow(RangeError);
    expect(() => evaluationVerdict(counts(1.5, 0, 0), ON_BALLOTS)).toThrow(RangeError);
    expect(() => evaluationVerdict(counts(1, 0, 0), DEFAULT_SATISFACTION_RULE, 2.5)).toThrow(RangeError);
  });

  it('gives 不满意 when nobody rated', () => {
    expect(evaluationVerdict(counts(0, 0, 0), ON_BALLOTS)).toBe('不满意');
    expect(evaluationVerdict(counts(0, 0, 0, 3), ON_MARKED)).toBe('不满意');
  });
});

describe('other bases', () => {
  it('on ballots, a blank ballot still counts as a rater', () => {
    expect(evaluationVerdict(counts(2, 0, 0, 2), ON_BALLOTS)).toBe('不满意');
    expect(ratersFor(counts(2, 0, 0, 2), ON_BALLOTS)).toBe(4);
  });

  it('on marked ballots, a blank does not', () => {
    expect(evaluationVerdict(counts(2, 0, 0, 2), ON_MARKED)).toBe('满意');
    expect(ratersFor(counts(2, 0, 0, 2), ON_MARKED)).toBe(2);
  });
});

describe('other shares', () => {
  it('can require two thirds, or accept exactly the share', () => {
    const twoThirds: SatisfactionRule = {
      base: 'ballots',
      satisfied: { numerator: 2, denominator: 3, inclusive: true },
      satisfiedOrBasic: { numerator: 1, denominator: 2, inclusive: true },
    };
    expect(evaluationVerdict(counts(4, 2, 0), twoThirds)).toBe('满意');
    expect(evaluationVerdict(counts(3, 0, 3), twoThirds)).toBe('基本满意');
    expect(evaluationVerdict(counts(2, 0, 4), twoThirds)).toBe('不满意');
  });

  it('refuses shares that are not fractions between 0 and 1', () => {
    const bad = (numerator: number, denominator: number): SatisfactionRule => ({
      ...ON_BALLOTS,
      satisfied: { numerator, denominator, inclusive: false },
    });
    expect(() => evaluationVerdict(counts(1, 0, 0), bad(1, 0))).toThrow(RangeError);
    expect(() => evaluationVerdict(counts(1, 0, 0), bad(3, 2))).toThrow(RangeError);
    expect(() => evaluationVerdict(counts(1, 0, 0), bad(-1, 2))).toThrow(RangeError);
    expect(() => evaluationVerdict(counts(1, 0, 0), bad(0.5, 1))).toThrow(RangeError);
  });
});

describe('every combination up to 12 raters', () => {
  // The rule written the plain way, with rationals as floats (exact for these small numbers).
  function reference(c: EvaluationCounts, rule: SatisfactionRule, roll: number): string {
    const raters =
      rule.base === 'roll' ? roll : rule.base === 'ballots' ? ballotsOf(c) : ballotsOf(c) - c.blank;
    const over = (votes: number, s: SatisfactionRule['satisfied']) =>
      raters > 0 &&
      (s.inclusive
        ? votes / raters >= s.numerator / s.denominator
        : votes / raters > s.numerator / s.denominator);
    if (over(c.satisfied, rule.satisfied)) return '满意';
    if (over(c.satisfied + c.basicallySatisfied, rule.satisfiedOrBasic)) return '基本满意';
    return '不满意';
  }

  it('matches the plain reading of each rule', () => {
    const rules: SatisfactionRule[] = [
      DEFAULT_SATISFACTION_RULE,
      ON_BALLOTS,
      ON_MARKED,
      {
        base: 'roll',
        satisfied: { numerator: 2, denominator: 3, inclusive: true },
        satisfiedOrBasic: { numerator: 1, denominator: 2, inclusive: false },
      },
    ];
    let checked = 0;
    for (let roll = 0; roll <= 12; roll++)
      for (let s = 0; s <= roll; s++)
        for (let b = 0; s + b <= roll; b++)
          for (let d = 0; s + b + d <= roll; d++)
            for (let blank = 0; s + b + d + blank <= roll; blank++)
              for (const rule of rules) {
                const c = counts(s, b, d, blank);
                expect(
                  evaluationVerdict(c, rule, roll),
                  `${JSON.stringify(c)} roll ${roll} ${rule.base}`,
                ).toBe(reference(c, rule, roll));
                checked++;
              }
    expect(checked).toBeGreaterThan(10_000);
  });
});

describe('reaches and describeRule', () => {
  it('compares exactly', () => {
    expect(reaches(1, 2, { numerator: 1, denominator: 2, inclusive: false })).toBe(false);
    expect(reaches(1, 2, { numerator: 1, denominator: 2, inclusive: true })).toBe(true);
    expect(reaches(333_334, 1_000_000, { numerator: 1, denominator: 3, inclusive: false })).toBe(true);
  });

  it('says the rule in Chinese', () => {
    expect(describeRule(DEFAULT_SATISFACTION_RULE)).toBe(
      '满意票超过应到人数的半数为满意；否则满意与基本满意票之和超过应到人数的半数为基本满意；否则为不满意',
    );
    expect(
      describeRule({ ...ON_MARKED, satisfied: { numerator: 2, denominator: 3, inclusive: true } }),
    ).toMatch(/^满意票达到对该项目作出评价的票数的2\/3为满意/u);
  });
});
