import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Actor } from '../../src/kernel/actor';
import { importCandidateTable, listCandidates, recordReview } from '../../src/modules/candidates';
import { setShortlisted } from '../../src/modules/candidates/use-cases/screening';
import { createUser } from '../../src/modules/identity';
import { checkIn } from '../../src/modules/voting/use-cases/attendance';
import { getRoll, setRoll } from '../../src/modules/voting/use-cases/roll';
import { createSession, openSession } from '../../src/modules/voting/use-cases/sessions';
import type { VotingRule } from '../../src/modules/voting/voting-session.rules';
import { seed } from '../../src/seed/seed';
import { configFromEnv } from '../../src/server/config';
import { type AppDeps, createDeps } from '../../src/server/deps';
import { actorOf } from '../support/actors';
import { ADMIN_PASSWORD } from '../support/app';
import type { TestDatabase, TestDatabaseKind } from '../support/databases';

export const FIXTURE = new URL('../../../shared/fixtures/qinshui-2023-candidates.tsv', import.meta.url)
  .pathname;
export const REGION = '140521';
/** The demo plan year of 沁水县 waiting for its vote. */
export const YEAR = 2024;
export const CONGRESS = '沁水县第十七届人民代表大会';
export const SITTING = '第四次会议';

export interface VotingWorld {
  database: TestDatabase;
  deps: AppDeps;
  /** 沁水县民生办: manages the vote. */
  coordinator: Actor;
  /** Two counting clerks lent by departments: they type paper ballots in. */
  clerkA: Actor;
  clerkB: Actor;
  deputy: Actor;
  /** The coordinator of 阳城县, the next county: no business in 沁水县's vote. */
  otherCounty: Actor;
  /** Candidate ids of the plan year, by 序号 (the fifteen of the official 2023 list). */
  candidateIds: string[];
  candidateNames: string[];
  close(): Promise<void>;
}

/** A database with the demo accounts and the official Qinshui candidate list imported through the candidates module. */
export async function openVotingWorld(
  kind: TestDatabaseKind,
  now?: () => Date,
  /** 序号 of candidates the screening takes off the shortlist before the two meetings approve it. */
  options: { screenedOut?: number[] } = {},
): Promise<VotingWorld> {
  // The demo seed reads the clock: a world on a fixed clock seeds its own, on the real clock it is copied.
  const database = now ? await kind.open() : await kind.openDemo();
  const deps = createDeps(database, configFromEnv({}), now);
  if (now) await seed(deps, { demo: true, adminPassword: ADMIN_PASSWORD });
  await createUser(deps, 'system:test', {
    username: 'yangcheng.coord',
    displayName: '阳城县民生办',
    password: 'Yangcheng#2023pass',
    grants: [{ role: 'coordinator', regionCode: '140522' }],
  });
  const summary = await importCandidateTable(deps, 'system:test', {
    regionCode: REGION,
    year: YEAR,
    fileName: '2023年民生实事候选项目.tsv',
    bytes: readFileSync(FIXTURE),
  });
  if (summary.candidates !== 15) throw new Error(`fixture imported as ${summary.candidates} candidates`);
  if (options.screenedOut?.length) {
    const coordinator = await actorOf(database.db, 'qinshui.coord');
    for (const c of await listCandidates(deps, coordinator, REGION, YEAR))
      if (options.screenedOut.includes(c.seq)) await setShortlisted(deps, coordinator, c.id, false);
  }
  // The list goes to the vote only after 政府常务会 and then 党委常委会 approved it (two days apart,
  // both before the test's clock).
  const day = (back: number) => new Date(deps.now().getTime() - back * 86_400_000).toISOString().slice(0, 10);
  await recordReview(deps, 'system:test', REGION, YEAR, {
    meeting: 'government',
    heldOn: day(3),
    decision: 'approved',
  });
  await recordReview(deps, 'system:test', REGION, YEAR, {
    meeting: 'party',
    heldOn: day(1),
    decision: 'approved',
  });
  const coordinator = await actorOf(database.db, 'qinshui.coord');
  const items = [...(await listCandidates(deps, coordinator, REGION, YEAR))].sort((a, b) => a.seq - b.seq);
  return {
    database,
    deps,
    coordinator,
    clerkA: await actorOf(database.db, 'zjj.clerk'),
    clerkB: await actorOf(database.db, 'wtj.clerk'),
    deputy: await actorOf(database.db, 'deputy.qinshui'),
    otherCounty: await actorOf(database.db, 'yangcheng.coord'),
    candidateIds: items.map((c) => c.id),
    candidateNames: items.map((c) => c.name),
    close: () => database.close(),
  };
}

/** A roll of n deputies in delegations of ten. */
export function roll(n: number): Array<{ name: string; delegation: string }> {
  return Array.from({ length: n }, (_, i) => ({
    name: `代表${String(i + 1).padStart(4, '0')}`,
    delegation: `第${Math.floor(i / 10) + 1}代表团`,
  }));
}

/** Approval marks: 赞成 for the given candidate ids, 反对 for the rest. */
export function approve(all: readonly string[], yes: readonly string[]): Record<string, string> {
  return Object.fromEntries(all.map((id) => [id, yes.includes(id) ? 'yes' : 'no']));
}

/** An .xlsx roll as a congress office keeps it: a title row, then 序号, 姓名, 代表团. */
export async function rollWorkbook(rows: ReadonlyArray<readonly (string | number)[]>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('代表名单');
  sheet.addRow(['沁水县第十七届人民代表大会代表名单']);
  sheet.addRow(['序号', '姓名', '代表团']);
  for (const row of rows) sheet.addRow([...row]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export interface OpenedSession {
  id: string;
  /** Deputy ids of the roll, in roll order. */
  deputyIds: string[];
  /** Tokens handed out at check-in, in the order the deputies checked in. */
  tokens: string[];
}

/**
 * A session on the given candidates with a roll of `rollSize`, opened, and `present` deputies
 * checked in with electronic ballots.
 */
export async function openedSession(
  w: VotingWorld,
  options: {
    seats: number;
    rollSize: number;
    present: number;
    candidateIds?: string[];
    rule?: VotingRule;
    paper?: number;
  },
): Promise<OpenedSession> {
  const session = await createSession(w.deps, w.coordinator, REGION, YEAR, {
    congress: CONGRESS,
    sitting: SITTING,
    seats: options.seats,
    candidateIds: options.candidateIds,
    rule: options.rule,
  });
  await setRoll(w.deps, w.coordinator, session.id, roll(options.rollSize));
  await openSession(w.deps, w.coordinator, session.id);
  const deputyIds = (await getRoll(w.deps, w.coordinator, session.id)).items.map((d) => d.id);
  const tokens: string[] = [];
  const paper = options.paper ?? 0;
  for (const [i, deputyId] of deputyIds.slice(0, options.present).entries()) {
    const form = i < paper ? 'paper' : 'electronic';
    const issued = await checkIn(w.deps, w.clerkA, session.id, { deputyId, form });
    if (issued.token) tokens.push(issued.token);
  }
  return { id: session.id, deputyIds, tokens };
}
