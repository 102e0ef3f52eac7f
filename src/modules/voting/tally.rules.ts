import { tallyApproval } from './approval.rules';
import { tallyRanking } from './ranking.rules';
import type {
  ApprovalBallot,
  ApprovalOptions,
  ApprovalTally,
  RankingBallot,
  RankingOptions,
  RankingTally,
} from './session.rules';

/**
 * The count of a deputies' vote: one entry point for both kinds of ballot (approval by default,
 * ranking when `method: 'ranking'`). The rules live in session.rules.ts (validity, thresholds),
 * selection.rules.ts (seats and ties), approval.rules.ts and ranking.rules.ts.
 */
export function tally(ballots: readonly ApprovalBallot[], options: ApprovalOptions): ApprovalTally;
export function tally(ballots: readonly RankingBallot[], options: RankingOptions): RankingTally;
export function tally(
  ballots: readonly (ApprovalBallot | RankingBallot)[],
  options: ApprovalOptions | RankingOptions,
): ApprovalTally | RankingTally {
  return options.method === 'ranking'
    ? tallyRanking(ballots as RankingBallot[], options)
    : tallyApproval(ballots as ApprovalBallot[], options);
}

export { tallyApproval } from './approval.rules';
export { tallyRanking } from './ranking.rules';
export {
  type ApprovalBallot,
  type ApprovalCount,
  type ApprovalMark,
  type ApprovalOptions,
  type ApprovalTally,
  MARK_LABELS,
  type RankingBallot,
  type RankingCount,
  type RankingOptions,
  type RankingTally,
  THRESHOLD_BASE_LABELS,
  type ThresholdBase,
  type VoidedBallot,
} from './session.rules';
