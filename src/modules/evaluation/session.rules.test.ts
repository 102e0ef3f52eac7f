import { describe, expect, it } from 'vitest';
import { DEFAULT_SATISFACTION_RULE } from './evaluation.rules';
import { checkRatings, countEvaluation, type RatedProject, sameRatings } from './session.rules';

const PROJECTS: RatedProject[] = [
  { id: 'p1', seq: 1, name: '老旧小区改造项目', field: null },
  { id: 'p2', seq: 2, name: '口袋公园建设项目', field: null },
];
const chain = { count: 0, head: '0'.repeat(64) };

describe('checkRatings', () => {
  it('reads every project’s rating, in Chinese or as codes', () => {
    expect(checkRatings(PROJECTS, { p1: '满意', p2: 'basically_satisfied' })).toEqual({
      p1: '满意',
      p2: '基本满意',
    });
  });

  it('sends back a ballot that leaves a project unrated, naming it', () => {
    expect(() => checkRatings(PROJECTS, { p1: '满意' })).toThrow(
      '还有 1 个项目未评价（“口袋公园建设项目”），本票未记录',
    );
  });

  it('refuses a project not on the ballot and a word that is no rating', () => {
    expect(() => checkRatings(PROJECTS, { p1: '满意', p2: '满意', p9: '满意' })).toThrow(
      '不在本次测评范围内',
    );
    expect(() => checkRatings(PROJECTS, { p1: '很好', p2: '满意' })).toThrow(
      '“老旧小区改造项目”的评价“很好”无法识别，应为满意、基本满意或不满意，本票未记录',
    );
  });

  it('compares a retry with the first ballot', () => {
    expect(sameRatings({ p1: '满意', p2: '不满意' }, { p2: '不满意', p1: '满意' })).toBe(true);
    expect(sameRatings({ p1: '满意', p2: '不满意' }, { p1: '满意', p2: '满意' })).toBe(false);
  });
});

describe('countEvaluation', () => {
  const ballots = [
    { choices: { p1: '满意', p2: '基本满意' } },
    { choices: { p1: '满意', p2: '基本满意' } },
    { choices: { p1: '不满意', p2: '基本满意' } },
  ] as const;

  it('gives each project its verdict on the roll, not on the ballots returned', () => {
    const result = countEvaluation({
      projects: PROJECTS,
      ballots,
      roll: 5,
      present: 3,
      rule: DEFAULT_SATISFACTION_RULE,
      chain,
    });
    expect(result.valid).toBe(true);
    // 2 满意 of a roll of 5 is not more than half; 2 满意 + 0 基本满意 neither → 不满意.
    expect(result.projects[0]).toMatchObject({
      counts: { satisfied: 2, dissatisfied: 1 },
      raters: 5,
      verdict: '不满意',
    });
    // 3 基本满意 of 5 is more than half → 基本满意.
    expect(result.projects[1]).toMatchObject({ counts: { basicallySatisfied: 3 }, verdict: '基本满意' });
    const onFour = countEvaluation({
      projects: PROJECTS,
      ballots,
      roll: 3,
      present: 3,
      rule: DEFAULT_SATISFACTION_RULE,
      chain,
    });
    expect(onFour.projects[0]!.verdict).toBe('满意');
  });

  it('declares the evaluation void when more ballots came back than tokens were handed out', () => {
    const result = countEvaluation({
      projects: PROJECTS,
      ballots,
      roll: 5,
      present: 2,
      rule: DEFAULT_SATISFACTION_RULE,
      chain,
    });
    expect(result.valid).toBe(false);
    expect(result.invalidReason).toBe('收回 3 张测评票，多于发出的 2 张，本次测评无效');
  });
});
