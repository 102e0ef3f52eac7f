/**
 * Paper ballots typed in by two clerks: a ballot counts only when both entries agree, a mismatch is
 * shown side by side until one clerk corrects their entry, the count waits for every paper ballot,
 * and a paper ballot with too many 赞成 is recorded as marked and counted void.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ballotsOf } from '../../src/modules/voting/ballot-box.repository';
import { enterPaperBallots, enterPaperSheet, paperStatus } from '../../src/modules/voting/use-cases/paper';
import { closeSession } from '../../src/modules/voting/use-cases/results';
import { testDatabaseKinds } from '../support/databases';
import { type OpenedSession, openedSession, openVotingWorld, type VotingWorld } from './support';

describe.each(testDatabaseKinds())('paper ballots entered twice on $name', (kind) => {
  let w: VotingWorld;
  let s: OpenedSession;
  beforeAll(async () => {
    w = await openVotingWorld(kind);
    // Three candidates, two seats, a roll of 5: all present on paper.
    s = await openedSession(w, {
      seats: 2,
      rollSize: 5,
      present: 5,
      paper: 5,
      candidateIds: w.candidateIds.slice(0, 3),
    });
  }, 120_000);
  afterAll(() => w?.close());

  const a = () => w.candidateIds[0]!;
  const b = () => w.candidateIds[1]!;
  const c = () => w.candidateIds[2]!;
  const paperBallots = async () => (await ballotsOf(w.database.db, s.id)).filter((x) => x.source === 'paper');

  it('keeps a ballot entered once waiting for the second clerk', async () => {
    const first = await enterPaperBallots(w.deps, w.clerkA, s.id, [
      { paperNo: '001', marks: { [a()]: '赞成', [b()]: '赞成', [c()]: '反对' } },
      { paperNo: '002', marks: { [a()]: '赞成', [b()]: '反对' } },
      { paperNo: '003', marks: { [a()]: 'yes', [b()]: 'yes', [c()]: 'yes' } },
    ]);
    expect(first).toMatchObject({ entered: 3, counted: [], waiting: ['001', '002', '003'], mismatched: [] });
    const status = await paperStatus(w.deps, w.clerkB, s.id);
    expect(status.counted).toBe(0);
    expect(status.waiting.map((x) => [x.paperNo, x.clerkName])).toEqual([
      ['001', '王波'],
      ['002', '王波'],
      ['003', '王波'],
    ]);
    expect(await paperBallots()).toHaveLength(0);
  });

  it('counts what both clerks agree on and shows a disagreement side by side', async () => {
    const second = await enterPaperBallots(w.deps, w.clerkB, s.id, [
      { paperNo: '001', marks: { [a()]: 'yes', [b()]: 'yes', [c()]: 'no' } },
      { paperNo: '002', marks: { [a()]: '赞成', [b()]: '赞成' } },
      { paperNo: '003', marks: { [a()]: '赞成', [b()]: '赞成', [c()]: '赞成' } },
    ]);
    expect(second.counted).toEqual(['001', '003']);
    expect(second.mismatched).toHaveLength(1);
    expect(second.mismatched[0]).toMatchObject({
      paperNo: '002',
      first: { clerkName: '王波' },
      second: { clerkName: '赵国平' },
      cells: [{ candidateId: b(), candidate: w.candidateNames[1], first: '反对', second: '赞成' }],
      messages: [`票号“002”的“${w.candidateNames[1]}”两次录入不一致：王波录入为“反对”，赵国平录入为“赞成”`],
    });
    const status = await paperStatus(w.deps, w.coordinator, s.id);
    expect(status).toMatchObject({ counted: 2, waiting: [] });
    expect(status.mismatched.map((m) => m.paperNo)).toEqual(['002']);
    // The ballots themselves carry no clerk and no time.
    const stored = await paperBallots();
    expect(stored.map((x) => x.paperNo).sort()).toEqual(['001', '003']);
    expect(stored.every((x) => x.tokenTag === null && x.receiptHash === null)).toBe(true);
  });

  it('will not count while a paper ballot is unsettled', async () => {
    await expect(closeSession(w.deps, w.coordinator, s.id)).rejects.toMatchObject({
      code: 'PAPER_ENTRIES_UNRESOLVED',
      message: '还有 1 张纸质选票未完成两次一致的录入（票号 “002”），暂不能计票',
    });
  });

  it('counts the ballot once a clerk corrects their own entry, and never changes a counted one', async () => {
    const corrected = await enterPaperBallots(w.deps, w.clerkA, s.id, [
      { paperNo: '002', marks: { [a()]: '赞成', [b()]: '赞成' } },
    ]);
    expect(corrected.counted).toEqual(['002']);
    const again = await enterPaperBallots(w.deps, w.clerkA, s.id, [
      { paperNo: '002', marks: { [a()]: '赞成', [b()]: '赞成' } },
    ]);
    expect(again).toMatchObject({ entered: 0, alreadyCounted: ['002'] });
    await expect(
      enterPaperBallots(w.deps, w.clerkA, s.id, [{ paperNo: '002', marks: { [a()]: '反对' } }]),
    ).rejects.toMatchObject({
      code: 'PAPER_ENTRY_COUNTED',
      message: '票号“002”的两次录入已一致并已计入，不能再修改',
    });
    await expect(
      enterPaperBallots(w.deps, w.coordinator, s.id, [{ paperNo: '001', marks: { [a()]: '赞成' } }]),
    ).rejects.toMatchObject({ code: 'PAPER_ENTRY_COUNTED' });
    expect(await paperBallots()).toHaveLength(3);
  });

  it('refuses a batch with a repeated 票号 or an unreadable mark whole', async () => {
    await expect(
      enterPaperBallots(w.deps, w.clerkA, s.id, [
        { paperNo: '004', marks: { [a()]: '赞成' } },
        { paperNo: '004', marks: { [a()]: '反对' } },
      ]),
    ).rejects.toMatchObject({
      code: 'PAPER_SHEET_INVALID',
      field: 'entries.1.paperNo',
      message: '票号“004”在本次录入中出现了两次（第 1 条和第 2 条），未录入任何内容',
    });
    await expect(
      enterPaperBallots(w.deps, w.clerkA, s.id, [
        { paperNo: '004', marks: { [a()]: '赞成' } },
        { paperNo: '005', marks: { [a()]: '√' } },
      ]),
    ).rejects.toMatchObject({
      code: 'PAPER_SHEET_INVALID',
      message: `票号“005”中“${w.candidateNames[0]}”的标记“√”无法识别，未录入任何内容`,
    });
    expect((await paperStatus(w.deps, w.clerkA, s.id)).waiting).toEqual([]);
    await expect(
      enterPaperBallots(w.deps, w.deputy, s.id, [{ paperNo: '004', marks: {} }]),
    ).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
  });

  it('reads a clerk’s sheet (票号 and one column per candidate, ○/×/blank) and names a bad cell', async () => {
    const names = w.candidateNames.slice(0, 3);
    const sheet = (rows: string[]) =>
      new TextEncoder().encode([`票号,${names.join(',')}`, ...rows].join('\n'));
    await expect(
      enterPaperSheet(w.deps, w.clerkA, s.id, { fileName: 'a.csv', bytes: sheet(['004,○,○,×', '005,○,?,']) }),
    ).rejects.toMatchObject({
      code: 'PAPER_SHEET_INVALID',
      field: 'file',
      message: expect.stringMatching(
        /^纸质选票录入表有误，未录入任何内容：第 3 行第 3 列（“.+”）的标记“\?”无法识别/,
      ),
    });
    const first = await enterPaperSheet(w.deps, w.clerkA, s.id, {
      fileName: 'a.csv',
      bytes: sheet(['004,○,○,×']),
    });
    expect(first.waiting).toEqual(['004']);
    const second = await enterPaperSheet(w.deps, w.clerkB, s.id, {
      fileName: 'b.csv',
      bytes: sheet(['004,赞成,赞成,反对']),
    });
    expect(second.counted).toEqual(['004']);
  });

  it('records a paper ballot with more 赞成 than seats as marked and counts it void', async () => {
    const result = (await closeSession(w.deps, w.coordinator, s.id)).result!;
    expect(result).toMatchObject({
      valid: true,
      returned: 4,
      paperBallots: 4,
      electronicBallots: 0,
      validBallots: 3,
      voidBallots: 1,
      voided: [{ ballot: '票号 003', reason: '赞成 3 项，超过应选名额 2 项，为无效票' }],
      threshold: 3,
    });
    // 001, 002, 004 all approve the first two: 3 赞成 of a roll of 5 is more than half.
    expect(result.candidates.map((x) => [x.name, x.yes, x.no, x.abstain, x.outcome])).toEqual([
      [w.candidateNames[0], 3, 0, 0, 'elected'],
      [w.candidateNames[1], 3, 0, 0, 'elected'],
      [w.candidateNames[2], 0, 2, 1, 'not_elected'],
    ]);
  });

  it('does not enter an over-full paper ballot when the rule hands such ballots back, naming the row', async () => {
    const strict = await openedSession(w, {
      seats: 2,
      rollSize: 5,
      present: 3,
      paper: 3,
      candidateIds: w.candidateIds.slice(0, 3),
      rule: { method: 'approval', overfull: 'refuse' },
    });
    await expect(
      enterPaperBallots(w.deps, w.clerkA, strict.id, [
        { paperNo: '101', marks: { [a()]: '赞成', [b()]: '反对' } },
        { paperNo: '102', marks: { [a()]: '赞成', [b()]: '赞成', [c()]: '赞成' }, row: 3 },
      ]),
    ).rejects.toMatchObject({
      code: 'PAPER_SHEET_INVALID',
      message:
        '票号“102”（第 3 行）赞成 3 项，超过应选名额 2 项：按本次规则，超额的选票应在投票时退回代表重新填写，不予录入，未录入任何内容',
    });
    expect((await paperStatus(w.deps, w.clerkA, strict.id)).waiting).toEqual([]);
    const names = w.candidateNames.slice(0, 3);
    await expect(
      enterPaperSheet(w.deps, w.clerkA, strict.id, {
        fileName: 'a.csv',
        bytes: new TextEncoder().encode([`票号,${names.join(',')}`, '101,○,×,', '102,○,○,○'].join('\n')),
      }),
    ).rejects.toMatchObject({
      code: 'PAPER_SHEET_INVALID',
      message: expect.stringContaining('票号“102”（第 3 行）赞成 3 项'),
    });
    const within = await enterPaperBallots(w.deps, w.clerkA, strict.id, [
      { paperNo: '101', marks: { [a()]: '赞成', [b()]: '反对' } },
    ]);
    expect(within.waiting).toEqual(['101']);
  });
});
