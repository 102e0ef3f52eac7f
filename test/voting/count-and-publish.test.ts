/**
 * The whole vote on the official 2023 list (15 candidates, 12 seats): closing counts, publishing
 * lists every ballot so anyone can recount, a deputy finds their ballot by receipt, the ballot log's
 * hash chain verifies and a tampered one does not, and the elected candidates become the year's projects.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidates } from '../../src/db/schema';
import { exportPlan } from '../../src/modules/progress';
import { adoptElectedCandidates } from '../../src/modules/progress/use-cases/adopt-candidates';
import { tally } from '../../src/modules/voting/tally.rules';
import { bigScreen } from '../../src/modules/voting/use-cases/attendance';
import {
  castBallot,
  lookUpReceipt,
  verifyBallots,
  verifySessionBallots,
} from '../../src/modules/voting/use-cases/ballots';
import {
  closeSession,
  electedCandidates,
  exportResult,
  publicResults,
  publishSession,
} from '../../src/modules/voting/use-cases/results';
import { getSession } from '../../src/modules/voting/use-cases/sessions';
import { testDatabaseKinds } from '../support/databases';
import {
  approve,
  type OpenedSession,
  openedSession,
  openVotingWorld,
  REGION,
  type VotingWorld,
  YEAR,
} from './support';

describe.each(testDatabaseKinds())('counting and publishing the vote on $name', (kind) => {
  let w: VotingWorld;
  let s: OpenedSession;
  const receipts: string[] = [];
  beforeAll(async () => {
    w = await openVotingWorld(kind);
    // A roll of 25, 20 present: 18 approve candidates 1–12, 2 approve candidates 4–15.
    s = await openedSession(w, { seats: 12, rollSize: 25, present: 20 });
    for (const [i, token] of s.tokens.entries()) {
      const yes = i < 18 ? w.candidateIds.slice(0, 12) : w.candidateIds.slice(3, 15);
      receipts.push((await castBallot(w.deps, token, { marks: approve(w.candidateIds, yes) })).receipt);
    }
  }, 180_000);
  afterAll(() => w?.close());

  it('shows nothing of the result before the close: only issued and returned', async () => {
    const screen = await bigScreen(w.deps, s.id);
    expect(screen).toMatchObject({
      state: 'open',
      roll: 25,
      present: 20,
      issued: 20,
      returned: 20,
      result: null,
    });
    expect((await getSession(w.deps, w.coordinator, s.id)).result).toBeNull();
    await expect(exportResult(w.deps, w.coordinator, s.id, 'json')).rejects.toMatchObject({
      code: 'VOTING_SESSION_NOT_CLOSED',
    });
    await expect(publicResults(w.deps, s.id)).rejects.toMatchObject({ code: 'VOTING_RESULT_NOT_PUBLISHED' });
  });

  it('lets only the coordinator of the county close the vote', async () => {
    await expect(closeSession(w.deps, w.clerkA, s.id)).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    await expect(closeSession(w.deps, w.otherCounty, s.id)).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
  });

  it('closes: returned ≤ issued, quorum reached, every candidate counted, passed and elected', async () => {
    const view = await closeSession(w.deps, w.coordinator, s.id);
    expect(view.state).toBe('closed');
    const r = view.result!;
    expect(r).toMatchObject({
      valid: true,
      invalidReasons: [],
      roll: 25,
      present: 20,
      issued: 20,
      returned: 20,
      electronicBallots: 20,
      validBallots: 20,
      voidBallots: 0,
      seats: 12,
      quorum: 13,
      threshold: 13,
      rule: '赞成票须超过应到人数（25）的半数，即至少 13 票',
      tied: [],
      openSeats: 0,
      chain: { count: 20 },
    });
    const rows = r.candidates.map((c) => [c.seq, c.yes, c.no, c.abstain, c.passed, c.outcomeLabel]);
    expect(rows.slice(0, 3)).toEqual([1, 2, 3].map((seq) => [seq, 18, 2, 0, true, '当选']));
    expect(rows.slice(3, 12)).toEqual(
      [4, 5, 6, 7, 8, 9, 10, 11, 12].map((seq) => [seq, 20, 0, 0, true, '当选']),
    );
    expect(rows.slice(12)).toEqual([13, 14, 15].map((seq) => [seq, 2, 18, 0, false, '未当选']));
    // Elected in order of 赞成: the nine with 20 first.
    expect(r.elected.map((e) => e.seq)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3]);
    const statuses = await w.database.db
      .select({ id: candidates.id, status: candidates.status })
      .from(candidates);
    const statusOf = new Map(statuses.map((c) => [c.id, c.status]));
    expect(w.candidateIds.map((id) => statusOf.get(id))).toEqual([
      ...Array(12).fill('elected'),
      ...Array(3).fill('not_elected'),
    ]);
    await expect(closeSession(w.deps, w.coordinator, s.id)).rejects.toMatchObject({
      code: 'VOTING_SESSION_NOT_OPEN',
    });
  });

  it('shows the result on the big screen once counted, and tells a deputy their ballot is counted', async () => {
    const screen = await bigScreen(w.deps, s.id);
    expect(screen.result).toMatchObject({ valid: true, openSeats: 0 });
    expect(screen.result!.elected).toHaveLength(12);
    const receipt = await lookUpReceipt(w.deps, receipts[5]!);
    expect(receipt).toMatchObject({
      status: 'counted',
      message: '您的选票已计入本次票决结果',
      choices: null,
    });
  });

  it('publishes every ballot (receipt hash and choices, in no telling order) and the tally, so anyone can recount', async () => {
    await publishSession(w.deps, w.coordinator, s.id);
    const published = await publicResults(w.deps, s.id);
    expect(published.session).toMatchObject({
      state: 'published',
      stateLabel: '已公布',
      region: REGION,
      year: YEAR,
    });
    expect(published.ballots).toHaveLength(20);
    expect(published.ballots.every((b) => /^[0-9a-f]{64}$/.test(b.receiptHash!))).toBe(true);
    expect(Object.keys(published.ballots[0]!).sort()).toEqual(['choices', 'paperNo', 'receiptHash']);
    // Not in the order cast: the 18 alike ballots and the 2 others are mixed.
    const kinds = published.ballots
      .map((b) => (b.choices[w.candidateIds[0]!] === 'yes' ? 'a' : 'b'))
      .join('');
    expect(kinds).not.toBe(`${'a'.repeat(18)}bb`);
    const recount = tally(
      published.ballots.map((b) => ({ marks: b.choices as Record<string, 'yes' | 'no' | 'abstain'> })),
      { candidates: w.candidateIds, seats: 12, roll: 25, present: 20, issued: 20 },
    );
    expect(recount.candidates.map((c) => c.yes)).toEqual(published.result.candidates.map((c) => c.yes));
    expect(recount.elected).toEqual(published.result.elected.map((e) => e.candidateId));
  });

  it('finds a ballot by its receipt code and shows its choices once published', async () => {
    const receipt = await lookUpReceipt(w.deps, receipts[19]!);
    expect(receipt.status).toBe('counted');
    expect(receipt.choices!.slice(2, 4)).toEqual([
      { candidateId: w.candidateIds[2], name: w.candidateNames[2], choice: '反对' },
      { candidateId: w.candidateIds[3], name: w.candidateNames[3], choice: '赞成' },
    ]);
    await expect(lookUpReceipt(w.deps, 'AAAA-BBBB-CCCC-DDDD')).rejects.toMatchObject({
      code: 'RECEIPT_NOT_FOUND',
      field: 'receipt',
    });
    await expect(lookUpReceipt(w.deps, '12345')).rejects.toMatchObject({
      message: '回执码格式不正确：应为 16 位字母和数字',
    });
  });

  it('exports the result as .xlsx with every ballot and as a .docx resolution draft', async () => {
    const xlsx = await exportResult(w.deps, w.deputy, s.id, 'xlsx');
    expect(xlsx.fileName).toBe(
      '沁水县第十七届人民代表大会第四次会议2024年民生实事项目人大代表票决-票决结果.xlsx',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.body as Uint8Array) as unknown as ArrayBuffer);
    const [result, ballots] = book.worksheets;
    expect(result!.name).toBe('票决结果');
    expect((result!.getRow(4).values as unknown[]).slice(1)).toEqual([
      '序号',
      '项目名称',
      '赞成',
      '反对',
      '弃权',
      '是否通过',
      '结果',
    ]);
    expect(result!.rowCount).toBe(4 + 15);
    expect(ballots!.name).toBe('选票明细');
    // Printed whole: A4, one page wide, the header row on every page, the page number at the foot.
    const printed = (sheet: ExcelJS.Worksheet) => {
      const { paperSize, orientation, fitToPage, fitToWidth, fitToHeight, printTitlesRow } = sheet.pageSetup;
      return { paperSize, orientation, fitToPage, fitToWidth, fitToHeight, printTitlesRow };
    };
    const a4 = { paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
    expect(printed(result!)).toEqual({ ...a4, orientation: 'portrait', printTitlesRow: '4:4' });
    expect(printed(ballots!)).toEqual({ ...a4, orientation: 'landscape', printTitlesRow: '1:1' });
    expect(result!.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
    const docx = await exportResult(w.deps, w.coordinator, s.id, 'docx');
    expect(docx.fileName).toMatch(/-决议草案\.docx$/);
    await expect(exportResult(w.deps, w.otherCounty, s.id, 'json')).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
  });

  it('turns the twelve elected candidates into the year’s projects with units, leaders, budget and milestones', async () => {
    const elected = await electedCandidates(w.deps, w.coordinator, REGION, YEAR);
    expect(elected.items).toHaveLength(12);
    expect(elected.pending).toEqual([]);
    const adopted = await adoptElectedCandidates(w.deps, w.coordinator, REGION, YEAR);
    expect(adopted.adopted).toHaveLength(12);
    const plan = await exportPlan(w.deps, w.coordinator, REGION, YEAR);
    expect(plan.projects.map((p) => p.name).sort()).toEqual(w.candidateNames.slice(0, 12).sort());
    const park = plan.projects.find((p) => p.name === '口袋公园建设项目')!;
    expect(park).toMatchObject({ budget: '10000000.00', leadUnits: ['园林绿化中心'] });
    expect(park.milestones).toHaveLength(9);
    expect(park.leaders).toContainEqual({ role: '责任人', name: '李慧鑫', phone: '18235666981' });
    expect((await adoptElectedCandidates(w.deps, w.coordinator, REGION, YEAR)).adopted).toEqual([]);
  });

  it('keeps the ballot log append-only and hash-chained, and detects a tampered ballot', async () => {
    expect(await verifySessionBallots(w.deps, w.coordinator, s.id)).toMatchObject({
      ok: true,
      checked: 20,
      message: '选票哈希链完整，共校验 20 张选票',
    });
    const refusal = { cause: { message: 'ballots is append-only' } };
    await expect(
      w.database.db.execute(
        sql`update ballots set choices = '{}'::jsonb where session_id = ${s.id} and seq = 7`,
      ),
    ).rejects.toMatchObject(refusal);
    await expect(
      w.database.db.execute(sql`delete from ballots where session_id = ${s.id}`),
    ).rejects.toMatchObject(refusal);
    // Someone with the owner's rights switches the guard off and changes one ballot's choices.
    await w.database.db.execute(sql`alter table ballots disable trigger ballots_append_only`);
    try {
      await w.database.db.execute(sql`
        update ballots set choices = jsonb_set(choices, ${`{${w.candidateIds[14]}}`}::text[], '"yes"')
        where session_id = ${s.id} and seq = 7`);
    } finally {
      await w.database.db.execute(sql`alter table ballots enable trigger ballots_append_only`);
    }
    expect(await verifyBallots(w.database.db, s.id)).toMatchObject({
      ok: false,
      brokenAt: 7,
      reason: 'hash',
      message: '第 7 张选票内容与哈希不符（选票被改动）',
    });
    expect(await verifySessionBallots(w.deps, w.coordinator, s.id)).toMatchObject({ ok: false });
  });
});
