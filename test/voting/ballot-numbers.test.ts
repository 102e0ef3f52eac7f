/**
 * A ballot numbers its candidates 1..N. The official 2023 list has fifteen; the screening took 序号 3,
 * 7 and 11 off it, so the draft numbers of the twelve on the ballot run 1, 2, 4, 5, 6, 8… A deputy's
 * ballot, the hall's screen, the published result and the documents filed must all read 1..12, the
 * numbers printed on the paper ballot, or a deputy's "第 3 项" means two different projects.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigScreen } from '../../src/modules/voting/use-cases/attendance';
import { castBallot, readBallot } from '../../src/modules/voting/use-cases/ballots';
import {
  closeSession,
  exportResult,
  publicResults,
  publishSession,
} from '../../src/modules/voting/use-cases/results';
import { getSession } from '../../src/modules/voting/use-cases/sessions';
import { testDatabaseKinds } from '../support/databases';
import { approve, type OpenedSession, openedSession, openVotingWorld, type VotingWorld } from './support';

const ONE_TO_TWELVE = Array.from({ length: 12 }, (_, i) => i + 1);
const DRAFT_NUMBERS = [1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 15];

describe.each(testDatabaseKinds())('ballot numbers after screening on $name', (kind) => {
  let w: VotingWorld;
  let s: OpenedSession;
  let onBallot: string[];
  beforeAll(async () => {
    w = await openVotingWorld(kind, undefined, { screenedOut: [3, 7, 11] });
    // The default ballot: the twelve the meetings approved, in 序号 order; 10 seats.
    s = await openedSession(w, { seats: 10, rollSize: 15, present: 12 });
    onBallot = (await getSession(w.deps, w.coordinator, s.id)).candidates.map((c) => c.id);
  }, 180_000);
  afterAll(() => w?.close());

  it('numbers the deputy’s ballot and the session 1..12, keeping the draft 序号 beside it', async () => {
    const ballot = await readBallot(w.deps, s.tokens[0]!);
    expect(ballot.candidates.map((c) => c.ballotNo)).toEqual(ONE_TO_TWELVE);
    expect(ballot.candidates.map((c) => c.seq)).toEqual(DRAFT_NUMBERS);
    const session = await getSession(w.deps, w.coordinator, s.id);
    expect(session.candidates.map((c) => c.ballotNo)).toEqual(ONE_TO_TWELVE);
    expect(session.candidates[2]).toMatchObject({ ballotNo: 3, seq: 4, name: w.candidateNames[3] });
  });

  it('shows the counted and published result numbered as the ballot was', async () => {
    // Everyone approves the first ten on the ballot.
    for (const token of s.tokens)
      await castBallot(w.deps, token, { marks: approve(onBallot, onBallot.slice(0, 10)) });
    const closed = await closeSession(w.deps, w.coordinator, s.id);
    expect(closed.result!.candidates.map((c) => c.ballotNo)).toEqual(ONE_TO_TWELVE);
    expect(closed.result!.elected.map((c) => c.ballotNo).sort((a, b) => a - b)).toEqual(
      ONE_TO_TWELVE.slice(0, 10),
    );
    const screen = await bigScreen(w.deps, s.id);
    expect(screen.result!.candidates.map((c) => c.ballotNo)).toEqual(ONE_TO_TWELVE);
    await publishSession(w.deps, w.coordinator, s.id);
    const published = await publicResults(w.deps, s.id);
    expect(published.candidates.map((c) => c.ballotNo)).toEqual(ONE_TO_TWELVE);
    expect(published.result.candidates.map((c) => c.ballotNo)).toEqual(ONE_TO_TWELVE);
    expect(published.result.candidates[9]).toMatchObject({ ballotNo: 10, seq: 13, outcome: 'elected' });
  });

  it('files the .xlsx result and the .docx resolution draft numbered 1..12', async () => {
    const xlsx = await exportResult(w.deps, w.coordinator, s.id, 'xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.body as Uint8Array) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(4).getCell(1).value).toBe('序号');
    expect(ONE_TO_TWELVE.map((_, i) => sheet.getRow(5 + i).getCell(1).value)).toEqual(ONE_TO_TWELVE);
    expect(sheet.getRow(5 + 2).getCell(2).value).toBe(w.candidateNames[3]);

    const docx = await exportResult(w.deps, w.coordinator, s.id, 'docx');
    const xml = await (await JSZip.loadAsync(docx.body as Buffer)).file('word/document.xml')!.async('string');
    // The first cell of each row of the 票决结果 table.
    const firstCells = [...xml.matchAll(/<w:tr\b[\s\S]*?<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(firstCells).toEqual(['序号', ...ONE_TO_TWELVE.map(String)]);
  });
});
