/**
 * Child process of killed-process.test.ts. Opens the database the way the product does
 * (DATABASE_URL, else the PGlite folder MINSHENG_DATA_DIR), migrates, then commits one township
 * region per transaction through writeTransaction and prints `ack <code> <walFsyncs>` on stdout
 * only after the commit has returned. It never stops by itself before running out of codes: the
 * parent SIGKILLs it mid-stream.
 *
 * walFsyncs is how many fsync calls this process made on a file under pg_wal/ since the previous
 * acknowledgement (counted by wrapping node:fs fsyncSync; -1 on PostgreSQL, where the server
 * process does the fsync and this process cannot see it).
 */
import fs, { readlinkSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { regions } from '../../src/db/schema';

let walFsyncs = 0;
const realFsyncSync = fs.fsyncSync;
fs.fsyncSync = (fd: number) => {
  realFsyncSync(fd);
  try {
    if (readlinkSync(`/proc/self/fd/${fd}`).includes('/pg_wal/')) walFsyncs++;
  } catch {
    // no /proc (not Linux): the count stays 0 and the parent says so
  }
};
// Named imports of node:fs (in the database client) see the wrapper too.
syncBuiltinESMExports();

const { openDatabase } = await import('../../src/db/client');
const { writeTransaction } = await import('../../src/db/transaction');

const database = await openDatabase({
  url: process.env.DATABASE_URL || undefined,
  dataDir: process.env.MINSHENG_DATA_DIR,
});
await database.migrate();
const onPglite = database.kind === 'pglite';
process.stdout.write(`ready ${database.kind}\n`);

walFsyncs = 0;
for (let i = 0; i < 900; i++) {
  const code = `140521${String(100 + i).padStart(3, '0')}`;
  await writeTransaction(database.db, 'system:durability-test', (tx) =>
    tx.insert(regions).values({
      code,
      name: `测试乡镇${i}`,
      level: 'township',
      parentCode: '140521',
      source: 'manual',
    }),
  );
  // The commit has returned: only now is the row acknowledged.
  process.stdout.write(`ack ${code} ${onPglite ? walFsyncs : -1}\n`);
  walFsyncs = 0;
}
process.stdout.write('exhausted\n');
await database.close();
