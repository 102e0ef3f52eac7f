import { describe, expect, it } from 'vitest';
import { DomainError } from '../../kernel/errors';
import { tallyRanking } from './ranking.rules';
import type { RankingBallot, RankingOptions } from './session.rules';

const CANDIDATES = ['甲', '乙', '丙', '丁'];

/** "2 1 . 3": 甲 ranked 2nd, 乙 1st, 丙 unranked, 丁 3rd. */
function ballots(...rows: Array<[count: number, ranks: string]>): RankingBallot[] {
  let id = 0;
  return rows.flatMap(([count, text]) =>
    Array.from({ length: count }, () => {
      const ranks: Record<string, number> = {};
      text.split(' ').forEach((r, i) => {
        if (r !== '.') ranks[CANDIDATES[i]!] = Number(r);
      });
      id++;
      return { id: String(id), ranks };
    }),
  );
}

const options = (extra: Partial<RankingOptions> = {}): RankingOptions => ({
  method: 'ranking',
  candidates: CANDIDATES,
  seats: 2,
  roll: 10,
  ...extra,
});

describe('tallyRanking: Borda count', () => {
  it('gives n points for a first place, n−1 for a second, nothing when unranked', () => {
    const r = tallyRanking(ballots([4, '1 2 3 4'], [2, '2 1 . .']), options());
    expect(r.candidates).toEqual([
      { name: '甲', points: 4 * 4 + 2 * 3, ranked: 6, passed: true, elected: true },
      { name: '乙', points: 4 * 3 + 2 * 4, ranked: 6, passed: true, elected: true },
      { name: '丙', points: 4 * 2, ranked: 4, passed: false, elected: false },
      { name: '丁', points: 4 * 1, ranked: 4, passed: false, elected: false },
    ]);
    expect(r).toMatchObject({
      method: 'ranking',
      valid: true,
      threshold: 6,
      rule: '列入排序的有效票须超过应到人数（10）的半数，即至少 6 票',
      elected: ['甲', '乙'],
      tied: [],
      openSeats: 0,
    });
  });

  it('leaves every seat open when all candidates tie on points', () => {
    const r = tallyRanking(ballots([3, '1 2 3 4'], [3, '4 3 2 1']), options({ seats: 2 }));
    expect(r.candidates.map((c) => c.points)).toEqual([15, 15, 15, 15]);
    expect(r).toMatchObject({ elected: [], tied: ['甲', '乙', '丙', '丁'], openSeats: 2 });
  });

  it('leaves a seat open on a tie in points at the cut-off', () => {
    const r = tallyRanking(ballots([3, '1 2 3 .'], [3, '1 3 2 .']), options({ seats: 2 }));
    expect(r.candidates.map((c) => c.points)).toEqual([24, 15, 15, 0]);
    expect(r).toMatchObject({ elected: ['甲'], tied: ['乙', '丙'], openSeats: 1 });
  });

  it('reads a threshold of valid ballots', () => {
    const r = tallyRanking(ballots([3, '1 2 . .'], [3, '1 . 2 .']), options({ thresholdBase: 'valid' }));
    expect(r.threshold).toBe(4);
    expect(r.candidates.map((c) => [c.ranked, c.passed])).toEqual([
      [6, true],
      [3, false],
      [3, false],
      [0, false],
    ]);
    expect(r).toMatchObject({ elected: ['甲'], openSeats: 1 });
  });
});

describe('tallyRanking: void ballots', () => {
  it('voids a ballot giving one rank to two candidates', () => {
    const r = tallyRanking(ballots([6, '1 2 . .'], [1, '1 1 . .']), options());
    expect(r.voided).toEqual([{ ballot: '7', reason: '第 1 名写了不止一项，为无效票' }]);
    expect(r.validBallots).toBe(6);
    expect(r.candidates[0]!.points).toBe(24);
  });

  it('voids a ballot ranking more places than allowed', () => {
    const r = tallyRanking(ballots([6, '1 2 3 .']), options({ maxRanked: 2 }));
    expect(r.voidBallots).toBe(6);
    expect(r.voided[0]).toEqual({ ballot: '1', reason: '名次 3 超出了最多可排的 2 名，为无效票' });
  });

  it('voids a rank beyond the number of candidates', () => {
    expect(tallyRanking(ballots([6, '5 . . .']), options()).voided[0]!.reason).toBe(
      '名次 5 超出了最多可排的 4 名，为无效票',
    );
  });

  it('keeps a blank ranking ballot as valid, supporting nobody', () => {
    const r = tallyRanking(ballots([6, '. . . .']), options());
    expect(r).toMatchObject({ validBallots: 6, voidBallots: 0, elected: [], openSeats: 2 });
  });
});

describe('tallyRanking: validity and bad data', () => {
  it('is invalid without a quorum, like approval ballots', () => {
    const r = tallyRanking(ballots([5, '1 2 3 4']), options());
    expect(r.valid).toBe(false);
    expect(r.candidates.every((c) => !c.passed)).toBe(true);
  });

  it('refuses ranks that are not positive whole numbers, and unknown candidates', () => {
    expect(() => tallyRanking([{ id: '1', ranks: { 甲: 0 } }], options())).toThrow(
      '票号 1 的表决票对“甲”的名次“0”不是正整数',
    );
    expect(() => tallyRanking([{ ranks: { 甲: 1.5 } }], options())).toThrow(DomainError);
    expect(() => tallyRanking([{ ranks: { 戊: 1 } }], options())).toThrow(
      '第 1 张表决票中的“戊”不是本次候选项目',
    );
  });

  it('refuses a limit above the number of candidates', () => {
    expect(() => tallyRanking([], options({ maxRanked: 5 }))).toThrow(
      '每票最多排序数（5）不能多于候选项目数（4）',
    );
  });
});
