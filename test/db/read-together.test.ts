import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTogether, transactionsRunAlone } from '../../src/db/together';
import { rowsOf, writeTransaction } from '../../src/db/transaction';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';

describe.each(testDatabaseKinds())('reads sent together on $name', (kind) => {
  let database: TestDatabase;
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.message);

  beforeAll(async () => {
    database = await kind.open();
    process.on('warning', onWarning);
  });
  afterAll(async () => {
    process.off('warning', onWarning);
    await database?.close();
  });

  const value = (ex: Parameters<typeof readTogether>[0], n: number) => async () =>
    rowsOf<{ n: number }>(await ex.execute(sql`select ${n}::int as n, pg_sleep(0.01)`))[0]!.n;

  it('answers each read in its place, inside a transaction and outside one, and nothing is deprecated', async () => {
    const inside = await writeTransaction(database.db, 'test:together', (tx) =>
      readTogether(tx, [value(tx, 1), value(tx, 2), async () => 'not a query', value(tx, 3)]),
    );
    expect(inside).toEqual([1, 2, 'not a query', 3]);
    const outside = await readTogether(database.db, [value(database.db, 4), value(database.db, 5)]);
    expect(outside).toEqual([4, 5]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((w) => w.includes('already executing a query'))).toEqual([]);
  });

  it('fails with the first failing read and leaves the transaction rolled back', async () => {
    await expect(
      writeTransaction(database.db, 'test:together', (tx) =>
        readTogether(tx, [
          value(tx, 1),
          async () => Promise.reject(new Error('第二个读取失败')),
          value(tx, 3),
        ]),
      ),
    ).rejects.toThrow('第二个读取失败');
    const after = await readTogether(database.db, [value(database.db, 6)]);
    expect(after).toEqual([6]);
  });

  it('knows whether transactions run one at a time (the embedded database) or beside others', async () => {
    const alone = kind.name === 'pglite';
    expect(transactionsRunAlone(database.db)).toBe(alone);
    expect(await writeTransaction(database.db, 'test:alone', async (tx) => transactionsRunAlone(tx))).toBe(
      alone,
    );
  });
});
