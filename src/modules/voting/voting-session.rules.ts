import { DomainError } from '../../kernel/errors';
import type { ThresholdBase } from './session.rules';
import { type ApprovalOptions, type RankingOptions, tally } from './tally.rules';
import { type Fraction, fractionName, MORE_THAN_HALF } from './thresholds.rules';

/**
 * A voting session of a plan year as stored: its life (draft → open → closed → published), its rule
 * with the defaults of DOMAIN.md ("Voting rules"), and how it becomes the options of tally().
 */
export const VOTING_SESSION_STATES = ['draft', 'open', 'closed', 'published'] as const;
export type VotingSessionState = (typeof VOTING_SESSION_STATES)[number];
export const VOTING_SESSION_STATE_LABELS: Record<VotingSessionState, string> = {
  draft: '筹备中',
  open: '签到投票中',
  closed: '已计票',
  published: '已公布',
};

/** The ways a present deputy receives a ballot. */
export const BALLOT_FORMS = ['electronic', 'slip', 'paper'] as const;
export type BallotForm = (typeof BALLOT_FORMS)[number];
export const BALLOT_FORM_LABELS: Record<BallotForm, string> = {
  electronic: '电子票（屏幕二维码）',
  slip: '二维码票条（预先打印）',
  paper: '纸质表决票',
};

/**
 * What becomes of an approval ballot with more 赞成 than allowed (DOMAIN.md: "a ballot with more is
 * void"). 'void' (default): it is taken and counted as a void ballot (无效票), as a paper ballot is.
 * 'refuse': it is handed back to be marked again: the ballot page and the server refuse an
 * electronic one, the clerks do not enter a paper one (it should have been returned at the box), and
 * a count that meets one stops and names it.
 */
export const OVERFULL_RULES = ['void', 'refuse'] as const;
export type OverfullRule = (typeof OVERFULL_RULES)[number];
export const OVERFULL_RULE_LABELS: Record<OverfullRule, string> = {
  void: '计为无效票',
  refuse: '不予接收，退回代表重新选择',
};

export interface VotingRule {
  /** 'approval': 赞成/反对/弃权 per candidate (default); 'ranking': ranks, Borda count. */
  readonly method: 'approval' | 'ranking';
  /** Most 赞成 on one ballot; default the seats; null: no limit. */
  readonly maxYes?: number | null;
  /** Approval: a ballot with more 赞成 than maxYes; default 'void'. */
  readonly overfull?: OverfullRule;
  /** Ranking: most places one ballot may rank; default every candidate. */
  readonly maxRanked?: number | null;
  /** Share of the roll that must be present; default more than half. */
  readonly quorum?: Fraction;
  /** Share of the threshold base a candidate needs; default more than half. */
  readonly threshold?: Fraction;
  /** What the threshold is a share of; default the roll (全体代表). */
  readonly thresholdBase?: ThresholdBase;
}

export const DEFAULT_RULE: VotingRule = { method: 'approval' };

/** A candidate as the ballot shows it, frozen when the session opens. */
export interface BallotCandidate {
  readonly id: string;
  readonly seq: number;
  readonly name: string;
  readonly field: string | null;
  readonly annualTask: string;
}

/**
 * 票面序号: a ballot, and every page and document printed from it, numbers its candidates 1..N in
 * ballot order. The draft's 序号 (seq) is kept beside it but never shown as the number: it has gaps
 * once candidates are screened out (1, 2, 4, 7…).
 */
export function numberedByBallot<C>(candidates: readonly C[]): Array<C & { readonly ballotNo: number }> {
  return candidates.map((c, i) => ({ ...c, ballotNo: i + 1 }));
}

export function canMoveState(from: VotingSessionState, to: VotingSessionState): boolean {
  return VOTING_SESSION_STATES.indexOf(to) === VOTING_SESSION_STATES.indexOf(from) + 1;
}

/** Most 赞成 a ballot may carry under the rule (null: no limit). */
export function maxYesOf(rule: VotingRule, seats: number): number | null {
  return rule.maxYes === undefined ? seats : rule.maxYes;
}

/** What becomes of an over-full approval ballot under the rule. */
export function overfullOf(rule: VotingRule): OverfullRule {
  return rule.overfull ?? 'void';
}

/** Most places a ranking ballot may fill. */
export function maxRankedOf(rule: VotingRule, candidates: number): number {
  return rule.maxRanked ?? candidates;
}

export interface SessionCounts {
  readonly roll: number;
  readonly present?: number;
  readonly issued?: number;
}

/** The options of tally() for a session; candidates are named by id. */
export function tallyOptions(
  rule: VotingRule,
  seats: number,
  candidateIds: readonly string[],
  counts: SessionCounts,
): ApprovalOptions | RankingOptions {
  const common = {
    candidates: candidateIds,
    seats,
    roll: counts.roll,
    present: counts.present,
    issued: counts.issued,
    quorum: rule.quorum ?? MORE_THAN_HALF,
    threshold: rule.threshold ?? MORE_THAN_HALF,
    thresholdBase: rule.thresholdBase ?? 'roll',
  };
  return rule.method === 'ranking'
    ? { ...common, method: 'ranking', maxRanked: rule.maxRanked ?? null }
    : { ...common, method: 'approval', maxYes: maxYesOf(rule, seats), overfull: overfullOf(rule) };
}

/**
 * Checks a session's set-up the way the count will read it: more candidates than seats (差额), a
 * sensible rule. `roll` is the roll when known (at opening), else a stand-in that satisfies it.
 */
export function checkSessionSetup(
  rule: VotingRule,
  seats: number,
  candidateIds: readonly string[],
  roll?: number,
): void {
  if (candidateIds.length <= seats) {
    throw new DomainError('VALIDATION_FAILED', {
      field: 'seats',
      message: `差额票决须候选项目多于应选名额：候选 ${candidateIds.length} 项，应选 ${seats} 项`,
    });
  }
  if (rule.method === 'ranking' && rule.maxYes !== undefined && rule.maxYes !== null) {
    throw new DomainError('VALIDATION_FAILED', {
      field: 'rule.maxYes',
      message: '排序票决不使用“每票最多赞成数”，请改设“每票最多排序数”',
    });
  }
  if (rule.method === 'ranking' && rule.overfull !== undefined) {
    throw new DomainError('VALIDATION_FAILED', {
      field: 'rule.overfull',
      message: '排序票决不使用“赞成超额的选票如何处理”',
    });
  }
  const options = tallyOptions(rule, seats, candidateIds, { roll: roll ?? Math.max(1, seats) });
  // tally() validates every option (and names the field) before counting anything.
  if (options.method === 'ranking') tally([], options);
  else tally([], options);
}

/** The rule in words, for the ballot page and the resolution. */
export function describeRule(rule: VotingRule, seats: number, candidates: number): string[] {
  const lines: string[] = [];
  if (rule.method === 'ranking') {
    const max = maxRankedOf(rule, candidates);
    lines.push(
      `排序票决：按支持程度为候选项目排序（1 为最优先），最多排 ${max} 名；第 1 名得 ${candidates} 分，依次递减`,
    );
  } else {
    const maxYes = maxYesOf(rule, seats);
    const beyond = overfullOf(rule) === 'refuse' ? '超过的选票不予接收，须重新选择' : '超过的选票为无效票';
    lines.push(
      maxYes === null
        ? '对每个候选项目选择赞成、反对或弃权，赞成项数不限；未选择的视为弃权'
        : `对每个候选项目选择赞成、反对或弃权，赞成不得超过 ${maxYes} 项，${beyond}；未选择的视为弃权`,
    );
  }
  const quorum = rule.quorum ?? MORE_THAN_HALF;
  const threshold = rule.threshold ?? MORE_THAN_HALF;
  const base = { roll: '全体代表', present: '出席代表', returned: '收回选票', valid: '有效选票' }[
    rule.thresholdBase ?? 'roll'
  ];
  lines.push(`出席代表须${quorum.inclusive ? '达到' : '超过'}全体代表的${fractionName(quorum)}，表决方有效`);
  lines.push(
    `${rule.method === 'ranking' ? '列入排序的票数' : '赞成票'}${threshold.inclusive ? '达到' : '超过'}${base}的${fractionName(threshold)}为通过，通过的项目按得票多少确定，得票相同且超出名额的另行表决`,
  );
  return lines;
}
