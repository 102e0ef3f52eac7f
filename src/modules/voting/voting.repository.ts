import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { insertJsonRows } from '../../db/json-batches';
import { rowsOf } from '../../db/transaction';
import { candidates } from '../candidates';
import { planYears } from '../plans';
import type { Choices } from './ballot.rules';
import {
  ballots,
  votingCheckins,
  votingDeputies,
  votingPaperEntries,
  votingSessions,
  votingTokens,
} from './voting.tables';
import type { BallotForm } from './voting-session.rules';

/** Every query of the voting module. */
export type SessionRow = typeof votingSessions.$inferSelect;
export type BallotRow = typeof ballots.$inferSelect;
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

// ── ballots ─────────────────────────────────────────────────────────────────────────────────────

export interface TokenLookup {
  sessionId: string;
  state: string;
  /** Set when this token has already cast its ballot. */
  castChoices: Choices | null;
}

/** One round trip: is the token issued, in which session, in which state, already used? */
export async function lookupToken(
  db: Executor,
  issued: string,
  tag: string,
): Promise<TokenLookup | undefined> {
  const [row] = rowsOf<{ session_id: string; state: string; choices: Choices | null }>(
    await db.execute(sql`
      select t.session_id, s.state, b.choices
      from voting_tokens t
      join voting_sessions s on s.id = t.session_id
      left join ballots b on b.token_tag = ${tag}
      where t.token_hash = ${issued}`),
  );
  return row ? { sessionId: row.session_id, state: row.state, castChoices: row.choices } : undefined;
}

/**
 * Locks the sessions the given tokens were issued for against the count and other writers of their
 * chains (FOR NO KEY UPDATE, in id order so two writers never wait on each other crosswise); returns
 * each one's state. The hashes travel as one JSON parameter, however many there are.
 */
export async function lockSessionsOfTokens(tx: Tx, issued: readonly string[]): Promise<Map<string, string>> {
  if (issued.length === 0) return new Map();
  const rows = rowsOf<{ id: string; state: string }>(
    await tx.execute(sql`
      select id, state from voting_sessions
      where id in (
        select t.session_id from voting_tokens t
        where t.token_hash = any(array(select jsonb_array_elements_text(${JSON.stringify(issued)}::jsonb))))
      order by id
      for no key update`),
  );
  return new Map(rows.map((r) => [r.id, r.state]));
}

export interface IssuedToken {
  sessionId: string;
  /** The choices of the ballot this token has cast, if it has. */
  castChoices: Choices | null;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * Of each token (its issued hash and cast tag): the session it was issued for, that session's state and
 * what the token has cast; and the head of each of those sessions' ballot chains (absent: no ballot
 * yet). One statement, read by the ballot box under the sessions' locks.
 */
export async function castingState(
  tx: Executor,
  tokens: ReadonlyArray<{ issued: string; tag: string }>,
): Promise<{ tokens: Map<string, IssuedToken>; states: Map<string, string>; heads: Map<string, ChainHead> }> {
  const out = { tokens: new Map<string, IssuedToken>(), states: new Map<string, string>(), heads: new Map() };
  if (tokens.length === 0) return out;
  const rows = rowsOf<{
    issued: string | null;
    session_id: string;
    state: string | null;
    choices: Choices | null;
    seq: number | null;
    hash: string | null;
  }>(
    await tx.execute(sql`
      with t as (
        select x.issued, x.tag, v.session_id
        from jsonb_to_recordset(${JSON.stringify(tokens)}::jsonb) as x(issued text, tag text)
        join voting_tokens v on v.token_hash = x.issued)
      select t.issued, t.session_id, s.state, b.choices, null::integer as seq, null::text as hash
      from t join voting_sessions s on s.id = t.session_id
      left join ballots b on b.token_tag = t.tag
      union all
      select null, h.session_id, null, null, h.seq, h.hash
      from (select distinct session_id from t) d
      cross join lateral (
        select session_id, seq, hash from ballots where session_id = d.session_id order by seq desc limit 1
      ) h`),
  );
  for (const r of rows) {
    if (r.issued === null) {
      out.heads.set(r.session_id, { seq: r.seq!, hash: r.hash! });
      continue;
    }
    out.tokens.set(r.issued, { sessionId: r.session_id, castChoices: r.choices });
    out.states.set(r.session_id, r.state!);
  }
  return out;
}

/** Locks sessions by id, as lockSessionsOfTokens does; returns each one's state. */
export async function lockSessions(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: votingSessions.id, state: votingSessions.state })
    .from(votingSessions)
    .where(inArray(votingSessions.id, [...ids]))
    .orderBy(asc(votingSessions.id))
    .for('no key update');
  return new Map(rows.map((r) => [r.id, r.state]));
}

export async function chainHead(
  tx: Executor,
  sessionId: string,
): Promise<{ seq: number; hash: string } | null> {
  const [row] = await tx
    .select({ seq: ballots.seq, hash: ballots.hash })
    .from(ballots)
    .where(eq(ballots.sessionId, sessionId))
    .orderBy(desc(ballots.seq))
    .limit(1);
  return row ?? null;
}

/** Appends a batch of ballots in one statement (see json-batches.ts). */
export async function insertBallots(tx: Tx, rows: Array<typeof ballots.$inferInsert>): Promise<void> {
  await insertJsonRows(
    tx,
    ballots,
    rows.map((r) => ({
      sessionId: r.sessionId,
      seq: r.seq,
      source: r.source,
      tokenTag: r.tokenTag ?? null,
      paperNo: r.paperNo ?? null,
      receiptHash: r.receiptHash ?? null,
      choices: r.choices,
      prevHash: r.prevHash,
      hash: r.hash,
    })),
  );
}

export async function ballotsOf(db: Executor, sessionId: string): Promise<BallotRow[]> {
  return db.select().from(ballots).where(eq(ballots.sessionId, sessionId)).orderBy(asc(ballots.seq));
}

export async function ballotByReceipt(db: Executor, hash: string): Promise<BallotRow | undefined> {
  const [row] = await db.select().from(ballots).where(eq(ballots.receiptHash, hash));
  return row;
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
