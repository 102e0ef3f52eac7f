import { DomainError } from '../../kernel/errors';
import { type Selection, selectElected } from './selection.rules';
import {
  type Fraction,
  fractionName,
  isValidFraction,
  MORE_THAN_HALF,
  minimumCount,
} from './thresholds.rules';

/**
 * A voting session (票决会议) as the count sees it: the roll, attendance, ballots issued and returned,
 * the seats and the rules, each configurable with the defaults of DOMAIN.md ("Voting rules"). The
 * vote counts only if ballots returned ≤ ballots issued and attendance reaches the quorum (default:
 * more than half of the roll present). A candidate passes with support at or above the threshold
 * (default: more than half of the roll); passing candidates take seats by score, and a tie at the
 * cut-off leaves seats open (selection.rules.ts). How ballots become support and score depends on
 * the kind of ballot: approval.rules.ts, ranking.rules.ts.
 */
export type ApprovalMark = 'yes' | 'no' | 'abstain';
export const MARK_LABELS: Record<ApprovalMark, string> = { yes: '赞成', no: '反对', abstain: '弃权' };

export interface ApprovalBallot {
  /** 票号, printed on the paper ballot; never who cast it. */
  readonly id?: string;
  readonly marks: Readonly<Record<string, ApprovalMark | undefined>>;
}

export interface RankingBallot {
  readonly id?: string;
  /** Rank written against each candidate, 1 = first choice. */
  readonly ranks: Readonly<Record<string, number | undefined>>;
}

/** What the passing threshold is a fraction of. */
export type ThresholdBase = 'roll' | 'present' | 'returned' | 'valid';
export const THRESHOLD_BASE_LABELS: Record<ThresholdBase, string> = {
  roll: '应到人数',
  present: '实到人数',
  returned: '收回票数',
  valid: '有效票数',
};

export interface CommonOptions {
  /** In ballot order. */
  readonly candidates: readonly string[];
  readonly seats: number;
  /** 应到: all deputies on the roll. */
  readonly roll: number;
  /** 实到. Defaults to the ballots issued, else to the ballots returned. */
  readonly present?: number;
  /** 发出票数. Defaults to the deputies present, else to the ballots returned. */
  readonly issued?: number;
  /** Share of the roll that must be present. Default more than half. */
  readonly quorum?: Fraction;
  /** Default more than half. */
  readonly threshold?: Fraction;
  /** Default 'roll'. */
  readonly thresholdBase?: ThresholdBase;
}

export interface ApprovalOptions extends CommonOptions {
  readonly method?: 'approval';
  /** Most 赞成 one ballot may carry; default the seats; null for no limit. */
  readonly maxYes?: number | null;
  /**
   * A ballot with more 赞成: 'void' (default) counts it as void; 'refuse' means none should be in
   * the pile (it is handed back to be marked again), so the count stops and names it.
   */
  readonly overfull?: 'void' | 'refuse';
}

export interface RankingOptions extends CommonOptions {
  readonly method: 'ranking';
  /** Most places one ballot may rank; default every candidate. */
  readonly maxRanked?: number | null;
}

export interface VoidedBallot {
  /** 票号, or "第 N 张" when the ballot has none. */
  readonly ballot: string;
  readonly reason: string;
}

export interface TallyCommon {
  readonly valid: boolean;
  /** Why the vote does not count, in Chinese; empty when valid. */
  readonly invalidReasons: string[];
  readonly roll: number;
  readonly present: number;
  readonly issued: number;
  readonly returned: number;
  readonly validBallots: number;
  readonly voidBallots: number;
  readonly voided: VoidedBallot[];
  readonly seats: number;
  /** Deputies that must be present. */
  readonly quorum: number;
  /** Least 赞成 (or, ranking, ballots ranking the candidate) needed to pass. */
  readonly threshold: number;
  readonly thresholdBase: ThresholdBase;
  /** The passing rule in words. */
  readonly rule: string;
  readonly elected: string[];
  readonly tied: string[];
  readonly openSeats: number;
}

export interface ApprovalCount {
  readonly name: string;
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
  readonly passed: boolean;
  readonly elected: boolean;
}

export interface RankingCount {
  readonly name: string;
  readonly points: number;
  /** Valid ballots that rank the candidate at all. */
  readonly ranked: number;
  readonly passed: boolean;
  readonly elected: boolean;
}

export type ApprovalTally = { readonly method: 'approval' } & TallyCommon & {
    readonly candidates: ApprovalCount[];
  };
export type RankingTally = { readonly method: 'ranking' } & TallyCommon & {
    readonly candidates: RankingCount[];
  };

/** Validity, thresholds and seats: the same for both kinds of ballot. */
export function decide(
  options: CommonOptions,
  returned: number,
  voided: VoidedBallot[],
  support: (name: string) => number,
  supportLabel: string,
  score: (name: string) => number = support,
): { head: Omit<TallyCommon, keyof Selection>; seats: Selection; passed: (name: string) => boolean } {
  const present = options.present ?? options.issued ?? returned;
  const issued = options.issued ?? options.present ?? returned;
  const validBallots = returned - voided.length;
  const quorumRule = options.quorum ?? MORE_THAN_HALF;
  const quorum = minimumCount(options.roll, quorumRule);
  const invalidReasons: string[] = [];
  if (returned > options.roll) {
    invalidReasons.push(`收回 ${returned} 张票，多于应到人数 ${options.roll} 人，表决无效`);
  } else if (returned > issued) {
    invalidReasons.push(`收回 ${returned} 张票，多于发出的 ${issued} 张，表决无效`);
  }
  if (present < quorum) {
    invalidReasons.push(
      `实到 ${present} 人，未达到应到 ${options.roll} 人所需的出席人数 ${quorum} 人，表决无效`,
    );
  }
  const valid = invalidReasons.length === 0;

  const base = options.thresholdBase ?? 'roll';
  const baseCount = { roll: options.roll, present, returned, valid: validBallots }[base];
  const thresholdRule = options.threshold ?? MORE_THAN_HALF;
  const threshold = minimumCount(baseCount, thresholdRule);
  const passed = (name: string) => valid && support(name) >= threshold;
  const selection: Selection = valid
    ? selectElected(
        options.candidates.map((name) => ({ name, score: score(name), passed: passed(name) })),
        options.seats,
      )
    : { elected: [], tied: [], openSeats: options.seats };

  return {
    head: {
      valid,
      invalidReasons,
      roll: options.roll,
      present,
      issued,
      returned,
      validBallots,
      voidBallots: voided.length,
      voided,
      seats: options.seats,
      quorum,
      threshold,
      thresholdBase: base,
      rule: ruleText(supportLabel, base, baseCount, thresholdRule, threshold),
    },
    seats: selection,
    passed,
  };
}

function ruleText(
  subject: string,
  base: ThresholdBase,
  count: number,
  f: Fraction,
  threshold: number,
): string {
  const of = `${THRESHOLD_BASE_LABELS[base]}（${count}）的${fractionName(f)}`;
  return `${subject}须${f.inclusive ? `不少于${of}` : `超过${of}`}，即至少 ${threshold} 票`;
}

export function checkOptions(options: CommonOptions): void {
  const { candidates } = options;
  if (candidates.length === 0) throw badOption('candidates', '候选项目不能为空');
  const repeated = candidates.find((name, i) => candidates.indexOf(name) !== i);
  if (repeated !== undefined) throw badOption('candidates', `候选项目“${repeated}”重复`);
  if (candidates.some((name) => name.trim() === '')) throw badOption('candidates', '候选项目名称不能为空');
  checkCount(options.roll, 1, Number.MAX_SAFE_INTEGER, 'roll', '应到人数');
  checkCount(options.seats, 1, Number.MAX_SAFE_INTEGER, 'seats', '应选名额');
  if (options.seats > candidates.length) {
    throw badOption('seats', `应选名额（${options.seats}）不能多于候选项目数（${candidates.length}）`);
  }
  if (options.present !== undefined) {
    checkCount(options.present, 0, options.roll, 'present', '实到人数', `应到人数（${options.roll}）`);
  }
  if (options.issued !== undefined) {
    const limit = options.present ?? options.roll;
    const limitLabel = options.present === undefined ? `应到人数（${options.roll}）` : `实到人数（${limit}）`;
    checkCount(options.issued, 0, limit, 'issued', '发出票数', limitLabel);
  }
  for (const [field, label] of [
    ['quorum', '出席人数比例'],
    ['threshold', '通过比例'],
  ] as const) {
    const f = options[field];
    if (f !== undefined && !isValidFraction(f)) throw badOption(field, `${label}必须是不大于 1 的正分数`);
  }
}

export function checkCount(
  value: number,
  min: number,
  max: number,
  field: string,
  label: string,
  maxLabel?: string,
) {
  if (!Number.isInteger(value) || value < min) {
    throw badOption(field, min === 0 ? `${label}必须是非负整数` : `${label}必须是正整数`);
  }
  if (value > max) throw badOption(field, `${label}（${value}）不能多于${maxLabel ?? max}`);
}

/** How a ballot is named in results: its 票号, else its place in the pile. */
export function ballotName(ballot: { id?: string }, index: number): string {
  return ballot.id ? ballot.id : `第 ${index + 1} 张`;
}

export function ballotLabel(ballot: { id?: string }, index: number): string {
  return ballot.id ? `票号 ${ballot.id} 的表决票` : `第 ${index + 1} 张表决票`;
}

function badOption(field: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', { field, message });
}

export function badBallot(message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', { field: 'ballots', message });
}
