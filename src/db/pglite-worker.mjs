// The embedded database's own thread (see pglite.ts and pglite-thread.ts). Plain JavaScript: a worker
// thread does not inherit the TypeScript loader of the thread that starts it.
import { fsyncSync, readlinkSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { PreparedStatements, textParsers } from './pglite-prepared.mjs';

/**
 * Out of the box PGlite runs PostgreSQL with fsync off, and the Node file system it runs on
 * (Emscripten NODEFS) turns fsync() and fdatasync() into no-ops: a commit reaches the OS page cache (a
 * killed process loses nothing) but is never forced to disk (a power cut can lose recent commits or
 * leave the folder corrupt). For a folder on disk we turn fsync on, make NODEFS's fsync a real fsync and
 * sync the WAL with fsync(), so a commit returns only once its WAL is on disk and checkpoints sync the
 * data files, as on PostgreSQL. See docs/OPERATIONS.md.
 */
class DurableNodeFS extends NodeFS {
  async init(pg, options) {
    const result = await super.init(pg, options);
    const preRun = result.emscriptenOpts.preRun ?? [];
    result.emscriptenOpts.preRun = [
      ...preRun,
      (mod) => {
        const nodefs = mod.NODEFS;
        if (!nodefs?.stream_ops)
          throw new Error('PGlite: NODEFS.stream_ops not found, cannot make fsync real');
        nodefs.stream_ops.fsync = (stream) => {
          const sync = () => {
            fsyncSync(stream.nfd);
            countSync(stream.nfd);
          };
          if (nodefs.tryFSOperation) nodefs.tryFSOperation(sync);
          else sync();
          return 0;
        };
      },
    ];
    return result;
  }
}

/** How many times the write-ahead log was forced to disk, for the thread that started this one. */
const walSyncs = new Int32Array(workerData.walSyncs);

function countSync(fd) {
  try {
    if (readlinkSync(`/proc/self/fd/${fd}`).includes('/pg_wal/')) Atomics.add(walSyncs, 0, 1);
  } catch {
    // no /proc (not Linux): not counted
  }
}

function openClient(folder, dump) {
  if (!folder) return new PGlite(dump ? { loadDataDir: new Blob([dump]) } : undefined);
  return new PGlite({
    fs: new DurableNodeFS(folder),
    // PGlite's defaults pass -F (fsync off); a later -c wins. Emscripten's fdatasync is a no-op, so
    // the WAL is synced with fsync().
    startParams: [...PGlite.defaultStartParams, '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'],
  });
}

/** What crosses back to the other thread of a database error: its message and its SQL fields. */
function errorOf(error) {
  const out = { message: String(error?.message ?? error), name: error?.name ?? 'Error' };
  for (const key of [
    'code',
    'severity',
    'detail',
    'hint',
    'schema',
    'table',
    'column',
    'constraint',
    'where',
    'position',
    'routine',
  ])
    if (error && typeof error[key] === 'string') out[key] = error[key];
  return out;
}

/** drizzle asks for some types as text (its parsers hand the value back as it came). */
function optionsOf(message) {
  const options = { rowMode: message.rowMode ?? 'object' };
  // Only when there are some: PGlite merges them into all its parsers on every query it is handed them.
  if (message.textTypes?.length) options.parsers = textParsers(message.textTypes);
  if (message.blob) options.blob = new Blob([message.blob]);
  return options;
}

const client = openClient(workerData.folder, workerData.dump);
const prepared = new PreparedStatements(client);
const transactions = new Map();

/**
 * Opens transaction `id` (numbered by the other thread, which sends its statements without waiting for
 * this): they wait for `ready`. With an actor, the audit trail's setting is made before anything else.
 */
function beginTransaction(id, actor) {
  let finish;
  const decided = new Promise((resolve, reject) => {
    finish = { commit: resolve, rollback: reject };
  });
  let opened;
  const open = new Promise((resolve) => {
    opened = resolve;
  });
  const whole = client.transaction(async (tx) => {
    if (actor) await prepared.query("select set_config('minsheng.actor', $1, true)", [actor], {}, true);
    opened(tx);
    return decided;
  });
  const ready = Promise.race([open, whole.then(() => null)]).then((tx) => {
    if (!tx) throw new Error(`transaction ${id} did not begin`);
    return tx;
  });
  ready.catch(() => {}); // reported to the statements that wait for it
  transactions.set(id, { ready, finish, whole });
  return ready.then(() => id);
}

async function endTransaction(id, commit) {
  const t = transactions.get(id);
  if (!t) throw new Error(`no open transaction ${id}`);
  transactions.delete(id);
  await t.ready;
  if (commit) {
    t.finish.commit();
    await t.whole;
  } else {
    t.finish.rollback(new Error('rolled back'));
    await t.whole.catch(() => {});
  }
}

async function on(message) {
  if (!message.tx) return client;
  const t = transactions.get(message.tx);
  if (!t) throw new Error(`no open transaction ${message.tx}`);
  return t.ready;
}

async function handle(message) {
  switch (message.op) {
    case 'query': {
      const target = await on(message);
      const params = message.params ?? [];
      if (prepared.takes(params, message))
        return prepared.query(message.sql, params, message, target !== client);
      return target.query(message.sql, params, optionsOf(message));
    }
    case 'exec':
      return (await on(message)).exec(message.sql);
    case 'begin':
      return beginTransaction(message.tx, message.actor);
    case 'end':
      return endTransaction(message.tx, message.commit);
    case 'dump':
      return (await client.dumpDataDir('none')).arrayBuffer();
    case 'close':
      await client.close();
      return null;
    default:
      throw new Error(`unknown operation ${message.op}`);
  }
}

parentPort.on('message', (message) => {
  handle(message).then(
    (result) => {
      const answer = { id: message.id, ok: true, result };
      parentPort.postMessage(answer);
      if (message.op === 'close') parentPort.close();
    },
    (error) => parentPort.postMessage({ id: message.id, ok: false, error: errorOf(error) }),
  );
});

client.waitReady.then(
  () => parentPort.postMessage({ ready: true }),
  (error) => parentPort.postMessage({ ready: false, error: errorOf(error) }),
);
