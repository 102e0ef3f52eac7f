import { describe, expect, it } from 'vitest';
import {
  checkCriteria,
  checkScores,
  DEFAULT_CRITERIA,
  formatTotal,
  rankCandidates,
  scoreTenths,
  weightedTotalMillis,
} from './screening.rules';

const all = (a: number, b: number, c: number, d: number) => ({
  普惠性: a,
  实效性: b,
  可行性: c,
  目标可量化: d,
});

describe('screening criteria', () => {
  it('ships 普惠性, 实效性, 可行性, 目标可量化 with weights adding up to 100', () => {
    expect(DEFAULT_CRITERIA.map((c) => c.name)).toEqual(['普惠性', '实效性', '可行性', '目标可量化']);
    expect(checkCriteria(DEFAULT_CRITERIA)).toEqual([]);
  });

  it('refuses weights that do not add up to 100, saying the sum', () => {
    expect(
      checkCriteria([
        { name: '普惠性', weight: 50 },
        { name: '可行性', weight: 40 },
      ]),
    ).toEqual([{ field: 'criteria', message: '各项权重之和应为 100%，现为 90%' }]);
    expect(
      checkCriteria([
        { name: '普惠性', weight: 60 },
        { name: '可行性', weight: 50 },
      ])[0]!.message,
    ).toContain('现为 110%');
  });

  it('accepts a single criterion weighing 100', () => {
    expect(checkCriteria([{ name: '综合', weight: 100 }])).toEqual([]);
  });

  it('names the criterion with a weight that is not a whole percent from 1 to 100', () => {
    for (const weight of [0, -10, 101, 12.5, Number.NaN]) {
      const problems = checkCriteria([
        { name: '普惠性', weight },
        { name: '可行性', weight: 100 - weight },
      ]);
      expect(problems[0]).toMatchObject({ field: 'criteria.0.weight' });
      expect(problems[0]!.message).toContain('普惠性');
    }
  });

  it('refuses no criteria, blank names, repeated names and more than eight', () => {
    expect(checkCriteria([])).toEqual([{ field: 'criteria', message: '至少需要一项评分标准' }]);
    expect(checkCriteria([{ name: ' ', weight: 100 }])[0]).toMatchObject({ field: 'criteria.0.name' });
    expect(
      checkCriteria([
        { name: '可行性', weight: 50 },
        { name: ' 可行性 ', weight: 50 },
      ])[0],
    ).toEqual({ field: 'criteria.1.name', message: '第 2 项评分标准“可行性”与第 1 项重名' });
    const nine = Array.from({ length: 9 }, (_, i) => ({ name: `标准${i}`, weight: i === 0 ? 92 : 1 }));
    expect(checkCriteria(nine)).toContainEqual({ field: 'criteria', message: '评分标准最多 8 项' });
  });
});

describe('scores', () => {
  it('takes 0 to 100 with at most one decimal', () => {
    expect(scoreTenths(0)).toBe(0);
    expect(scoreTenths(100)).toBe(1000);
    expect(scoreTenths(87.5)).toBe(875);
    expect(scoreTenths(0.1)).toBe(1);
    for (const bad of [-0.1, 100.1, 87.55, Number.NaN, Number.POSITIVE_INFINITY])
      expect(scoreTenths(bad)).toBeNull();
  });

  it('names each bad score and each unknown criterion', () => {
    expect(checkScores(DEFAULT_CRITERIA, { 普惠性: 101, 实效性: 80, 紧迫性: 70 })).toEqual([
      { field: 'scores.普惠性', message: '“普惠性”的得分应为 0 到 100 之间的数，最多一位小数' },
      { field: 'scores.紧迫性', message: '没有名为“紧迫性”的评分标准' },
    ]);
    expect(checkScores(DEFAULT_CRITERIA, all(90, 80, 70, 60))).toEqual([]);
  });
});

describe('the weighted total', () => {
  it('weighs each score by its criterion, exactly', () => {
    // 90×30% + 80×30% + 70×20% + 60×20% = 27 + 24 + 14 + 12 = 77
    expect(weightedTotalMillis(DEFAULT_CRITERIA, all(90, 80, 70, 60))).toBe(77_000);
    // 0.1×30% = 0.03: no float drift
    expect(weightedTotalMillis(DEFAULT_CRITERIA, all(0.1, 0, 0, 0))).toBe(30);
    expect(weightedTotalMillis(DEFAULT_CRITERIA, all(100, 100, 100, 100))).toBe(100_000);
  });

  it('is unknown until every criterion is scored', () => {
    expect(weightedTotalMillis(DEFAULT_CRITERIA, { 普惠性: 90, 实效性: 80, 可行性: 70 })).toBeNull();
  });

  it('ignores scores of criteria no longer in use', () => {
    expect(weightedTotalMillis([{ name: '普惠性', weight: 100 }], all(90, 10, 10, 10))).toBe(90_000);
  });

  it('reads with up to two decimals', () => {
    expect(formatTotal(77_000)).toBe('77');
    expect(formatTotal(77_350)).toBe('77.35');
    expect(formatTotal(30)).toBe('0.03');
    expect(formatTotal(0)).toBe('0');
  });
});

describe('ranking', () => {
  it('puts the highest total first', () => {
    const ranked = rankCandidates(DEFAULT_CRITERIA, [
      { id: 'a', seq: 1, scores: all(60, 60, 60, 60) },
      { id: 'b', seq: 2, scores: all(90, 90, 90, 90) },
      { id: 'c', seq: 3, scores: all(75, 75, 75, 75) },
    ]);
    expect(ranked).toEqual([
      { id: 'b', total: 90, rank: 1, tied: false },
      { id: 'c', total: 75, rank: 2, tied: false },
      { id: 'a', total: 60, rank: 3, tied: false },
    ]);
  });

  it('gives equal totals the same rank and skips the next (1, 2, 2, 4), keeping list order', () => {
    const ranked = rankCandidates(DEFAULT_CRITERIA, [
      { id: 'd', seq: 4, scores: all(50, 50, 50, 50) },
      { id: 'c', seq: 3, scores: all(80, 80, 80, 80) },
      // 100×30% + 60×30% + 80×20% + 80×20% = 80: equal to c by another route
      { id: 'b', seq: 2, scores: all(100, 60, 80, 80) },
      { id: 'a', seq: 1, scores: all(95, 95, 95, 95) },
    ]);
    expect(ranked.map((r) => [r.id, r.rank, r.tied])).toEqual([
      ['a', 1, false],
      ['b', 2, true],
      ['c', 2, true],
      ['d', 4, false],
    ]);
  });

  it('tells totals apart that differ by a thousandth of a point', () => {
    const ranked = rankCandidates(DEFAULT_CRITERIA, [
      { id: 'a', seq: 1, scores: all(80, 80, 80, 80) },
      { id: 'b', seq: 2, scores: all(80.1, 80, 80, 80) },
    ]);
    expect(ranked.map((r) => [r.id, r.rank, r.tied])).toEqual([
      ['b', 1, false],
      ['a', 2, false],
    ]);
    expect(ranked[0]!.total).toBe(80.03);
  });

  it('leaves candidates not fully scored unranked, after the others, in list order', () => {
    const ranked = rankCandidates(DEFAULT_CRITERIA, [
      { id: 'c', seq: 3, scores: {} },
      { id: 'a', seq: 1, scores: { 普惠性: 100 } },
      { id: 'b', seq: 2, scores: all(10, 10, 10, 10) },
    ]);
    expect(ranked).toEqual([
      { id: 'b', total: 10, rank: 1, tied: false },
      { id: 'a', total: null, rank: null, tied: false },
      { id: 'c', total: null, rank: null, tied: false },
    ]);
  });

  it('ranks an empty list as empty and everyone tied when all totals are equal', () => {
    expect(rankCandidates(DEFAULT_CRITERIA, [])).toEqual([]);
    const ranked = rankCandidates(DEFAULT_CRITERIA, [
      { id: 'x', seq: 1, scores: all(70, 70, 70, 70) },
      { id: 'y', seq: 2, scores: all(70, 70, 70, 70) },
    ]);
    expect(ranked.map((r) => [r.rank, r.tied])).toEqual([
      [1, true],
      [1, true],
    ]);
  });
});
