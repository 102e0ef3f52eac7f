import { type ApprovalBallot, MARK_LABELS, type RankingBallot } from './tally.rules';

/**
 * Paper ballots are typed in twice, by two clerks, and count only when both entries agree
 * (DOMAIN.md). The comparison is by 票号, cell by cell; each difference is a sentence naming the row
 * of the second entry and the candidate, so the clerks can go back to the paper ballot.
 */
export interface EnteredSheet<B> {
  readonly candidates: readonly string[];
  readonly ballots: readonly B[];
  /** Source row of each ballot. */
  readonly rows: readonly number[];
}

const showMark = (b: ApprovalBallot, name: string) => MARK_LABELS[b.marks[name] ?? 'abstain'];
const showRank = (b: RankingBallot, name: string) => {
  const rank = b.ranks[name];
  return rank === undefined ? '空白' : `第 ${rank} 名`;
};

export function compareApprovalEntries(
  first: EnteredSheet<ApprovalBallot>,
  second: EnteredSheet<ApprovalBallot>,
): string[] {
  return compareEntries(first, second, showMark);
}

export function compareRankingEntries(
  first: EnteredSheet<RankingBallot>,
  second: EnteredSheet<RankingBallot>,
): string[] {
  return compareEntries(first, second, showRank);
}

/** One cell two entries of the same paper ballot disagree on, in the words of the ballot. */
export interface CellDifference {
  readonly candidate: string;
  readonly first: string;
  readonly second: string;
}

/** The cells where two clerks' entries of one paper ballot differ (empty: they agree). */
export function approvalCellDifferences(
  candidates: readonly string[],
  first: ApprovalBallot,
  second: ApprovalBallot,
): CellDifference[] {
  return cellDifferences(candidates, first, second, showMark);
}

export function rankingCellDifferences(
  candidates: readonly string[],
  first: RankingBallot,
  second: RankingBallot,
): CellDifference[] {
  return cellDifferences(candidates, first, second, showRank);
}

function cellDifferences<B>(
  candidates: readonly string[],
  first: B,
  second: B,
  show: (ballot: B, candidate: string) => string,
): CellDifference[] {
  return candidates.flatMap((candidate) => {
    const a = show(first, candidate);
    const b = show(second, candidate);
    return a === b ? [] : [{ candidate, first: a, second: b }];
  });
}

function compareEntries<B extends { readonly id?: string }>(
  first: EnteredSheet<B>,
  second: EnteredSheet<B>,
  show: (ballot: B, candidate: string) => string,
): string[] {
  if (first.candidates.join('\t') !== second.candidates.join('\t')) {
    return ['两次录入的表头不一致：候选项目或其顺序不同'];
  }
  const differences: string[] = [];
  const firstById = new Map(first.ballots.map((b, i) => [b.id ?? '', { ballot: b, row: first.rows[i]! }]));
  const secondIds = new Set<string>();
  second.ballots.forEach((ballot, i) => {
    const id = ballot.id ?? '';
    const row = second.rows[i]!;
    secondIds.add(id);
    const match = firstById.get(id);
    if (!match) {
      differences.push(`第二次录入第 ${row} 行的票号“${id}”在第一次录入中没有`);
      return;
    }
    for (const name of second.candidates) {
      const a = show(match.ballot, name);
      const b = show(ballot, name);
      if (a !== b) {
        differences.push(
          `票号“${id}”的“${name}”两次录入不一致：第一次（第 ${match.row} 行）为“${a}”，第二次（第 ${row} 行）为“${b}”`,
        );
      }
    }
  });
  for (const [id, { row }] of firstById) {
    if (!secondIds.has(id)) differences.push(`第一次录入第 ${row} 行的票号“${id}”在第二次录入中没有`);
  }
  return differences;
}
