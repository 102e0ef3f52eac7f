import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { writeTransaction } from '../../db/transaction';
import { DomainError } from '../../kernel/errors';
import { ballotHash, type Choices, GENESIS_HASH, sameChoices } from './ballot.rules';
import { castChoicesOf, chainHead, insertBallots } from './voting.repository';
import { type ballots, votingSessions } from './voting.tables';

/**
 * The ballot box: electronic ballots of a session are appended to its hash chain in batches. While
 * one batch commits, the ballots that arrive queue up and go into the next transaction together, so
 * a thousand deputies pressing 提交 at once cost a few commits, not a thousand (group commit). Every
 * ballot is acknowledged only after the commit of its batch has returned; a failed commit fails every
 * ballot in it and the deputies' pages retry with the same token, which is idempotent.
 *
 * Each batch locks the session row (FOR NO KEY UPDATE, as closing does): the chain head is read and
 * extended by one writer at a time, across processes too, and no ballot slips in after the count.
 * A batch is appended in shuffled order, so the chain's order says less about who came when.
 */
export interface CastRequest {
  readonly tag: string;
  readonly receiptHash: string;
  readonly choices: Choices;
}

export type CastOutcome = { readonly repeated: boolean } | DomainError;

interface Pending extends CastRequest {
  resolve: (outcome: { repeated: boolean }) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 500;

export class BallotBox {
  private readonly queues = new Map<string, Pending[]>();
  private readonly draining = new Set<string>();

  constructor(private readonly db: Db) {}

  cast(sessionId: string, request: CastRequest): Promise<{ repeated: boolean }> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(sessionId);
      if (queue) queue.push({ ...request, resolve, reject });
      else this.queues.set(sessionId, [{ ...request, resolve, reject }]);
      if (!this.draining.has(sessionId)) void this.drain(sessionId);
    });
  }

  private async drain(sessionId: string): Promise<void> {
    this.draining.add(sessionId);
    try {
      for (;;) {
        const queue = this.queues.get(sessionId);
        if (!queue || queue.length === 0) break;
        const batch = queue.splice(0, MAX_BATCH);
        let outcomes: CastOutcome[];
        try {
          outcomes = await writeTransaction(this.db, 'ballot', (tx) => appendBatch(tx, sessionId, batch));
        } catch (error) {
          for (const p of batch) p.reject(error);
          continue;
        }
        batch.forEach((p, i) => {
          const outcome = outcomes[i]!;
          if (outcome instanceof DomainError) p.reject(outcome);
          else p.resolve(outcome);
        });
      }
    } finally {
      this.queues.delete(sessionId);
      this.draining.delete(sessionId);
    }
  }
}

/** Locks the session row against the count and other writers of its chain; returns its state. */
export async function lockSessionChain(tx: Tx, sessionId: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ state: votingSessions.state })
    .from(votingSessions)
    .where(eq(votingSessions.id, sessionId))
    .for('no key update');
  return row?.state;
}

/** Appends ballots to the session's chain; the caller holds lockSessionChain. */
export async function appendToChain(
  tx: Tx,
  sessionId: string,
  entries: ReadonlyArray<Omit<typeof ballots.$inferInsert, 'sessionId' | 'seq' | 'prevHash' | 'hash'>>,
): Promise<void> {
  if (entries.length === 0) return;
  const head = await chainHead(tx, sessionId);
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

async function appendBatch(tx: Tx, sessionId: string, batch: readonly Pending[]): Promise<CastOutcome[]> {
  const state = await lockSessionChain(tx, sessionId);
  if (state !== 'open') {
    const error = new DomainError(state === 'draft' ? 'BALLOT_NOT_OPEN' : 'BALLOT_SESSION_CLOSED');
    return batch.map(() => error);
  }
  const cast = await castChoicesOf(
    tx,
    batch.map((p) => p.tag),
  );
  const outcomes: CastOutcome[] = new Array(batch.length);
  const entries: Array<Omit<typeof ballots.$inferInsert, 'sessionId' | 'seq' | 'prevHash' | 'hash'>> = [];
  for (const i of shuffled(batch.length)) {
    const p = batch[i]!;
    const earlier = cast.get(p.tag);
    if (earlier) {
      outcomes[i] = sameChoices(earlier, p.choices)
        ? { repeated: true }
        : new DomainError('BALLOT_ALREADY_CAST');
      continue;
    }
    cast.set(p.tag, p.choices);
    entries.push({ source: 'electronic', tokenTag: p.tag, receiptHash: p.receiptHash, choices: p.choices });
    outcomes[i] = { repeated: false };
  }
  await appendToChain(tx, sessionId, entries);
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
