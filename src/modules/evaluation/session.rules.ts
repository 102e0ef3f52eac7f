import { DomainError } from '../../kernel/errors';
import {
  describeRule,
  EVALUATION_MARKS,
  type EvaluationCounts,
  type EvaluationMark,
  type EvaluationVerdict,
  evaluationVerdict,
  ratersFor,
  type SatisfactionRule,
} from './evaluation.rules';

/**
 * The deputies' evaluation session (满意度测评会议): its states, the ballot as the deputy fills it in,
 * and the count. Pure: the use cases load and store, these decide.
 */
export const EVALUATION_SESSION_STATES = ['draft', 'open', 'closed'] as const;
export type EvaluationSessionState = (typeof EVALUATION_SESSION_STATES)[number];

export const EVALUATION_SESSION_STATE_LABELS: Record<EvaluationSessionState, string> = {
  draft: '筹备中',
  open: '签到测评中',
  closed: '已计票',
};

/** A project as the ballot shows it, frozen when the session opens. */
export interface RatedProject {
  readonly id: string;
  readonly seq: number;
  readonly name: string;
  readonly field: string | null;
}

export type Ratings = Record<string, EvaluationMark>;

const MARK_WORDS: Record<string, EvaluationMark> = {
  满意: '满意',
  基本满意: '基本满意',
  不满意: '不满意',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

/**
 * The ratings a deputy sent, checked against the session's projects: every project must be rated
 * (a ballot that leaves one out is sent back, so no rating is lost by a slip of the thumb), and
 * nothing but 满意/基本满意/不满意 is read. Nothing is recorded for a refused ballot.
 */
export function checkRatings(
  projects: readonly RatedProject[],
  input: Readonly<Record<string, string>>,
): Ratings {
  const known = new Map(projects.map((p) => [p.id, p]));
  for (const [id, mark] of Object.entries(input)) {
    const project = known.get(id);
    if (!project) {
      throw new DomainError('EVALUATION_BALLOT_INVALID', {
        field: `ratings.${id}`,
        message: `测评票中的项目（${id}）不在本次测评范围内，本票未记录`,
      });
    }
    if (!Object.hasOwn(MARK_WORDS, mark)) {
      throw new DomainError('EVALUATION_BALLOT_INVALID', {
        field: `ratings.${id}`,
        message: `“${project.name}”的评价“${mark}”无法识别，应为满意、基本满意或不满意，本票未记录`,
      });
    }
  }
  const missing = projects.filter((p) => input[p.id] === undefined);
  if (missing.length > 0) {
    throw new DomainError('EVALUATION_BALLOT_INCOMPLETE', {
      field: `ratings.${missing[0]!.id}`,
      message: `还有 ${missing.length} 个项目未评价（${missing
        .slice(0, 3)
        .map((p) => `“${p.name}”`)
        .join('、')}${missing.length > 3 ? '等' : ''}），本票未记录`,
    });
  }
  const ratings: Ratings = {};
  for (const p of projects) ratings[p.id] = MARK_WORDS[input[p.id]!]!;
  return ratings;
}

export function sameRatings(a: Readonly<Ratings>, b: Readonly<Ratings>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

export interface ProjectResult {
  readonly projectId: string;
  readonly seq: number;
  readonly name: string;
  readonly counts: EvaluationCounts;
  readonly raters: number;
  readonly verdict: EvaluationVerdict;
}

export interface EvaluationResult {
  readonly roll: number;
  readonly present: number;
  readonly returned: number;
  /** Ballots may not outnumber the tokens handed out; when they do, no verdict is given. */
  readonly valid: boolean;
  readonly invalidReason: string | null;
  readonly ruleText: string;
  readonly projects: ProjectResult[];
  readonly chain: { readonly count: number; readonly head: string };
}

export function emptyCounts(): EvaluationCounts {
  return { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, blank: 0 };
}

export function addMark(counts: EvaluationCounts, mark: EvaluationMark | undefined): void {
  if (mark === '满意') counts.satisfied++;
  else if (mark === '基本满意') counts.basicallySatisfied++;
  else if (mark === '不满意') counts.dissatisfied++;
  else counts.blank++;
}

/** Counts every ballot for every project and gives each project its verdict by the session's rule. */
export function countEvaluation(input: {
  projects: readonly RatedProject[];
  ballots: readonly { choices: Readonly<Ratings> }[];
  roll: number;
  present: number;
  rule: SatisfactionRule;
  chain: { count: number; head: string };
}): EvaluationResult {
  const { projects, ballots, roll, present, rule } = input;
  const valid = ballots.length <= present;
  const results = projects.map((p): ProjectResult => {
    const counts = emptyCounts();
    for (const b of ballots) addMark(counts, b.choices[p.id]);
    return {
      projectId: p.id,
      seq: p.seq,
      name: p.name,
      counts,
      raters: ratersFor(counts, rule, roll),
      verdict: evaluationVerdict(counts, rule, roll),
    };
  });
  return {
    roll,
    present,
    returned: ballots.length,
    valid,
    invalidReason: valid ? null : `收回 ${ballots.length} 张测评票，多于发出的 ${present} 张，本次测评无效`,
    ruleText: describeRule(rule),
    projects: results,
    chain: input.chain,
  };
}

export { EVALUATION_MARKS };
