import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { candidates } from '../candidates';
import { planYears } from '../plans';
import {
  ballots,
  votingCheckins,
  votingDeputies,
  votingPaperEntries,
  votingSessions,
  votingTokens,
} from './voting.tables';
import type { BallotForm } from './voting-session.rules';

/** The voting module's queries: sessions, the roll and attendance, paper entries (the ballot box's are in ballot-box.repository.ts). */
export type SessionRow = typeof votingSessions.$inferSelect;
export type PaperEntryRow = typeof votingPaperEntries.$inferSelect;

export interface SessionWithPlan {
  session: SessionRow;
  regionCode: string;
  year: number;
}

export async function insertSession(tx: Tx, values: typeof votingSessions.$inferInsert): Promise<SessionRow> {
  const [row] = await tx.insert(votingSessions).values(values).returning();
  return row!;
}

export async function findSession(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<SessionWithPlan | undefined> {
  const query = db
    .select({ session: votingSessions, regionCode: planYears.regionCode, year: planYears.year })
    .from(votingSessions)
    .innerJoin(planYears, eq(planYears.id, votingSessions.planYearId))
    .where(eq(votingSessions.id, id));
  const [row] = options.forUpdate ? await query.for('no key update', { of: votingSessions }) : await query;
  return row;
}

export async function sessionsOfPlanYear(db: Executor, planYearId: string): Promise<SessionRow[]> {
  return db
    .select()
    .from(votingSessions)
    .where(eq(votingSessions.planYearId, planYearId))
    .orderBy(asc(votingSessions.createdAt));
}

/** The session opened last that still takes ballots (a restarted server rehearses its ballot route). */
export async function latestOpenSession(db: Executor): Promise<SessionRow | undefined> {
  const [row] = await db
    .select()
    .from(votingSessions)
    .where(eq(votingSessions.state, 'open'))
    .orderBy(desc(votingSessions.openedAt))
    .limit(1);
  return row;
}

export async function updateSession(
  tx: Tx,
  id: string,
  patch: Partial<typeof votingSessions.$inferInsert>,
): Promise<SessionRow> {
  const [row] = await tx.update(votingSessions).set(patch).where(eq(votingSessions.id, id)).returning();
  return row!;
}

export async function planCandidates(db: Executor, planYearId: string) {
  return db
    .select({
      id: candidates.id,
      seq: candidates.seq,
      name: candidates.name,
      field: candidates.field,
      annualTask: candidates.annualTask,
      status: candidates.status,
    })
    .from(candidates)
    .where(eq(candidates.planYearId, planYearId))
    .orderBy(asc(candidates.seq));
}

/** The one write to another module's table: the outcome of the vote on each candidate. */
export async function setCandidateStatus(tx: Tx, ids: string[], status: string): Promise<void> {
  if (ids.length) await tx.update(candidates).set({ status }).where(inArray(candidates.id, ids));
}

// ── roll and attendance ─────────────────────────────────────────────────────────────────────────

export async function replaceRoll(
  tx: Tx,
  sessionId: string,
  deputies: readonly { name: string; delegation: string }[],
): Promise<void> {
  await tx.delete(votingDeputies).where(eq(votingDeputies.sessionId, sessionId));
  for (let i = 0; i < deputies.length; i += 1000) {
    await tx.insert(votingDeputies).values(
      deputies.slice(i, i + 1000).map((d, k) => ({
        sessionId,
        seq: i + k + 1,
        name: d.name,
        delegation: d.delegation,
      })),
    );
  }
}

export async function rollOf(db: Executor, sessionId: string) {
  return db
    .select({
      id: votingDeputies.id,
      seq: votingDeputies.seq,
      name: votingDeputies.name,
      delegation: votingDeputies.delegation,
      form: votingCheckins.form,
      checkedInAt: votingCheckins.checkedInAt,
    })
    .from(votingDeputies)
    .leftJoin(
      votingCheckins,
      and(eq(votingCheckins.deputyId, votingDeputies.id), eq(votingCheckins.sessionId, sessionId)),
    )
    .where(eq(votingDeputies.sessionId, sessionId))
    .orderBy(asc(votingDeputies.seq));
}

export async function findDeputy(db: Executor, sessionId: string, deputyId: string) {
  const [row] = await db
    .select()
    .from(votingDeputies)
    .where(and(eq(votingDeputies.sessionId, sessionId), eq(votingDeputies.id, deputyId)));
  return row;
}

export async function isCheckedIn(db: Executor, sessionId: string, deputyId: string): Promise<boolean> {
  const [row] = await db
    .select({ form: votingCheckins.form })
    .from(votingCheckins)
    .where(and(eq(votingCheckins.sessionId, sessionId), eq(votingCheckins.deputyId, deputyId)));
  return Boolean(row);
}

export async function insertCheckin(
  tx: Tx,
  values: { sessionId: string; deputyId: string; form: BallotForm; checkedInAt: Date },
) {
  const [row] = await tx.insert(votingCheckins).values(values).returning();
  return row!;
}

export async function insertTokens(
  tx: Tx,
  sessionId: string,
  hashes: readonly string[],
  kind: 'checkin' | 'slip',
): Promise<void> {
  for (let i = 0; i < hashes.length; i += 1000) {
    await tx
      .insert(votingTokens)
      .values(hashes.slice(i, i + 1000).map((tokenHash) => ({ tokenHash, sessionId, kind })));
  }
}

export interface SessionCountsRow {
  roll: number;
  present: number;
  byForm: Record<BallotForm, number>;
  electronicBallots: number;
  paperBallots: number;
}

export async function sessionCounts(db: Executor, sessionId: string): Promise<SessionCountsRow> {
  const [roll] = await db
    .select({ n: count() })
    .from(votingDeputies)
    .where(eq(votingDeputies.sessionId, sessionId));
  const forms = await db
    .select({ form: votingCheckins.form, n: count() })
    .from(votingCheckins)
    .where(eq(votingCheckins.sessionId, sessionId))
    .groupBy(votingCheckins.form);
  const sources = await db
    .select({ source: ballots.source, n: count() })
    .from(ballots)
    .where(eq(ballots.sessionId, sessionId))
    .groupBy(ballots.source);
  const byForm: Record<BallotForm, number> = { electronic: 0, slip: 0, paper: 0 };
  for (const f of forms) byForm[f.form] = Number(f.n);
  const bySource = new Map(sources.map((s) => [s.source, Number(s.n)]));
  return {
    roll: Number(roll?.n ?? 0),
    present: byForm.electronic + byForm.slip + byForm.paper,
    byForm,
    electronicBallots: bySource.get('electronic') ?? 0,
    paperBallots: bySource.get('paper') ?? 0,
  };
}

export async function copyRoll(tx: Tx, fromSessionId: string, toSessionId: string): Promise<void> {
  await tx.execute(sql`
    insert into voting_deputies (session_id, seq, name, delegation)
    select ${toSessionId}, seq, name, delegation from voting_deputies
    where session_id = ${fromSessionId} order by seq`);
}

// ── paper ballots typed in twice ────────────────────────────────────────────────────────────────

export async function paperEntriesOf(
  db: Executor,
  sessionId: string,
  paperNos?: readonly string[],
): Promise<PaperEntryRow[]> {
  if (paperNos && paperNos.length === 0) return [];
  return db
    .select()
    .from(votingPaperEntries)
    .where(
      and(
        eq(votingPaperEntries.sessionId, sessionId),
        paperNos ? inArray(votingPaperEntries.paperNo, [...paperNos]) : undefined,
      ),
    )
    .orderBy(asc(votingPaperEntries.paperNo), asc(votingPaperEntries.enteredAt));
}

export async function countedPaperNos(db: Executor, sessionId: string, paperNos?: readonly string[]) {
  if (paperNos && paperNos.length === 0) return new Set<string>();
  const rows = await db
    .select({ paperNo: ballots.paperNo })
    .from(ballots)
    .where(
      and(
        eq(ballots.sessionId, sessionId),
        eq(ballots.source, 'paper'),
        paperNos ? inArray(ballots.paperNo, [...paperNos]) : undefined,
      ),
    );
  return new Set(rows.map((r) => r.paperNo!));
}

export async function upsertPaperEntry(tx: Tx, entry: typeof votingPaperEntries.$inferInsert): Promise<void> {
  await tx
    .insert(votingPaperEntries)
    .values(entry)
    .onConflictDoUpdate({
      target: [votingPaperEntries.sessionId, votingPaperEntries.paperNo, votingPaperEntries.clerkId],
      set: {
        choices: entry.choices,
        sourceRow: entry.sourceRow,
        enteredAt: entry.enteredAt,
        clerkName: entry.clerkName,
      },
    });
}
