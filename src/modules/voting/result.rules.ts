import type { Choices } from './ballot.rules';
import type { ApprovalBallot, ApprovalTally, RankingBallot, RankingTally } from './tally.rules';
import type { BallotCandidate } from './voting-session.rules';

/**
 * The stored result of a closed session: the tally (tally.rules.ts) with candidates named, each
 * candidate's outcome (当选 / 未当选 / 并列待再次表决), and the ballot chain's length and head so a
 * later change to the ballots shows against what was announced.
 */
export type Outcome = 'elected' | 'not_elected' | 'tied' | 'no_result';
export const OUTCOME_LABELS: Record<Outcome, string> = {
  elected: '当选',
  not_elected: '未当选',
  tied: '得票相同，待再次表决',
  no_result: '表决无效，未产生结果',
};

export interface ResultCandidate {
  readonly candidateId: string;
  /** 票面序号: the candidate's place on this session's ballot, 1..N — the number every page and document shows. */
  readonly ballotNo: number;
  /** The draft's 序号: it has gaps once candidates are screened out, so staff use it only to find the draft. */
  readonly seq: number;
  readonly name: string;
  readonly yes?: number;
  readonly no?: number;
  readonly abstain?: number;
  readonly points?: number;
  readonly ranked?: number;
  readonly passed: boolean;
  readonly outcome: Outcome;
  readonly outcomeLabel: string;
}

/** A candidate named in the result's lists of the elected and the tied. */
export interface ResultCandidateRef {
  readonly candidateId: string;
  readonly ballotNo: number;
  readonly seq: number;
  readonly name: string;
}

export interface SessionResult {
  readonly method: 'approval' | 'ranking';
  readonly valid: boolean;
  readonly invalidReasons: string[];
  readonly roll: number;
  readonly present: number;
  readonly issued: number;
  readonly returned: number;
  readonly electronicBallots: number;
  readonly paperBallots: number;
  readonly validBallots: number;
  readonly voidBallots: number;
  readonly voided: Array<{ ballot: string; reason: string }>;
  readonly seats: number;
  readonly quorum: number;
  readonly threshold: number;
  readonly rule: string;
  /** In ballot order. */
  readonly candidates: ResultCandidate[];
  /** Highest support first. */
  readonly elected: ResultCandidateRef[];
  readonly tied: ResultCandidateRef[];
  readonly openSeats: number;
  readonly chain: { readonly count: number; readonly head: string };
  readonly talliedAt: string;
}

/** A stored ballot as tally() reads it; a ballot is named by its 票号 or its receipt hash. */
export function tallyBallot(
  ballot: { paperNo: string | null; receiptHash: string | null; choices: Choices },
  method: 'approval' | 'ranking',
): ApprovalBallot | RankingBallot {
  const id = ballot.paperNo ? `票号 ${ballot.paperNo}` : `回执 ${(ballot.receiptHash ?? '').slice(0, 12)}`;
  if (method === 'ranking') {
    return { id, ranks: ballot.choices as Record<string, number> };
  }
  return { id, marks: ballot.choices as ApprovalBallot['marks'] };
}

export function sessionResult(
  tally: ApprovalTally | RankingTally,
  candidates: readonly BallotCandidate[],
  extra: {
    electronicBallots: number;
    paperBallots: number;
    chain: { count: number; head: string };
    talliedAt: Date;
  },
): SessionResult {
  const byId = new Map(candidates.map((c, i) => [c.id, { ...c, ballotNo: i + 1 }]));
  const ref = (id: string): ResultCandidateRef => {
    const c = byId.get(id)!;
    return { candidateId: c.id, ballotNo: c.ballotNo, seq: c.seq, name: c.name };
  };
  const tied = new Set(tally.tied);
  const rows: ResultCandidate[] = tally.candidates.map((count) => {
    const outcome: Outcome = !tally.valid
      ? 'no_result'
      : count.elected
        ? 'elected'
        : tied.has(count.name)
          ? 'tied'
          : 'not_elected';
    const figures =
      tally.method === 'ranking'
        ? {
            points: (count as RankingTally['candidates'][number]).points,
            ranked: (count as RankingTally['candidates'][number]).ranked,
          }
        : {
            yes: (count as ApprovalTally['candidates'][number]).yes,
            no: (count as ApprovalTally['candidates'][number]).no,
            abstain: (count as ApprovalTally['candidates'][number]).abstain,
          };
    return {
      ...ref(count.name),
      ...figures,
      passed: count.passed,
      outcome,
      outcomeLabel: OUTCOME_LABELS[outcome],
    };
  });
  return {
    method: tally.method,
    valid: tally.valid,
    invalidReasons: tally.invalidReasons,
    roll: tally.roll,
    present: tally.present,
    issued: tally.issued,
    returned: tally.returned,
    electronicBallots: extra.electronicBallots,
    paperBallots: extra.paperBallots,
    validBallots: tally.validBallots,
    voidBallots: tally.voidBallots,
    voided: tally.voided,
    seats: tally.seats,
    quorum: tally.quorum,
    threshold: tally.threshold,
    rule: tally.rule,
    candidates: rows,
    elected: tally.elected.map(ref),
    tied: tally.tied.map(ref),
    openSeats: tally.openSeats,
    chain: extra.chain,
    talliedAt: extra.talliedAt.toISOString(),
  };
}

/**
 * A result as stored in the session: results counted before ballot numbers were stored get them from
 * their candidates' order, which is the ballot's (so a stored result and a new one read the same).
 */
export function storedResult(stored: unknown): SessionResult {
  const result = stored as SessionResult;
  const numbers = new Map(result.candidates.map((c, i) => [c.candidateId, i + 1]));
  const numbered = <T extends { candidateId: string }>(c: T) => ({
    ...c,
    ballotNo: numbers.get(c.candidateId) ?? 0,
  });
  return {
    ...result,
    candidates: result.candidates.map(numbered),
    elected: result.elected.map(numbered),
    tied: result.tied.map(numbered),
  };
}
