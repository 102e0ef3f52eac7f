import { DomainError } from '../../kernel/errors';
import {
  type ApprovalBallot,
  type ApprovalOptions,
  type ApprovalTally,
  badBallot,
  ballotLabel,
  ballotName,
  checkCount,
  checkOptions,
  decide,
  MARK_LABELS,
  type VoidedBallot,
} from './session.rules';

/**
 * Approval ballots, the default: each candidate marked 赞成/反对/弃权, an unmarked candidate is 弃权,
 * a ballot with more 赞成 than `maxYes` (default: the seats) is void and none of its marks count —
 * unless the rule hands such ballots back (`overfull: 'refuse'`): then one in the pile is an error
 * naming it, and nothing is counted. Support and score are both the 赞成 votes.
 */
export function tallyApproval(ballots: readonly ApprovalBallot[], options: ApprovalOptions): ApprovalTally {
  const maxYes = options.maxYes === undefined ? options.seats : options.maxYes;
  const overfull = options.overfull ?? 'void';
  checkOptions(options);
  if (maxYes !== null) checkCount(maxYes, 1, Number.MAX_SAFE_INTEGER, 'maxYes', '每票最多赞成数');
  if (overfull !== 'void' && overfull !== 'refuse') {
    throw new DomainError('VALIDATION_FAILED', {
      field: 'overfull',
      message: '赞成超额的选票只能计为无效票（void）或不予接收（refuse）',
    });
  }
  const counts = new Map(options.candidates.map((name) => [name, { yes: 0, no: 0, abstain: 0 }]));
  const voided: VoidedBallot[] = [];
  ballots.forEach((ballot, index) => {
    const label = ballotLabel(ballot, index);
    for (const [name, mark] of Object.entries(ballot.marks)) {
      if (!counts.has(name)) throw badBallot(`${label}中的“${name}”不是本次候选项目`);
      if (mark !== undefined && !Object.hasOwn(MARK_LABELS, mark))
        throw badBallot(`${label}对“${name}”的标记无法识别`);
    }
    const yes = Object.values(ballot.marks).filter((m) => m === 'yes').length;
    if (maxYes !== null && yes > maxYes) {
      const limit = maxYes === options.seats ? `应选名额 ${maxYes} 项` : `每票最多 ${maxYes} 项`;
      if (overfull === 'refuse') {
        throw new DomainError('BALLOT_TOO_MANY_YES', {
          field: 'ballots',
          message: `${label}赞成 ${yes} 项，超过${limit}；按本次规则超额的选票不予接收，不应计入，请核对后再统计`,
          details: { index, ballot: ballotName(ballot, index), yes, maxYes },
        });
      }
      voided.push({ ballot: ballotName(ballot, index), reason: `赞成 ${yes} 项，超过${limit}，为无效票` });
      return;
    }
    for (const [name, count] of counts) count[ballot.marks[name] ?? 'abstain']++;
  });

  const outcome = decide(options, ballots.length, voided, (name) => counts.get(name)!.yes, '赞成票');
  return {
    method: 'approval',
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
