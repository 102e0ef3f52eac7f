import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { insertJsonRows } from '../../db/json-batches';
import { rowsOf } from '../../db/transaction';
import type { Choices } from './ballot.rules';
import { ballots, votingSessions } from './voting.tables';

/** The ballot box's queries: tokens, the hash chain's head, and the append-only ballots. */
export type BallotRow = typeof ballots.$inferSelect;

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
