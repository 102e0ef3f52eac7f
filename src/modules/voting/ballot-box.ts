import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../../db/client';
import { transactionsRunAlone } from '../../db/together';
import { writeTransaction } from '../../db/transaction';
import { DomainError } from '../../kernel/errors';
import {
  ballotHash,
  type ChoiceInput,
  type Choices,
  checkChoices,
  GENESIS_HASH,
  overfullBallot,
  sameChoices,
} from './ballot.rules';
import {
  type ChainHead,
  castingState,
  chainHead,
  insertBallots,
  lockSessions,
  lockSessionsOfTokens,
} from './ballot-box.repository';
import { castTag, issuedHash, receiptFor, receiptHash } from './ballot-secrets';
import { type ballots, votingSessions } from './voting.tables';
import type { BallotCandidate, VotingRule } from './voting-session.rules';

/**
 * The ballot box: electronic ballots are appended to their sessions' hash chains in batches. While
 * one batch commits, the ballots that arrive queue up and go into the next transaction together, so
 * a thousand deputies pressing 提交 at once cost a few commits and a few queries, not thousands
 * (group commit): each batch resolves all its tokens in one query, locks their sessions, reads which
 * tokens have already cast in one query and appends. A ballot is acknowledged only after the commit
 * of its batch has returned; a failed commit fails every ballot in it and the deputies' pages retry
 * with the same token, which is idempotent.
 *
 * Each batch locks its sessions' rows (FOR NO KEY UPDATE, as closing does) before reading which
 * tokens have cast: a chain is read and extended by one writer at a time, across processes too, no
 * token casts twice, and no ballot slips in after the count. A batch is appended in shuffled order,
 * so the chain's order says less about who came when.
 */
export interface CastAnswer {
  readonly receipt: string;
  readonly repeated: boolean;
  /** Why the ballot, taken, counts as void (more 赞成 than allowed, under the default rule); else null. */
  readonly voidReason: string | null;
  readonly session: { readonly id: string; readonly title: string };
}

interface Pending {
  readonly token: string;
  readonly issued: string;
  readonly tag: string;
  readonly input: ChoiceInput;
  resolve: (answer: CastAnswer) => void;
  reject: (error: unknown) => void;
}

type Outcome = CastAnswer | DomainError;
type BallotEntry = Omit<typeof ballots.$inferInsert, 'sessionId' | 'seq' | 'prevHash' | 'hash'>;

const MAX_BATCH = 500;

/** What a ballot needs of its session; it never changes once the session is open. */
export interface BallotConfig {
  id: string;
  congress: string;
  sitting: string;
  title: string;
  seats: number;
  rule: VotingRule;
  candidates: BallotCandidate[];
  receiptSecret: string;
}

const configs = new WeakMap<Db, Map<string, BallotConfig>>();

/**
 * The ballot configuration of an open session, cached per process. `via` reads it when not cached
 * (inside a transaction, the transaction itself: PGlite runs one statement stream at a time).
 */
export async function ballotConfig(db: Db, sessionId: string, via: Executor = db): Promise<BallotConfig> {
  let cache = configs.get(db);
  if (!cache) {
    cache = new Map();
    configs.set(db, cache);
  }
  const hit = cache.get(sessionId);
  if (hit) return hit;
  const [row] = await via.select().from(votingSessions).where(eq(votingSessions.id, sessionId));
  if (!row?.ballotCandidates) throw new DomainError('BALLOT_NOT_OPEN');
  const config: BallotConfig = {
    id: row.id,
    congress: row.congress,
    sitting: row.sitting,
    title: row.title,
    seats: row.seats,
    rule: row.rule,
    candidates: row.ballotCandidates,
    receiptSecret: row.receiptSecret,
  };
  if (cache.size > 1000) cache.clear();
  cache.set(sessionId, config);
  return config;
}

export class BallotBox {
  private queue: Pending[] = [];
  private draining = false;

  constructor(private readonly db: Db) {}

  /** Casts the ballot of a canonical token; resolves once it is committed (or was already). */
  cast(token: string, input: ChoiceInput): Promise<CastAnswer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ token, issued: issuedHash(token), tag: castTag(token), input, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  /**
   * Batches start from setImmediate, after the event loop has read every request that is waiting: a
   * batch started at once would hold one ballot, and the rest would wait for its commit.
   */
  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        let outcomes: Outcome[];
        try {
          outcomes = await writeTransaction(this.db, 'ballot', (tx) => appendBatch(this.db, tx, batch));
        } catch (error) {
          for (const p of batch) p.reject(error);
          continue;
        }
        batch.forEach((p, i) => {
          const outcome = outcomes[i]!;
          if (outcome instanceof DomainError) p.reject(outcome);
          else p.resolve(outcome);
        });
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.draining = false;
    }
  }
}

/** Locks the session row against the count and other writers of its chain; returns its state. */
export async function lockSessionChain(tx: Tx, sessionId: string): Promise<string | undefined> {
  return (await lockSessions(tx, [sessionId])).get(sessionId);
}

/**
 * Appends ballots to the session's chain; the caller holds the session's lock. `knownHead`: the chain's
 * head as read under that lock (null: no ballot yet); read here when not given.
 */
export async function appendToChain(
  tx: Tx,
  sessionId: string,
  entries: readonly BallotEntry[],
  knownHead?: ChainHead | null,
): Promise<void> {
  if (entries.length === 0) return;
  const head = knownHead === undefined ? await chainHead(tx, sessionId) : knownHead;
  let seq = head?.seq ?? 0;
  let prev = head?.hash ?? GENESIS_HASH;
  const rows = entries.map((entry) => {
    seq++;
    const content = {
      sessionId,
      seq,
      source: entry.source,
      tokenTag: entry.tokenTag ?? null,
      paperNo: entry.paperNo ?? null,
      receiptHash: entry.receiptHash ?? null,
      choices: entry.choices,
    };
    const hash = ballotHash(prev, content);
    const row = { ...content, prevHash: prev, hash };
    prev = hash;
    return row;
  });
  await insertBallots(tx, rows);
}

/**
 * One batch, in the order of checks a single ballot gets: the token is known, its session has
 * opened, the choices follow the rule, a token that has cast gets its first receipt back (same
 * choices) or a refusal, and only then must the session still be open.
 */
async function appendBatch(db: Db, tx: Tx, batch: readonly Pending[]): Promise<Outcome[]> {
  // Where other connections write at once (PostgreSQL), the sessions are locked first and everything
  // after is read under the locks: no other writer can cast one of these tokens, extend these chains
  // or close these sessions meanwhile. The embedded database runs one transaction at a time: nothing
  // can come between, and the batch costs one wait between threads fewer.
  if (!transactionsRunAlone(tx))
    await lockSessionsOfTokens(
      tx,
      batch.map((p) => p.issued),
    );
  const {
    tokens: found,
    states,
    heads,
  } = await castingState(
    tx,
    batch.map((p) => ({ issued: p.issued, tag: p.tag })),
  );
  const cast = new Map<string, Choices>();
  for (const p of batch) {
    const earlier = found.get(p.issued)?.castChoices;
    if (earlier) cast.set(p.tag, earlier);
  }
  const outcomes: Outcome[] = new Array(batch.length);
  const entries = new Map<string, BallotEntry[]>();
  for (const i of shuffled(batch.length)) {
    const p = batch[i]!;
    const sessionId = found.get(p.issued)?.sessionId;
    if (!sessionId) {
      outcomes[i] = new DomainError('BALLOT_TOKEN_INVALID', { field: 'token' });
      continue;
    }
    const state = states.get(sessionId);
    if (state === 'draft') {
      outcomes[i] = new DomainError('BALLOT_NOT_OPEN');
      continue;
    }
    let choices: Choices;
    let config: BallotConfig;
    try {
      config = await ballotConfig(db, sessionId, tx);
      choices = checkChoices(config.rule, config.seats, config.candidates, p.input);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcomes[i] = error;
      continue;
    }
    const receipt = receiptFor(config.receiptSecret, p.token);
    const answer = (repeated: boolean) => ({
      receipt,
      repeated,
      voidReason: overfullBallot(config.rule, config.seats, choices)?.reason ?? null,
      session: { id: config.id, title: config.title },
    });
    const earlier = cast.get(p.tag);
    if (earlier) {
      outcomes[i] = sameChoices(earlier, choices) ? answer(true) : new DomainError('BALLOT_ALREADY_CAST');
      continue;
    }
    if (state !== 'open') {
      outcomes[i] = new DomainError('BALLOT_SESSION_CLOSED');
      continue;
    }
    cast.set(p.tag, choices);
    const list = entries.get(sessionId) ?? [];
    list.push({ source: 'electronic', tokenTag: p.tag, receiptHash: receiptHash(receipt), choices });
    entries.set(sessionId, list);
    outcomes[i] = answer(false);
  }
  for (const [sessionId, list] of entries)
    await appendToChain(tx, sessionId, list, heads.get(sessionId) ?? null);
  return outcomes;
}

function shuffled(n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

const boxes = new WeakMap<Db, BallotBox>();

/** The one ballot box of a database handle in this process. */
export function ballotBoxOf(db: Db): BallotBox {
  let box = boxes.get(db);
  if (!box) {
    box = new BallotBox(db);
    boxes.set(db, box);
  }
  return box;
}
