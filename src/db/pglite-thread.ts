import { Worker } from 'node:worker_threads';

/**
 * The embedded database on a thread of its own. PGlite is PostgreSQL compiled to WebAssembly: every
 * statement runs to its end on the thread that called it. On the thread that answers HTTP, one long
 * query (a year-end report, a drain of 2,000 suggestions, a batch of ballots) held every other request,
 * health checks included. Here PGlite runs in a worker (pglite-worker.mjs) and this class is what drizzle
 * talks to in its place: the same `query`, `exec` and `transaction`, each a message to the worker.
 *
 * A transaction is opened in the worker and held there while this thread runs the caller's function; its
 * statements carry the transaction's id. PGlite runs one transaction at a time and queues everything
 * else meanwhile, as it did on this thread.
 */
export interface QueryOptions {
  rowMode?: 'array' | 'object';
  /** drizzle's parsers: each gives the text back as it came, so only their type ids travel. */
  parsers?: Record<number | string, unknown>;
  blob?: Blob;
}

export interface Results<T = Record<string, unknown>> {
  rows: T[];
  fields: Array<{ name: string; dataTypeID: number }>;
  affectedRows?: number;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Answer {
  id?: number;
  ok?: boolean;
  result?: unknown;
  error?: Record<string, string>;
  ready?: boolean;
}

const workerFile = new URL('./pglite-worker.mjs', import.meta.url);

function databaseError(fields: Record<string, string> | undefined): Error {
  const error = new Error(fields?.message ?? 'PGlite error');
  Object.assign(error, fields ?? {});
  return error;
}

export class PgliteThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private nextTransaction = 1;
  private exited = false;
  private started = false;
  private readonly walSyncCount = new Int32Array(new SharedArrayBuffer(4));
  readonly waitReady: Promise<void>;

  /** `folder` null: a database in memory, empty or loaded from `dump` (what `dump()` gave). */
  constructor(folder: string | null, dump?: ArrayBuffer) {
    this.worker = new Worker(workerFile, {
      workerData: { folder, dump, walSyncs: this.walSyncCount.buffer },
    });
    // The worker keeps the process alive while it starts and while a call waits for it (see call), so
    // a command line exits when its work is done without closing the database.
    this.waitReady = new Promise((resolve, reject) => {
      const onReady = (answer: Answer) => {
        if (answer.ready === undefined) return;
        this.worker.off('message', onReady);
        this.started = true;
        if (this.pending.size === 0) this.worker.unref();
        if (answer.ready) resolve();
        else reject(databaseError(answer.error));
      };
      this.worker.on('message', onReady);
      this.worker.once('error', reject);
    });
    this.worker.on('message', (answer: Answer) => {
      if (answer.id === undefined) return;
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.pending.delete(answer.id);
      if (this.pending.size === 0 && this.started) this.worker.unref();
      if (answer.ok) waiting.resolve(answer.result);
      else waiting.reject(databaseError(answer.error));
    });
    const fail = (error: unknown) => {
      this.exited = true;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`内嵌数据库线程已退出（${code}）`)));
  }

  /** How many times the write-ahead log has been forced to disk (fsync) so far. */
  get walSyncs(): number {
    return Atomics.load(this.walSyncCount, 0);
  }

  query<T>(
    sql: string,
    params: unknown[] = [],
    options: QueryOptions = {},
    tx?: number,
  ): Promise<Results<T>> {
    const textTypes = options.parsers ? Object.keys(options.parsers).map(Number) : undefined;
    if (options.blob) {
      return options.blob
        .arrayBuffer()
        .then((blob) =>
          this.call({ op: 'query', sql, params, rowMode: options.rowMode, textTypes, blob, tx }),
        );
    }
    return this.call({ op: 'query', sql, params, rowMode: options.rowMode, textTypes, tx });
  }

  exec(sql: string, tx?: number): Promise<Results[]> {
    return this.call({ op: 'exec', sql, tx });
  }

  /**
   * The actor the next transaction records for the audit trail as it begins (see writeTransaction),
   * taken by the next call of `transaction`: set just before it, within the same synchronous step.
   */
  actorOfNextTransaction: string | undefined = undefined;

  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws. BEGIN (and
   * the actor's setting) goes without waiting for its answer: the statements that follow carry the
   * transaction's id and the worker runs them once it has begun, so a transaction costs one round trip
   * between the threads fewer. A failed BEGIN fails the first statement and the commit.
   */
  async transaction<T>(work: (tx: PgliteTransaction) => Promise<T>): Promise<T> {
    const id = this.nextTransaction++;
    const actor = this.actorOfNextTransaction;
    this.actorOfNextTransaction = undefined;
    const begun = this.call({ op: 'begin', tx: id, actor });
    begun.catch(() => {}); // answered through the statements and the end
    let result: T;
    try {
      result = await work(new PgliteTransaction(this, id, actor));
    } catch (error) {
      await this.call({ op: 'end', tx: id, commit: false }).catch(() => {});
      throw error;
    }
    await begun;
    await this.call({ op: 'end', tx: id, commit: true });
    return result;
  }

  /** The whole database as a tar of its folder (PGlite's dumpDataDir), to load into another one. */
  dump(): Promise<ArrayBuffer> {
    return this.call({ op: 'dump' });
  }

  async close(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    await this.call({ op: 'close' });
    this.worker.ref(); // until it has exited
    await exited;
  }

  private call<T>(message: Record<string, unknown>): Promise<T> {
    if (this.exited) return Promise.reject(new Error('内嵌数据库已关闭'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...message, id });
    });
  }
}

/** What drizzle's PGlite session runs a transaction's statements on. */
export class PgliteTransaction {
  constructor(
    private readonly thread: PgliteThread,
    private readonly id: number,
    /** The actor the transaction recorded as it began, if any (see PgliteThread.transaction). */
    readonly actor?: string,
  ) {}

  query<T>(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<Results<T>> {
    return this.thread.query<T>(sql, params, options, this.id);
  }

  exec(sql: string): Promise<Results[]> {
    return this.thread.exec(sql, this.id);
  }
}
