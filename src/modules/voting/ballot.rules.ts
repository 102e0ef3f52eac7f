import { createHash } from 'node:crypto';
import { DomainError } from '../../kernel/errors';
import { MARK_LABELS } from './session.rules';
import type { ApprovalMark } from './tally.rules';
import { maxRankedOf, maxYesOf, overfullOf, type VotingRule } from './voting-session.rules';

/**
 * One ballot's choices, checked against the session's rule before anything is recorded, and the
 * ballot log's hash chain. Choices are keyed by candidate id: approval ballots hold a mark for every
 * candidate (an unmarked one is 弃权), ranking ballots hold the rank of each ranked candidate.
 */
export type Choices = Record<string, string | number>;

export interface BallotCandidateRef {
  readonly id: string;
  readonly name: string;
}

export interface ChoiceInput {
  readonly marks?: Readonly<Record<string, string>>;
  readonly ranks?: Readonly<Record<string, number>>;
}

const MARK_WORDS: Record<string, ApprovalMark> = {
  yes: 'yes',
  no: 'no',
  abstain: 'abstain',
  赞成: 'yes',
  反对: 'no',
  弃权: 'abstain',
};

function invalid(field: string, message: string): DomainError {
  return new DomainError('BALLOT_INVALID', { field, message: `${message}，本票未记录` });
}

/**
 * The electronic ballot as the rule allows it, or a DomainError naming the problem: an unknown
 * candidate, an unreadable mark, a repeated or out-of-range rank, more 赞成 than allowed when the
 * rule hands such ballots back (BALLOT_TOO_MANY_YES; by default such a ballot is taken and counted
 * void, see overfullBallot). Nothing is recorded for a refused ballot.
 */
export function checkChoices(
  rule: VotingRule,
  seats: number,
  candidates: readonly BallotCandidateRef[],
  input: ChoiceInput,
): Choices {
  const known = new Map(candidates.map((c) => [c.id, c]));
  if (rule.method === 'ranking') {
    if (input.marks !== undefined) throw invalid('marks', '本次为排序票决，请为候选项目填写名次');
    const ranks = input.ranks ?? {};
    const max = maxRankedOf(rule, candidates.length);
    const byRank = new Map<number, string>();
    const choices: Choices = {};
    for (const [id, rank] of Object.entries(ranks)) {
      const candidate = known.get(id);
      if (!candidate) throw invalid(`ranks.${id}`, `选票中的项目（${id}）不是本次候选项目`);
      if (!Number.isInteger(rank) || rank < 1) {
        throw invalid(`ranks.${id}`, `“${candidate.name}”的名次“${rank}”不是正整数`);
      }
      if (rank > max) {
        throw invalid(`ranks.${id}`, `“${candidate.name}”排在第 ${rank} 名，超出了最多可排的 ${max} 名`);
      }
      const other = byRank.get(rank);
      if (other !== undefined) {
        throw invalid(`ranks.${id}`, `第 ${rank} 名同时给了“${known.get(other)!.name}”和“${candidate.name}”`);
      }
      byRank.set(rank, id);
      choices[id] = rank;
    }
    return choices;
  }
  if (input.ranks !== undefined) throw invalid('ranks', '本次为赞成/反对/弃权票决，不填写名次');
  const marks = input.marks ?? {};
  for (const [id, mark] of Object.entries(marks)) {
    const candidate = known.get(id);
    if (!candidate) throw invalid(`marks.${id}`, `选票中的项目（${id}）不是本次候选项目`);
    if (!Object.hasOwn(MARK_WORDS, mark)) {
      throw invalid(`marks.${id}`, `“${candidate.name}”的选择“${mark}”无法识别，应为赞成、反对或弃权`);
    }
  }
  const choices: Choices = {};
  for (const c of candidates)
    choices[c.id] = marks[c.id] === undefined ? 'abstain' : MARK_WORDS[marks[c.id]!]!;
  const over = overfullBallot(rule, seats, choices);
  if (over && overfullOf(rule) === 'refuse') {
    throw new DomainError('BALLOT_TOO_MANY_YES', {
      field: 'marks',
      message: `赞成 ${over.yes} 项，超过${over.limit}，本票未记录，请重新选择`,
      details: { yes: over.yes, maxYes: over.maxYes },
    });
  }
  return choices;
}

/**
 * An approval ballot with more 赞成 than the rule allows: how many, the limit and the reason it is
 * void (when the rule counts such ballots as void); null when the ballot is within the limit.
 */
export function overfullBallot(
  rule: VotingRule,
  seats: number,
  choices: Readonly<Choices>,
): { yes: number; maxYes: number; limit: string; reason: string } | null {
  if (rule.method === 'ranking') return null;
  const maxYes = maxYesOf(rule, seats);
  const yes = Object.values(choices).filter((m) => m === 'yes').length;
  if (maxYes === null || yes <= maxYes) return null;
  const limit = maxYes === seats ? `应选名额 ${maxYes} 项` : `每票最多 ${maxYes} 项`;
  return { yes, maxYes, limit, reason: `赞成 ${yes} 项，超过${limit}，为无效票` };
}

/** Choices in one fixed spelling (keys sorted), for hashing and for comparing a retry. */
export function canonicalChoices(choices: Readonly<Choices>): string {
  const keys = Object.keys(choices).sort();
  return JSON.stringify(keys.map((k) => [k, choices[k]]));
}

export function sameChoices(a: Readonly<Choices>, b: Readonly<Choices>): boolean {
  return canonicalChoices(a) === canonicalChoices(b);
}

/** Choices shown in words: candidate name → 赞成/反对/弃权, or → 第 N 名. */
export function choicesInWords(
  choices: Readonly<Choices>,
  candidates: readonly BallotCandidateRef[],
): Array<{ candidateId: string; name: string; choice: string }> {
  return candidates.map((c) => {
    const v = choices[c.id];
    const choice =
      typeof v === 'number'
        ? `第 ${v} 名`
        : v === undefined
          ? '未排序'
          : (MARK_LABELS[v as ApprovalMark] ?? String(v));
    return { candidateId: c.id, name: c.name, choice };
  });
}

// ── the ballot log's hash chain ──────────────────────────────────────────────────────────────────

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedContent {
  readonly sessionId: string;
  readonly seq: number;
  readonly source: 'electronic' | 'paper';
  readonly tokenTag: string | null;
  readonly paperNo: string | null;
  readonly receiptHash: string | null;
  readonly choices: Readonly<Choices>;
}

export function ballotHash(prevHash: string, ballot: ChainedContent): string {
  return createHash('sha256')
    .update(
      [
        prevHash,
        ballot.sessionId,
        String(ballot.seq),
        ballot.source,
        ballot.tokenTag ?? '',
        ballot.paperNo ?? '',
        ballot.receiptHash ?? '',
        canonicalChoices(ballot.choices),
      ].join('|'),
      'utf8',
    )
    .digest('hex');
}

export interface ChainedBallot extends ChainedContent {
  readonly prevHash: string;
  readonly hash: string;
}

export type ChainCheck =
  | { readonly ok: true; readonly checked: number; readonly head: string; readonly message: string }
  | {
      readonly ok: false;
      readonly checked: number;
      readonly brokenAt: number;
      readonly reason: 'gap' | 'link' | 'hash';
      readonly message: string;
    };

const BREAK_REASONS = {
  gap: '序号不连续（有选票被删除或插入）',
  link: '与上一张选票的哈希链接断开',
  hash: '内容与哈希不符（选票被改动）',
};

/** Walks the ballots in order: consecutive numbers, each linked to the one before, each hash right. */
export function verifyBallotChain(ballots: readonly ChainedBallot[]): ChainCheck {
  let prev = GENESIS_HASH;
  let checked = 0;
  for (const ballot of ballots) {
    const expectedSeq = checked + 1;
    const fail = (reason: 'gap' | 'link' | 'hash', at: number) => ({
      ok: false as const,
      checked,
      brokenAt: at,
      reason,
      message: `第 ${at} 张选票${BREAK_REASONS[reason]}`,
    });
    if (ballot.seq !== expectedSeq) return fail('gap', expectedSeq);
    if (ballot.prevHash !== prev) return fail('link', ballot.seq);
    if (ballotHash(ballot.prevHash, ballot) !== ballot.hash) return fail('hash', ballot.seq);
    prev = ballot.hash;
    checked++;
  }
  return { ok: true, checked, head: prev, message: `选票哈希链完整，共校验 ${checked} 张选票` };
}
