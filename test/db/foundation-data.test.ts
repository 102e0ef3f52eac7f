import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, planYears, regions, roleGrants, units, users } from '../../src/db/schema';
import { rowsOf, writeTransaction } from '../../src/db/transaction';
import { verifyAuditChain } from '../../src/modules/audit';
import { seed } from '../../src/seed/seed';
import { configFromEnv } from '../../src/server/config';
import { type AppDeps, createDeps } from '../../src/server/deps';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';

describe.each(testDatabaseKinds())('foundation data on $name', (kind) => {
  let database: TestDatabase;
  let deps: AppDeps;

  beforeAll(async () => {
    database = await kind.open();
    deps = createDeps(database, configFromEnv({}));
  });
  afterAll(() => database?.close());

  const countOf = async (
    table: typeof regions | typeof units | typeof users | typeof planYears | typeof roleGrants,
  ) => (await database.db.select({ n: count() }).from(table))[0]!.n;

  it('migrates an empty database to the full schema', async () => {
    const tables = rowsOf<{ table_name: string }>(
      await database.db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      ),
    ).map((r) => r.table_name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'audit_log',
        'plan_years',
        'regions',
        'role_grants',
        'sessions',
        'units',
        'users',
      ]),
    );
  });

  it('loads every province, city and county, with 沁水县 under 晋城市 under 山西省', async () => {
    const report = await seed(deps, { demo: true, adminPassword: 'Qinshui#2023pass' });
    expect(report.regionsLoaded).toBeGreaterThan(3000);
    const [qinshui] = await database.db.select().from(regions).where(eq(regions.code, '140521'));
    expect(qinshui).toMatchObject({ name: '沁水县', level: 'county', parentCode: '140500' });
    const [jincheng] = await database.db.select().from(regions).where(eq(regions.code, '140500'));
    expect(jincheng).toMatchObject({ name: '晋城市', parentCode: '140000' });
    const provinces = await database.db.select().from(regions).where(eq(regions.level, 'province'));
    expect(provinces.map((p) => p.name)).toEqual(
      expect.arrayContaining(['山西省', '河南省', '吉林省', '北京市']),
    );
    // Municipalities have no placeholder city: 东城区 hangs on 北京市.
    const [dongcheng] = await database.db.select().from(regions).where(eq(regions.code, '110101'));
    expect(dongcheng?.parentCode).toBe('110000');
    const townships = await database.db.select().from(regions).where(eq(regions.parentCode, '140521'));
    expect(townships.map((t) => t.name)).toEqual(expect.arrayContaining(['龙港镇', '土沃乡', '嘉峰镇']));
  });

  it('loading the demo data twice leaves one copy of everything', async () => {
    const before = {
      regions: await countOf(regions),
      units: await countOf(units),
      users: await countOf(users),
      planYears: await countOf(planYears),
      grants: await countOf(roleGrants),
    };
    const again = await seed(deps, { demo: true, adminPassword: 'Qinshui#2023pass' });
    expect(again).toMatchObject({
      regionsLoaded: 0,
      adminCreated: false,
      demo: { units: 0, users: 0, planYears: 0, townships: 0 },
    });
    expect({
      regions: await countOf(regions),
      units: await countOf(units),
      users: await countOf(users),
      planYears: await countOf(planYears),
      grants: await countOf(roleGrants),
    }).toEqual(before);
    const qinshuiUnits = await database.db.select().from(units).where(eq(units.regionCode, '140521'));
    expect(qinshuiUnits.map((u) => u.name)).toEqual(
      expect.arrayContaining(['住建局', '卫体局', '园林绿化服务中心', '人社局']),
    );
  });

  it('records who changed what, before and after, and never the password hash', async () => {
    await writeTransaction(database.db, 'user:tester', (tx) =>
      tx.update(units).set({ shortName: '住建' }).where(eq(units.name, '住建局')),
    );
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.actor, 'user:tester'));
    expect(entry).toMatchObject({ action: 'update', tableName: 'units' });
    expect((entry!.before as { short_name: string | null }).short_name).toBeNull();
    expect((entry!.after as { short_name: string }).short_name).toBe('住建');
    const userEntries = await database.db.select().from(auditLog).where(eq(auditLog.tableName, 'users'));
    expect(userEntries.length).toBeGreaterThan(0);
    for (const e of userEntries) expect(JSON.stringify(e.after)).not.toContain('argon2');
  });

  it('refuses to update, delete or truncate the audit log', async () => {
    await expect(
      database.db.execute(sql`update audit_log set actor = 'someone' where seq = 1`),
    ).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log where seq = 1`)).rejects.toThrow();
    await expect(database.db.execute(sql`truncate audit_log`)).rejects.toThrow();
  });

  // Ballots and ballot tokens (of the vote and of the satisfaction evaluation) stay out of the audit log on purpose: an audit row names the acting
  // user and the time, which could line a ballot up with a check-in. They are append-only instead.
  it('attaches the audit trigger to every table but the log, sessions, read models and secret ballots', async () => {
    const rows = rowsOf<{ table_name: string; audited: boolean }>(
      await database.db.execute(sql`
        select t.table_name,
               exists (select 1 from pg_trigger g join pg_class c on c.oid = g.tgrelid
                       where c.relname = t.table_name and g.tgname = 'audit_capture') as audited
        from information_schema.tables t
        where t.table_schema = 'public' and t.table_type = 'BASE TABLE'`),
    );
    const unaudited = rows.filter((r) => !r.audited).map((r) => r.table_name);
    expect(unaudited.sort()).toEqual([
      'audit_log',
      'ballots',
      'evaluation_ballots',
      'evaluation_tokens',
      'indicator_rollups',
      'latest_figures',
      'sessions',
      'voting_tokens',
    ]);
  });

  it('verifies the chain, then names the first row an intruder changed', async () => {
    const intact = await verifyAuditChain(database.db);
    expect(intact.ok).toBe(true);
    expect(intact.checked).toBeGreaterThan(3000);
    // Only someone with database superuser rights can do this: switch the triggers off and edit.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      await tx.execute(sql`update audit_log set after = jsonb_set(after, '{name}', '"篡改"') where seq = 42`);
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    });
    const broken = await verifyAuditChain(database.db);
    expect(broken).toMatchObject({ ok: false, brokenAt: 42, reason: 'hash' });
    expect(broken.message).toBe('第 42 条审计记录内容与哈希不符（记录被改动）');
  });

  it('names a deleted row as a gap in the chain', async () => {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      await tx.execute(sql`update audit_log set after = jsonb_set(after, '{name}', to_jsonb(
        (select after->>'name' from audit_log where seq = 41))) where seq = 42`);
      await tx.execute(sql`delete from audit_log where seq = 7`);
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    });
    const broken = await verifyAuditChain(database.db);
    expect(broken).toMatchObject({ ok: false, brokenAt: 7, reason: 'gap' });
  });
});
