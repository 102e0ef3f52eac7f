/**
 * Bulk loading for benchmark data sets: COPY … FROM STDIN (CSV) through `pg` on PostgreSQL and
 * COPY … FROM '/dev/blob' on PGlite, fed chunk by chunk from a row generator. Used only to build
 * benchmark data; the product never loads data this way.
 */
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Database } from '../../src/db/client';

export type CsvValue = string | number | null;

/** One CSV field: null is an unquoted empty field (NULL under COPY … CSV), text is always quoted. */
function field(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return `"${value.replaceAll('"', '""')}"`;
}

export function csvLine(values: readonly CsvValue[]): string {
  let line = field(values[0] ?? null);
  for (let i = 1; i < values.length; i++) line += `,${field(values[i] ?? null)}`;
  return `${line}\n`;
}

/** Rows into CSV text chunks of about `rowsPerChunk` rows. */
export function* csvChunks(rows: Iterable<readonly CsvValue[]>, rowsPerChunk = 50_000): Generator<string> {
  let parts: string[] = [];
  for (const row of rows) {
    parts.push(csvLine(row));
    if (parts.length >= rowsPerChunk) {
      yield parts.join('');
      parts = [];
    }
  }
  if (parts.length) yield parts.join('');
}

/** Minimal COPY FROM STDIN for `pg` (no extra dependency): a Submittable fed from CSV chunks. */
class CopyFromStdin {
  callback?: (error: Error | null) => void;
  private failed: Error | null = null;
  constructor(
    private readonly text: string,
    private readonly chunks: Iterable<string>,
    private readonly done: (error: Error | null) => void,
  ) {}
  submit(connection: { query(text: string): void }) {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: {
    sendCopyFromChunk(chunk: Buffer): void;
    endCopyFrom(): void;
    sendCopyFail(message: string): void;
    stream: NodeJS.WritableStream & { writableNeedDrain?: boolean };
  }) {
    void (async () => {
      try {
        for (const chunk of this.chunks) {
          connection.sendCopyFromChunk(Buffer.from(chunk, 'utf8'));
          if (connection.stream.writableNeedDrain)
            await new Promise((resolve) => connection.stream.once('drain', resolve));
        }
        connection.endCopyFrom();
      } catch (error) {
        this.failed = error as Error;
        connection.sendCopyFail(String(error));
      }
    })();
  }
  handleCommandComplete() {}
  handleError(error: Error) {
    this.failed = this.failed ?? error;
  }
  handleReadyForQuery() {
    this.done(this.failed);
  }
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyData() {}
}

/**
 * A session that loads rows with COPY: on PostgreSQL one pooled connection, on PGlite the single
 * embedded connection. `run` wraps work in one transaction with `SET LOCAL
 * session_replication_role = replica`, which skips every trigger (the audit chain, the guards and
 * the foreign-key checks) for that transaction only.
 */
export interface BulkSession {
  exec(sql: string): Promise<void>;
  query<T>(sql: string): Promise<T[]>;
  copy(table: string, columns: readonly string[], rows: Iterable<readonly CsvValue[]>): Promise<number>;
}

export async function withBulkSession<T>(
  database: Database,
  work: (session: BulkSession) => Promise<T>,
  options: { skipTriggers?: boolean } = {},
): Promise<T> {
  const begin = `BEGIN;${options.skipTriggers ? ' SET LOCAL session_replication_role = replica;' : ''}`;
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.kind === 'postgres') {
    const conn = await (client as pg.Pool).connect();
    const session: BulkSession = {
      exec: async (sql) => {
        await conn.query(sql);
      },
      query: async <R>(sql: string) => (await conn.query(sql)).rows as R[],
      copy: (table, columns, rows) => {
        let count = 0;
        const counted = (function* () {
          for (const row of rows) {
            count++;
            yield row;
          }
        })();
        return new Promise<number>((resolve, reject) => {
          const submittable = new CopyFromStdin(
            `COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`,
            csvChunks(counted),
            (error) => (error ? reject(error) : resolve(count)),
          );
          conn.query(submittable as never);
        });
      },
    };
    try {
      await conn.query(begin);
      const result = await work(session);
      await conn.query('COMMIT');
      return result;
    } catch (error) {
      await conn.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      conn.release();
    }
  }
  const lite = client as PGlite;
  const session: BulkSession = {
    exec: async (sql) => {
      await lite.exec(sql);
    },
    query: async <R>(sql: string) => (await lite.query<R>(sql)).rows,
    copy: async (table, columns, rows) => {
      let count = 0;
      const text = `COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`;
      const counted = (function* () {
        for (const row of rows) {
          count++;
          yield row;
        }
      })();
      for (const chunk of csvChunks(counted)) await lite.query(text, [], { blob: new Blob([chunk]) });
      return count;
    },
  };
  try {
    await lite.exec(begin);
    const result = await work(session);
    await lite.exec('COMMIT');
    return result;
  } catch (error) {
    await lite.exec('ROLLBACK').catch(() => {});
    throw error;
  }
}
