import { asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertJsonRows } from '../../src/db/json-batches';
import { auditLog, users } from '../../src/db/schema';
import { writeTransaction } from '../../src/db/transaction';
import { verifyAuditChain } from '../../src/modules/audit';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';

describe.each(testDatabaseKinds())('bulk inserts and their audit rows on $name', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await kind.open();
  });
  afterAll(() => database?.close());

  const auditOf = (table: string) =>
    database.db.select().from(auditLog).where(eq(auditLog.tableName, table)).orderBy(asc(auditLog.seq));

  it('stores every row with its types and defaults, and audits each one in order, secrets left out', async () => {
    const locked = new Date('2026-03-05T08:30:00.000Z');
    await writeTransaction(database.db, 'test:bulk', (tx) =>
      insertJsonRows(tx, users, [
        {
          username: 'zhang.san',
          displayName: '张三',
          passwordHash: 'secret-1',
          phone: '13800000001',
          lockedUntil: locked,
        },
        { username: 'li.si', displayName: '李四', passwordHash: 'secret-2', phone: null, lockedUntil: null },
        {
          username: 'wang.wu',
          displayName: '王五',
          passwordHash: 'secret-3',
          phone: '13800000003',
          lockedUntil: null,
        },
      ]),
    );
    const stored = await database.db.select().from(users).orderBy(asc(users.createdAt), asc(users.username));
    expect(stored.map((u) => [u.username, u.displayName, u.phone, u.active, u.failedLogins])).toEqual([
      ['li.si', '李四', null, true, 0],
      ['wang.wu', '王五', '13800000003', true, 0],
      ['zhang.san', '张三', '13800000001', true, 0],
    ]);
    expect(stored.find((u) => u.username === 'zhang.san')!.lockedUntil?.toISOString()).toBe(
      locked.toISOString(),
    );

    const audit = await auditOf('users');
    expect(audit.map((a) => [a.action, a.actor, (a.after as { username: string }).username])).toEqual([
      ['insert', 'test:bulk', 'zhang.san'],
      ['insert', 'test:bulk', 'li.si'],
      ['insert', 'test:bulk', 'wang.wu'],
    ]);
    for (const a of audit) {
      expect(a.after).not.toHaveProperty('password_hash');
      expect(a.recordId).toBe((a.after as { id: string }).id);
    }
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('keeps one chain across bulk inserts, single inserts and updates in one transaction', async () => {
    await writeTransaction(database.db, 'test:mixed', async (tx) => {
      await tx.insert(users).values({ username: 'zhao.liu', displayName: '赵六', passwordHash: 'secret-4' });
      await insertJsonRows(tx, users, [
        { username: 'sun.qi', displayName: '孙七', passwordHash: 'secret-5' },
      ]);
      await tx.update(users).set({ displayName: '孙七（已改）' }).where(eq(users.username, 'sun.qi'));
    });
    const audit = (await auditOf('users')).slice(-3);
    expect(audit.map((a) => a.action)).toEqual(['insert', 'insert', 'update']);
    expect((audit[2]!.before as { display_name: string }).display_name).toBe('孙七');
    expect((audit[2]!.after as { display_name: string }).display_name).toBe('孙七（已改）');
    expect(audit[2]!.before).not.toHaveProperty('password_hash');
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('audits a statement that inserts nothing with no row, and refuses rows of different shapes', async () => {
    const audited = async () => (await database.db.select({ n: count() }).from(auditLog))[0]!.n;
    const before = await audited();
    await writeTransaction(database.db, 'test:none', async (tx) => {
      await insertJsonRows(tx, users, []);
      await tx.execute(
        sql`insert into users (username, display_name, password_hash) select 'x', 'y', 'z' where false`,
      );
    });
    expect(await audited()).toBe(before);
    await expect(
      writeTransaction(database.db, 'test:shape', (tx) =>
        insertJsonRows(tx, users, [
          { username: 'a.b', displayName: '甲', passwordHash: 'x', phone: '1' },
          { username: 'c.d', displayName: '乙', passwordHash: 'y' },
        ]),
      ),
    ).rejects.toThrow(/same columns/);
  });
});
