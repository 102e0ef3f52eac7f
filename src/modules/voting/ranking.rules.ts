import {
  badBallot,
  ballotLabel,
  ballotName,
  checkCount,
  checkOptions,
  decide,
  type RankingBallot,
  type RankingOptions,
  type RankingTally,
  type VoidedBallot,
} from './session.rules';

/**
 * Ranking ballots (排序票决), counted by Borda count: with n candidates, the one a deputy ranks 1st
 * earns n points, 2nd n−1, …, k-th n+1−k; an unranked candidate earns nothing, so ranking a project
 * last still counts for more than leaving it out. A ballot repeating a rank, or using a rank beyond
 * `maxRanked` (default n), is void. Ranking a candidate is supporting it: a candidate passes when
 * ranked on at least `threshold` valid ballots, and passing candidates take seats by points.
 */
export function tallyRanking(ballots: readonly RankingBallot[], options: RankingOptions): RankingTally {
  const n = options.candidates.length;
  const maxRanked = options.maxRanked ?? n;
  checkOptions(options);
  checkCount(maxRanked, 1, n, 'maxRanked', '每票最多排序数', `候选项目数（${n}）`);
  const counts = new Map(options.candidates.map((name) => [name, { points: 0, ranked: 0 }]));
  const voided: VoidedBallot[] = [];
  ballots.forEach((ballot, index) => {
    const label = ballotLabel(ballot, index);
    const entries = Object.entries(ballot.ranks).filter((e): e is [string, number] => e[1] !== undefined);
    for (const [name, rank] of entries) {
      if (!counts.has(name)) throw badBallot(`${label}中的“${name}”不是本次候选项目`);
      if (!Number.isInteger(rank) || rank < 1)
        throw badBallot(`${label}对“${name}”的名次“${rank}”不是正整数`);
    }
    const ranks = entries.map(([, rank]) => rank);
    const repeated = ranks.find((rank, i) => ranks.indexOf(rank) !== i);
    if (repeated !== undefined) {
      voided.push({ ballot: ballotName(ballot, index), reason: `第 ${repeated} 名写了不止一项，为无效票` });
      return;
    }
    const beyond = Math.max(0, ...ranks);
    if (beyond > maxRanked) {
      voided.push({
        ballot: ballotName(ballot, index),
        reason: `名次 ${beyond} 超出了最多可排的 ${maxRanked} 名，为无效票`,
      });
      return;
    }
    for (const [name, rank] of entries) {
      const count = counts.get(name)!;
      count.points += n + 1 - rank;
      count.ranked++;
    }
  });

  const outcome = decide(
    options,
    ballots.length,
    voided,
    (name) => counts.get(name)!.ranked,
    '列入排序的有效票',
    (name) => counts.get(name)!.points,
  );
  return {
    method: 'ranking',
    ...outcome.head,
    candidates: options.candidates.map((name) => ({
      name,
      ...counts.get(name)!,
      passed: outcome.passed(name),
      elected: outcome.seats.elected.includes(name),
    })),
    ...outcome.seats,
  };
}
