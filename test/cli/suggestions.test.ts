import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestions } from '../../src/db/schema';
import { findPlanYear } from '../../src/modules/plans';
import { importSuggestionSheet, suggestionGroups } from '../../src/modules/suggestions/use-cases/intake';
import { configFromEnv } from '../../src/server/config';
import { type AppDeps, createDeps } from '../../src/server/deps';
import { COMMAND_TESTS, runCommand } from '../support/cli';
import { pgliteDataDir, type TestDatabase, testDatabaseKinds } from '../support/databases';

const labelled = readFileSync(
  new URL('../../src/modules/suggestions/testdata/suggestions.tsv', import.meta.url),
  'utf8',
)
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [ref, group, , , text] = line.split('\t');
    return { ref: ref!, group: group!, text: text! };
  });

/** The labelled suggestions as a hotline export would look: 编号, 内容, 渠道, 提交时间. */
function sheet(items: typeof labelled): string {
  const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
  const channels = ['12345热线', '微信公众号', '县政府网站', '群众来信'];
  return [
    '编号,内容,渠道,提交时间',
    ...items.map((s, i) =>
      [s.ref, quote(s.text), channels[i % 4], `2023-01-${String((i % 28) + 1).padStart(2, '0')} 09:00`].join(
        ',',
      ),
    ),
  ].join('\n');
}

describe.each(testDatabaseKinds())('suggestion intake on $name', (kind) => {
  let database: TestDatabase;
  let deps: AppDeps;
  beforeAll(async () => {
    database = await kind.openDemo();
    deps = createDeps(database, configFromEnv({}));
  });
  afterAll(() => database?.close());

  // The demo data has suggestions of its own (沁水县 2023): count only the plan year imported into.
  const countImported = async () => {
    const planYear = (await findPlanYear(database.db, '140521', 2024))!;
    const [row] = await database.db
      .select({ n: count() })
      .from(suggestions)
      .where(eq(suggestions.planYearId, planYear.id));
    return row!.n;
  };

  const importSheet = (text: string) =>
    importSuggestionSheet(deps, 'system:test', {
      regionCode: '140521',
      year: 2024,
      fileName: 'hotline.csv',
      bytes: Buffer.from(text),
    });

  it('imports a hotline sheet and updates, not doubles, on a second import', async () => {
    expect(await importSheet(sheet(labelled))).toMatchObject({
      rows: labelled.length,
      added: labelled.length,
      updated: 0,
    });
    expect(await importSheet(sheet(labelled.slice(0, 10)))).toMatchObject({ added: 0, updated: 10 });
    expect(await countImported()).toBe(labelled.length);
  });

  it('refuses a sheet with a bad row whole', async () => {
    const bad = `${sheet(labelled.slice(0, 3))}\nNEW1,,网站,2023-01-05`;
    await expect(importSheet(bad.replace('S001', 'NEW0'))).rejects.toMatchObject({
      code: 'SUGGESTION_TABLE_INVALID',
    });
    expect(await countImported()).toBe(labelled.length);
  });

  it('groups every suggestion exactly once, twins together, with a field and a unit', async () => {
    const groups = await suggestionGroups(deps, 'system:test', '140521', 2024);
    const members = groups.flatMap((g) => g.members);
    expect(members.sort()).toEqual(labelled.map((s) => s.ref).sort());
    const groupOf = new Map(groups.flatMap((g) => g.members.map((m) => [m, g.id] as const)));
    expect(groupOf.get('S001')).toBe(groupOf.get('S002'));
    const lift = groups.find((g) => g.members.includes('S001'))!;
    expect(lift).toMatchObject({ field: '城乡建设', unit: '住建局' });
    expect(lift.label).toContain('杏园');
  });

  it('keeps the time of day a sheet gives: an .xlsx date-time cell, a system export in UTC', async () => {
    const workbook = new ExcelJS.Workbook();
    const rows = workbook.addWorksheet('12345工单');
    rows.addRow(['工单号', '诉求内容', '来源', '来件时间']);
    // Excel stores 09:30 as a day fraction, read back a hair short of it.
    rows.addRow(['T-1', '端氏镇卫生院缺儿科医生', '12345热线', new Date(Date.UTC(2023, 0, 5, 9, 30) - 1)]);
    rows.addRow(['T-2', '县城老旧小区加装电梯', '12345热线', '2023-01-06T01:15:00Z']);
    const stored = await importSuggestionSheet(deps, 'system:test', {
      regionCode: '140521',
      year: 2024,
      fileName: '工单.xlsx',
      bytes: new Uint8Array(await workbook.xlsx.writeBuffer()),
    });
    expect(stored).toMatchObject({ rows: 2, added: 2 });
    const times = await database.db
      .select({ ref: suggestions.externalRef, at: suggestions.submittedAt })
      .from(suggestions)
      .where(inArray(suggestions.externalRef, ['T-1', 'T-2']))
      .orderBy(suggestions.externalRef);
    expect(times.map((t) => [t.ref, t.at?.toISOString()])).toEqual([
      ['T-1', '2023-01-05T01:30:00.000Z'],
      ['T-2', '2023-01-06T01:15:00.000Z'],
    ]);
  });
});

describe('the suggestions command line', COMMAND_TESTS, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ms-sug-'));
  let env: Record<string, string>;
  beforeAll(async () => {
    env = { DATABASE_URL: '', MINSHENG_DATA_DIR: await pgliteDataDir() };
  });
  const run = (...args: string[]) => runCommand(args, env);

  it('imports a sheet and prints the groups as JSON', () => {
    const file = join(dir, 'hotline.csv');
    writeFileSync(file, sheet(labelled.slice(0, 40)));
    const imported = run('suggestions', 'import', file, '--region', '140521', '--year', '2024');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ region: '140521', year: 2024, rows: 40, added: 40 });
    const groups = JSON.parse(
      run('suggestions', 'groups', '--region', '140521', '--year', '2024', '--format', 'json').out,
    );
    expect(Object.keys(groups[0]).sort()).toEqual(['field', 'id', 'label', 'members', 'unit']);
    expect(groups.flatMap((g: { members: string[] }) => g.members)).toHaveLength(40);
  });

  it('answers a bad sheet with exit 2 naming the row and column', () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, '编号,内容,渠道,提交时间\nA1,修路,网站,昨天\n');
    const result = run('suggestions', 'import', file, '--region', '140521', '--year', '2024');
    expect(result.code).toBe(2);
    expect(result.err).toContain('第 2 行“提交时间”');
  });
});
