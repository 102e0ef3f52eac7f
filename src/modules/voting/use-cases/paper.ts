import type { Executor } from '../../../db/client';
import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import type { AppDeps } from '../../../server/deps';
import { readTableRows } from '../../candidates/candidate-table.reader';
import { type Choices, overfullBallot, sameChoices } from '../ballot.rules';
import { appendToChain, lockSessionChain } from '../ballot-box';
import { parseApprovalSheet, parseRankingSheet, type SheetProblem } from '../ballot-sheet.rules';
import { approvalCellDifferences, type CellDifference, rankingCellDifferences } from '../double-entry.rules';
import type { ApprovalMark } from '../tally.rules';
import { assertAllowed, mayStaffVote } from '../voting.policy';
import { countedPaperNos, type PaperEntryRow, paperEntriesOf, upsertPaperEntry } from '../voting.repository';
import { type BallotCandidate, overfullOf, type VotingRule } from '../voting-session.rules';
import { sessionOrThrow } from './sessions';

/**
 * Paper ballots (纸质表决票) are typed in twice, by two different clerks (DOMAIN.md). A ballot counts
 * the moment the second clerk's entry agrees with the first; until then it is listed as waiting, or,
 * when they disagree, side by side cell by cell for the clerks to check the paper and correct their
 * own entry. A paper ballot is recorded as marked: one with too many 赞成 is counted as void, unless
 * the rule hands over-full ballots back (then it should never reach the clerks, and is not entered).
 */
export interface PaperEntryInput {
  /** 票号 printed on the paper ballot. */
  paperNo: string;
  marks?: Record<string, string>;
  ranks?: Record<string, number>;
  /** Row of the sheet it was read from. */
  row?: number | null;
}

const MARKS: Record<string, ApprovalMark> = {
  yes: 'yes',
  no: 'no',
  abstain: 'abstain',
  赞成: 'yes',
  反对: 'no',
  弃权: 'abstain',
};

function entryChoices(
  rule: VotingRule,
  seats: number,
  candidates: readonly BallotCandidate[],
  entry: PaperEntryInput,
): Choices {
  const where = `票号“${entry.paperNo}”${entry.row ? `（第 ${entry.row} 行）` : ''}`;
  const known = new Map(candidates.map((c) => [c.id, c]));
  const bad = (message: string) =>
    new DomainError('PAPER_SHEET_INVALID', {
      field: 'entries',
      message: `${where}${message}，未录入任何内容`,
    });
  if (rule.method === 'ranking') {
    if (entry.marks) throw bad('：本次为排序票决，应录入名次');
    const choices: Choices = {};
    for (const [id, rank] of Object.entries(entry.ranks ?? {})) {
      if (!known.has(id)) throw bad(`中的项目（${id}）不是本次候选项目`);
      if (!Number.isInteger(rank) || rank < 1) throw bad(`中“${known.get(id)!.name}”的名次不是正整数`);
      choices[id] = rank;
    }
    return choices;
  }
  if (entry.ranks) throw bad('：本次为赞成/反对/弃权票决，不录入名次');
  const marks = entry.marks ?? {};
  for (const [id, mark] of Object.entries(marks)) {
    if (!known.has(id)) throw bad(`中的项目（${id}）不是本次候选项目`);
    if (!Object.hasOwn(MARKS, mark)) throw bad(`中“${known.get(id)!.name}”的标记“${mark}”无法识别`);
  }
  const choices: Choices = {};
  for (const c of candidates) choices[c.id] = marks[c.id] === undefined ? 'abstain' : MARKS[marks[c.id]!]!;
  const over = overfullBallot(rule, seats, choices);
  if (over && overfullOf(rule) === 'refuse') {
    throw bad(
      `赞成 ${over.yes} 项，超过${over.limit}：按本次规则，超额的选票应在投票时退回代表重新填写，不予录入`,
    );
  }
  return choices;
}

function differences(
  rule: VotingRule,
  candidates: readonly BallotCandidate[],
  a: Choices,
  b: Choices,
): Array<CellDifference & { candidateId: string }> {
  const names = candidates.map((c) => c.id);
  const cells =
    rule.method === 'ranking'
      ? rankingCellDifferences(
          names,
          { ranks: a as Record<string, number> },
          { ranks: b as Record<string, number> },
        )
      : approvalCellDifferences(
          names,
          { marks: a as Record<string, ApprovalMark> },
          { marks: b as Record<string, ApprovalMark> },
        );
  const byId = new Map(candidates.map((c) => [c.id, c.name]));
  return cells.map((d) => ({ ...d, candidateId: d.candidate, candidate: byId.get(d.candidate)! }));
}

function mismatchView(
  rule: VotingRule,
  candidates: readonly BallotCandidate[],
  first: PaperEntryRow,
  second: PaperEntryRow,
) {
  const cells = differences(rule, candidates, first.choices, second.choices);
  const side = (e: PaperEntryRow) => ({ clerkName: e.clerkName, row: e.sourceRow, enteredAt: e.enteredAt });
  return {
    paperNo: first.paperNo,
    first: side(first),
    second: side(second),
    cells,
    messages: cells.map(
      (d) =>
        `票号“${first.paperNo}”的“${d.candidate}”两次录入不一致：${first.clerkName}录入为“${d.first}”，${second.clerkName}录入为“${d.second}”`,
    ),
  };
}

/**
 * One clerk's entries of paper ballots (typed in, or read from a sheet). All or nothing: a bad entry
 * refuses the lot. An entry agreeing with another clerk's makes the ballot count at once.
 */
export async function enterPaperBallots(
  deps: AppDeps,
  actor: Actor,
  sessionId: string,
  entries: readonly PaperEntryInput[],
) {
  const found = await sessionOrThrow(deps.db, sessionId);
  assertAllowed(mayStaffVote(actor, found.regionCode));
  if (!actor.userId) throw new DomainError('UNAUTHENTICATED');
  const clerkId = actor.userId;
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    const earlier = seen.get(e.paperNo);
    if (earlier !== undefined) {
      throw new DomainError('PAPER_SHEET_INVALID', {
        field: `entries.${i}.paperNo`,
        message: `票号“${e.paperNo}”在本次录入中出现了两次（第 ${earlier + 1} 条和第 ${i + 1} 条），未录入任何内容`,
      });
    }
    seen.set(e.paperNo, i);
  });
  return writeTransaction(deps.db, actor, async (tx) => {
    const state = await lockSessionChain(tx, sessionId);
    if (state !== 'open') throw new DomainError('VOTING_SESSION_NOT_OPEN');
    const { session } = await sessionOrThrow(tx, sessionId);
    const candidates = session.ballotCandidates!;
    const typed = entries.map((e) => ({
      ...e,
      choices: entryChoices(session.rule, session.seats, candidates, e),
    }));
    const nos = typed.map((e) => e.paperNo);
    const counted = await countedPaperNos(tx, sessionId, nos);
    const existing = await paperEntriesOf(tx, sessionId, nos);
    const summary = {
      entered: 0,
      counted: [] as string[],
      alreadyCounted: [] as string[],
      waiting: [] as string[],
      mismatched: [] as ReturnType<typeof mismatchView>[],
    };
    const toCount: Array<{ paperNo: string; choices: Choices }> = [];
    const now = deps.now();
    for (const entry of typed) {
      const mine = existing.find((e) => e.paperNo === entry.paperNo && e.clerkId === clerkId);
      const others = existing.filter((e) => e.paperNo === entry.paperNo && e.clerkId !== clerkId);
      if (counted.has(entry.paperNo)) {
        if (mine && sameChoices(mine.choices, entry.choices)) {
          summary.alreadyCounted.push(entry.paperNo);
          continue;
        }
        throw new DomainError('PAPER_ENTRY_COUNTED', {
          field: 'entries',
          message: `票号“${entry.paperNo}”的两次录入已一致并已计入，不能再修改`,
        });
      }
      if (!mine && others.length >= 2) {
        throw new DomainError('PAPER_ENTRY_TWICE', {
          field: 'entries',
          message: `票号“${entry.paperNo}”已由 ${others.map((o) => o.clerkName).join('、')} 录入两次，请由其中一人更正自己的录入`,
        });
      }
      const row = {
        sessionId,
        paperNo: entry.paperNo,
        clerkId,
        clerkName: actor.displayName,
        choices: entry.choices,
        sourceRow: entry.row ?? null,
        enteredAt: now,
      };
      await upsertPaperEntry(tx, row);
      summary.entered++;
      const other = others[0];
      if (!other) summary.waiting.push(entry.paperNo);
      else if (sameChoices(other.choices, entry.choices)) {
        toCount.push({ paperNo: entry.paperNo, choices: entry.choices });
        summary.counted.push(entry.paperNo);
      } else {
        summary.mismatched.push(mismatchView(session.rule, candidates, other, row));
      }
    }
    await appendToChain(
      tx,
      sessionId,
      toCount.map((b) => ({ source: 'paper' as const, paperNo: b.paperNo, choices: b.choices })),
    );
    return summary;
  });
}

/** Reads a clerk's sheet (票号 + one column per candidate, as `vote tally` reads it) and enters it. */
export async function enterPaperSheet(
  deps: AppDeps,
  actor: Actor,
  sessionId: string,
  file: { fileName: string; bytes: Uint8Array },
) {
  const found = await sessionOrThrow(deps.db, sessionId);
  assertAllowed(mayStaffVote(actor, found.regionCode));
  const candidates = found.session.ballotCandidates;
  if (found.session.state !== 'open' || !candidates) throw new DomainError('VOTING_SESSION_NOT_OPEN');
  let rows: string[][];
  try {
    rows = await readTableRows(file.fileName, file.bytes);
  } catch (error) {
    throw new DomainError('PAPER_SHEET_INVALID', {
      field: 'file',
      message: `无法读取文件 ${file.fileName}：${error instanceof Error ? error.message : String(error)}`,
    });
  }
  const names = candidates.map((c) => c.name);
  const idOf = new Map(candidates.map((c) => [c.name, c.id]));
  const fail = (problems: readonly SheetProblem[]) =>
    new DomainError('PAPER_SHEET_INVALID', {
      field: 'file',
      message: `纸质选票录入表有误，未录入任何内容：${problems[0]!.message}${problems.length > 1 ? `（共 ${problems.length} 处问题）` : ''}`,
      details: problems,
    });
  const byId = <V>(values: Readonly<Record<string, V | undefined>>) =>
    Object.fromEntries(
      Object.entries(values).flatMap(([name, v]) => (v === undefined ? [] : [[idOf.get(name)!, v]])),
    ) as Record<string, V>;
  let entries: PaperEntryInput[];
  if (found.session.rule.method === 'ranking') {
    const sheet = parseRankingSheet(rows, { candidates: names });
    if (!sheet.ok) throw fail(sheet.problems);
    entries = sheet.ballots.map((b, i) => ({ paperNo: b.id!, ranks: byId(b.ranks), row: sheet.rows[i] }));
  } else {
    const sheet = parseApprovalSheet(rows, { candidates: names });
    if (!sheet.ok) throw fail(sheet.problems);
    entries = sheet.ballots.map((b, i) => ({ paperNo: b.id!, marks: byId(b.marks), row: sheet.rows[i] }));
  }
  if (entries.length === 0) throw fail([{ row: 1, column: null, message: '表中没有选票' }]);
  return enterPaperBallots(deps, actor, sessionId, entries);
}

/** Where the typing stands: ballots counted, waiting for a second entry, and disagreements side by side. */
export async function paperStatus(deps: AppDeps, actor: Actor, sessionId: string) {
  const found = await sessionOrThrow(deps.db, sessionId);
  assertAllowed(mayStaffVote(actor, found.regionCode));
  const candidates = found.session.ballotCandidates ?? [];
  const entries = await paperEntriesOf(deps.db, sessionId);
  const counted = await countedPaperNos(deps.db, sessionId);
  const byNo = new Map<string, PaperEntryRow[]>();
  for (const e of entries) byNo.set(e.paperNo, [...(byNo.get(e.paperNo) ?? []), e]);
  const waiting: Array<{ paperNo: string; clerkName: string; row: number | null; enteredAt: Date }> = [];
  const mismatched: ReturnType<typeof mismatchView>[] = [];
  for (const [paperNo, list] of byNo) {
    if (counted.has(paperNo)) continue;
    if (list.length === 1) {
      waiting.push({
        paperNo,
        clerkName: list[0]!.clerkName,
        row: list[0]!.sourceRow,
        enteredAt: list[0]!.enteredAt,
      });
    } else mismatched.push(mismatchView(found.session.rule, candidates, list[0]!, list[1]!));
  }
  return { counted: counted.size, waiting, mismatched };
}

/** Paper ballots not yet counted: the count must wait for them. */
export async function unresolvedPaper(db: Executor, sessionId: string): Promise<string[]> {
  const entries = await paperEntriesOf(db, sessionId);
  const counted = await countedPaperNos(db, sessionId);
  return [...new Set(entries.map((e) => e.paperNo))].filter((no) => !counted.has(no));
}
