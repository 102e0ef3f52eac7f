import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteThread } from '../../src/db/pglite-thread';
import { auditLog, users } from '../../src/db/schema';
import { rowsOf, writeTransaction } from '../../src/db/transaction';
import { verifyAuditChain } from '../../src/modules/audit';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';

describe.each(testDatabaseKinds())('write transactions and their actors on $name', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await kind.open();
  });
  afterAll(() => database?.close());

  const newUser = (username: string) => ({ username, displayName: username, passwordHash: 'x' });

  it('records each transaction’s own actor when many begin at once', async () => {
    const names = Array.from({ length: 8 }, (_, i) => `actor.${i}`);
    await Promise.all(
      names.map((name) =>
        writeTransaction(database.db, `test:${name}`, async (tx) => {
          const [setting] = rowsOf<{ actor: string }>(
            await tx.execute(sql`select current_setting('minsheng.actor', true) as actor`),
          );
          expect(setting!.actor).toBe(`test:${name}`);
          await tx.insert(users).values(newUser(name));
        }),
      ),
    );
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.tableName, 'users'))
      .orderBy(asc(auditLog.seq));
    const byUser = new Map(audit.map((a) => [(a.after as { username: string }).username, a.actor]));
    for (const name of names) expect(byUser.get(name)).toBe(`test:${name}`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('leaves no actor behind for a transaction begun outside writeTransaction', async () => {
    await writeTransaction(database.db, 'test:first', async (tx) => {
      await tx.insert(users).values(newUser('first.one'));
    });
    const setting = await database.db.transaction(async (tx) =>
      rowsOf<{ actor: string | null }>(
        await tx.execute(sql`select current_setting('minsheng.actor', true) as actor`),
      ),
    );
    expect(setting[0]!.actor || null).toBeNull();
  });

  it('rolls back a transaction whose work fails, and the next one commits', async () => {
    await expect(
      writeTransaction(database.db, 'test:failing', async (tx) => {
        await tx.insert(users).values(newUser('rolled.back'));
        await tx.execute(sql`select 1 / 0`);
      }),
    ).rejects.toThrow();
    await writeTransaction(database.db, 'test:after', async (tx) => {
      await tx.insert(users).values(newUser('after.failure'));
    });
    const names = (await database.db.select({ username: users.username }).from(users)).map((u) => u.username);
    expect(names).toContain('after.failure');
    expect(names).not.toContain('rolled.back');
  });
});

describe('the embedded database thread', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await testDatabaseKinds()[0]!.open();
  });
  afterAll(() => database?.close());

  it('runs statements sent before BEGIN has answered inside that transaction, the actor set first', async () => {
    const thread = (database.db as unknown as { $client: PgliteThread }).$client;
    expect(thread).toBeInstanceOf(PgliteThread);
    thread.actorOfNextTransaction = 'test:pipelined';
    const seen = await thread.transaction(async (tx) => {
      expect(tx.actor).toBe('test:pipelined');
      const [actor, first, second] = await Promise.all([
        tx.query<{ actor: string }>("select current_setting('minsheng.actor', true) as actor"),
        tx.query<{ xid: string }>('select pg_current_xact_id()::text as xid'),
        tx.query<{ xid: string }>('select pg_current_xact_id()::text as xid'),
      ]);
      return [actor.rows[0]!.actor, first.rows[0]!.xid === second.rows[0]!.xid];
    });
    // One transaction: both statements see the same transaction id.
    expect(seen).toEqual(['test:pipelined', true]);
    expect(thread.actorOfNextTransaction).toBeUndefined();
    const outside = await thread.transaction((tx) =>
      tx.query<{ actor: string | null }>("select current_setting('minsheng.actor', true) as actor"),
    );
    expect(outside.rows[0]!.actor || null).toBeNull();
  });
});
