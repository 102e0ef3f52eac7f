import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, writeTransaction } from '../../src/db/transaction';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';

/**
 * The embedded database's thread runs statements with parameters as named prepared statements
 * (src/db/pglite-prepared.mjs). Whatever it prepares, every statement must answer as PGlite's own
 * query would: the same rows, the same errors, and after DDL too. Run on both databases, so the two
 * answer alike.
 */
describe.each(testDatabaseKinds())('statements with parameters on $name', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await kind.open();
    await database.db.execute(sql`
      create table prepared_probe (
        id int primary key, name text, at timestamptz, amount numeric(18, 2), tags jsonb)`);
  });
  afterAll(() => database?.close());

  const insert = (id: number, name: string | null, amount: string | null, tags: unknown) =>
    database.db.execute(sql`
      insert into prepared_probe (id, name, at, amount, tags)
      values (${id}, ${name}, ${'2023-08-31T16:00:00Z'}::timestamptz, ${amount}, ${JSON.stringify(tags)}::jsonb)`);
  const read = async (id: number) =>
    rowsOf<Record<string, unknown>>(
      await database.db.execute(sql`
        select id, name, at::text as at, amount::text as amount, tags from prepared_probe where id = ${id}`),
    )[0];

  it('answers each call of the same statement with that call’s parameters, nulls and json included', async () => {
    await insert(1, '沁水县', '10000000.00', { field: '城乡建设' });
    await insert(2, null, null, ['交通', '教育']);
    for (let round = 0; round < 3; round++) {
      expect(await read(1)).toEqual({
        id: 1,
        name: '沁水县',
        at: '2023-08-31 16:00:00+00',
        amount: '10000000.00',
        tags: { field: '城乡建设' },
      });
      expect(await read(2)).toMatchObject({ id: 2, name: null, amount: null, tags: ['交通', '教育'] });
      expect(await read(3)).toBeUndefined();
    }
  });

  it('answers an error with its code, and runs the same statement again after it, in and out of transactions', async () => {
    await expect(insert(1, '重复', null, {})).rejects.toMatchObject({ cause: { code: '23505' } });
    await insert(4, '嘉峰镇', '1.50', {});
    await expect(
      writeTransaction(database.db, 'test:prepared', async (tx) => {
        await tx.execute(sql`insert into prepared_probe (id, name) values (${5}, ${'端氏镇'})`);
        await tx.execute(sql`insert into prepared_probe (id, name) values (${5}, ${'端氏镇'})`);
      }),
    ).rejects.toMatchObject({ cause: { code: '23505' } });
    expect(await read(5)).toBeUndefined();
    await writeTransaction(database.db, 'test:prepared', (tx) =>
      tx.execute(sql`insert into prepared_probe (id, name) values (${5}, ${'端氏镇'})`),
    );
    expect(await read(5)).toMatchObject({ name: '端氏镇' });
  });

  it('keeps answering when its table’s columns change under a statement it has prepared', async () => {
    const all = async () =>
      rowsOf<Record<string, unknown>>(
        await database.db.execute(sql`select * from prepared_probe where id = ${1}`),
      )[0];
    expect(Object.keys((await all())!)).not.toContain('town');
    await database.db.execute(sql`alter table prepared_probe add column town text`);
    expect(await all()).toMatchObject({ id: 1, town: null });
  });

  it('keeps answering past the number of statements it keeps prepared, and keeps no more than that', async () => {
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < 450; i++) {
        const statement = sql`select ${i}::int as n`;
        statement.append(sql.raw(`, ${i} as k${i}`));
        const [row] = rowsOf<Record<string, number>>(await database.db.execute(statement));
        expect(row).toEqual({ n: i, [`k${i}`]: i });
      }
    const [kept] = rowsOf<{ n: number }>(
      await database.db.execute(sql.raw('select count(*)::int as n from pg_prepared_statements')),
    );
    expect(kept!.n).toBeLessThanOrEqual(400);
  });

  it('prepares a statement at most once however often it runs (on the embedded database; node-postgres does not)', async () => {
    for (let i = 0; i < 5; i++) await read(1);
    const prepared = rowsOf<{ statement: string }>(
      await database.db.execute(sql.raw('select statement from pg_prepared_statements')),
    ).filter((s) => s.statement.includes('amount::text as amount, tags from prepared_probe where id = $1'));
    expect(prepared).toHaveLength(kind.name === 'pglite' ? 1 : 0);
  });
});
