// Named prepared statements for the embedded database's thread (pglite-worker.mjs). Plain JavaScript:
// a worker thread does not inherit the TypeScript loader of the thread that starts it.
import { protocol, parse as results } from '@electric-sql/pglite';

const { serialize } = protocol;

/**
 * PGlite's own `query` parses, analyses and plans every statement anew, and inside WebAssembly that
 * costs more than running it: 1.6 of a report submission's 2.9 ms read, 2 of an approval's 2.6 ms
 * statement (measured at the national bench's scale 0.1). The product sends the same few hundred
 * statement texts with different parameters, so a statement with parameters is prepared once under a
 * name and then only bound and executed, in one call into PostgreSQL instead of five; PostgreSQL's plan
 * cache then decides, as it does for any prepared statement, when a generic plan may be kept.
 * Statements without parameters (migrations, DDL, one-off reads) and COPY with a blob take PGlite's own
 * path. The least recently used statements are closed past `capacity`.
 */
export class PreparedStatements {
  constructor(client, capacity = 400) {
    this.client = client;
    this.capacity = capacity;
    /** statement text → { name, paramTypes }, oldest use first */
    this.statements = new Map();
    this.counter = 0;
    /** Close messages of statements dropped, sent with the next statement prepared. */
    this.closing = [];
    this.parsers = { of: undefined, key: '', merged: undefined };
  }

  /** Whether `query` takes this statement (otherwise PGlite's own query does). */
  takes(params, options) {
    return params.length > 0 && !options.blob;
  }

  /**
   * Runs one statement. Outside a transaction it waits for the one open (as PGlite's query does); inside
   * one (`inTransaction`) the caller already holds PGlite's transaction.
   */
  query(sql, params, options, inTransaction) {
    const run = () => this.client._runExclusiveQuery(() => this.#run(sql, params, options, inTransaction));
    if (inTransaction) return run();
    // Outside a transaction a statement whose plan no longer fits its tables is prepared anew and run
    // again, as PGlite's own query would have run it; inside one the transaction has failed already.
    return this.client._runExclusiveTransaction(() =>
      run().catch((error) => {
        if (!isStale(error)) throw error;
        return run();
      }),
    );
  }

  async #run(sql, params, options, inTransaction) {
    const statement = await this.#prepared(sql);
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const type = statement.paramTypes[i];
      const serializer = options.serializers?.[type] ?? this.client.serializers[type];
      return serializer ? serializer(value) : value.toString();
    });
    const messages = await this.#exchange([
      serialize.bind({ statement: statement.name, values }),
      serialize.describe({ type: 'P' }),
      serialize.execute({}),
      serialize.sync(),
    ]).catch((error) => {
      if (isStale(error)) this.#drop(sql);
      throw error;
    });
    if (!inTransaction) await this.client.syncToFs();
    return results.parseResults(messages, this.#parsers(options.textTypes), {
      rowMode: options.rowMode ?? 'object',
    })[0];
  }

  async #prepared(sql) {
    const known = this.statements.get(sql);
    if (known) {
      this.statements.delete(sql); // moves it to the newest end
      this.statements.set(sql, known);
      return known;
    }
    while (this.statements.size >= this.capacity) this.#drop(this.statements.keys().next().value);
    const closing = this.closing.splice(0);
    const name = `minsheng_${++this.counter}`;
    const messages = await this.#exchange([
      ...closing,
      serialize.parse({ name, text: sql }),
      serialize.describe({ type: 'S', name }),
      serialize.sync(),
    ]);
    const statement = { name, paramTypes: results.parseDescribeStatementResults(messages) };
    this.statements.set(sql, statement);
    return statement;
  }

  #drop(sql) {
    const statement = this.statements.get(sql);
    if (!statement) return;
    this.statements.delete(sql);
    this.closing.push(serialize.close({ type: 'S', name: statement.name }));
  }

  /** Sends the messages to PostgreSQL in one call and returns its answers; throws its error. */
  #exchange(messages) {
    const length = messages.reduce((n, m) => n + m.length, 0);
    const buffer = new Uint8Array(length);
    let at = 0;
    for (const m of messages) {
      buffer.set(m, at);
      at += m.length;
    }
    return this.client.execProtocolStream(buffer, { syncToFs: false });
  }

  /**
   * The client's parsers with the given types read as text (drizzle asks for dates and times so), merged
   * once per set of types: PGlite merges them on every query it is handed them with.
   */
  #parsers(textTypes) {
    if (!textTypes?.length) return this.client.parsers;
    const key = textTypes.join(',');
    const cache = this.parsers;
    if (cache.of !== this.client.parsers || cache.key !== key) {
      const merged = { ...this.client.parsers, ...textParsers(textTypes) };
      this.parsers = { of: this.client.parsers, key, merged };
    }
    return this.parsers.merged;
  }
}

/**
 * A prepared statement that can no longer run as prepared: its result's columns changed with its
 * tables ("cached plan must not change result type") or it is gone (DEALLOCATE).
 */
function isStale(error) {
  return (error?.code === '0A000' && /cached plan/.test(error.message)) || error?.code === '26000';
}

/** drizzle asks for some types as text: a parser for each that hands the value back as it came. */
export function textParsers(textTypes) {
  const parsers = {};
  for (const oid of textTypes) parsers[oid] = (value) => value;
  return parsers;
}
