/**
 * Child process of killed-process.test.ts. Opens the database the way the product does
 * (DATABASE_URL, else the PGlite folder MINSHENG_DATA_DIR), migrates, then commits one township
 * region per transaction through writeTransaction and prints `ack <code> <walFsyncs>` on stdout
 * only after the commit has returned. It never stops by itself before running out of codes: the
 * parent SIGKILLs it mid-stream.
 *
 * The number after the code is how many times the embedded database forced its write-ahead log to disk
 * since the previous acknowledgement (Database.walSyncs; -1 on PostgreSQL, where the server process
 * does the fsync and this process cannot see it).
 */

import { openDatabase } from '../../src/db/client';
import { regions } from '../../src/db/schema';
import { writeTransaction } from '../../src/db/transaction';

const database = await openDatabase({
  url: process.env.DATABASE_URL || undefined,
  dataDir: process.env.MINSHENG_DATA_DIR,
});
await database.migrate();
const onPglite = database.kind === 'pglite';
process.stdout.write(`ready ${database.kind}\n`);

let walSyncs = database.walSyncs?.() ?? 0;
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
  const now = database.walSyncs?.() ?? 0;
  process.stdout.write(`ack ${code} ${onPglite ? now - walSyncs : -1}\n`);
  walSyncs = now;
}
process.stdout.write('exhausted\n');
await database.close();
