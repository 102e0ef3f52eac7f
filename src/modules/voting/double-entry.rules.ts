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

export function compareApprovalEntries(
  first: EnteredSheet<ApprovalBallot>,
  second: EnteredSheet<ApprovalBallot>,
): string[] {
  return compareEntries(first, second, (b, name) => MARK_LABELS[b.marks[name] ?? 'abstain']);
}

export function compareRankingEntries(
  first: EnteredSheet<RankingBallot>,
  second: EnteredSheet<RankingBallot>,
): string[] {
  return compareEntries(first, second, (b, name) => {
    const rank = b.ranks[name];
    return rank === undefined ? '空白' : `第 ${rank} 名`;
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
