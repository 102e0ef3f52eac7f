import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { sumYuan } from '../../src/kernel/money';
import { recordReview } from '../../src/modules/candidates';
import { importCandidateTable, listCandidates } from '../../src/modules/candidates/use-cases/candidate-list';
import { setShortlisted } from '../../src/modules/candidates/use-cases/screening';
import { createUser } from '../../src/modules/identity';
import { seedRegions } from '../../src/seed/seed';
import { configFromEnv } from '../../src/server/config';
import { type AppDeps, createDeps } from '../../src/server/deps';
import { actorOf } from '../support/actors';
import { COMMAND_TESTS, type CommandResult, runCommand, runCommandInProcess } from '../support/cli';
import { pgliteDataDir, type TestDatabase, testDatabaseKinds } from '../support/databases';

const fixture = new URL('../../../shared/fixtures/qinshui-2023-candidates.tsv', import.meta.url).pathname;

describe.each(testDatabaseKinds())('importing the official candidate table on $name', (kind) => {
  let database: TestDatabase;
  let deps: AppDeps;
  beforeAll(async () => {
    database = await kind.open();
    deps = createDeps(database, configFromEnv({}));
    await seedRegions(database.db);
  });
  afterAll(() => database?.close());

  it('takes the Qinshui fixture as 15 candidates, the first with 9 milestones adding up to 10,000,000 yuan', async () => {
    const summary = await importCandidateTable(deps, 'system:test', {
      regionCode: '140521',
      year: 2023,
      fileName: 'qinshui-2023-candidates.tsv',
      bytes: readFileSync(fixture),
    });
    expect(summary.candidates).toBe(15);
    const rows = await listCandidates(deps, 'system:test', '140521', 2023);
    const first = rows[0]!;
    expect(first).toMatchObject({ seq: 1, name: '口袋公园建设项目', budget: '10000000.00' });
    expect(first.units.lead).toEqual(['园林绿化中心']);
    expect(first.contacts).toEqual([{ name: '李慧鑫', phone: '18235666981' }]);
    expect(first.milestones).toHaveLength(9);
    expect(first.milestones[0]!.due).toBe('2023-02-28');
    expect(first.milestones.at(-1)!.due).toBe('2023-10-31');
    expect(sumYuan(first.milestones.map((m) => m.investment!))).toBe('10000000.00');
    const fourth = rows[3]!;
    expect(fourth.units).toEqual({
      lead: ['住建局'],
      partners: ['园林绿化服务中心', '交警大队', '晋城市生态环境局沁水分局'],
      implementers: [],
    });
    // Cells it could not fully read are kept and flagged, never dropped.
    const insurance = rows[2]!;
    expect(insurance.planText).toContain('每月汇总上报保险理赔情况');
    expect(insurance.needsReview.length).toBeGreaterThan(0);
  });

  it('refuses a table with no project column whole, writing nothing', async () => {
    const bad = Buffer.from('序号\t名称不对\n1\t某项目\n');
    await expect(
      importCandidateTable(deps, 'system:test', {
        regionCode: '140521',
        year: 2023,
        fileName: 'bad.tsv',
        bytes: bad,
      }),
    ).rejects.toMatchObject({ code: 'CANDIDATE_TABLE_INVALID' });
    expect(await listCandidates(deps, 'system:test', '140521', 2023)).toHaveLength(15);
  });
});

describe('the candidates command line', COMMAND_TESTS, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ms-cand-'));
  let env: Record<string, string>;
  beforeAll(async () => {
    env = { DATABASE_URL: '', MINSHENG_DATA_DIR: await pgliteDataDir() };
  });
  // A child process for the import and its refusal (the process contract); the exports in-process.
  const run = (...args: string[]) => runCommandInProcess(args, env);
  const spawned = (...args: string[]) => runCommand(args, env);

  it('imports the fixture and prints a JSON summary', () => {
    const result = spawned('candidates', 'import', fixture, '--region', '140521', '--year', '2023');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.out);
    expect(summary).toMatchObject({ region: '140521', year: 2023, candidates: 15, budget: '125750000.00' });
    expect(summary.list[0]).toMatchObject({ seq: 1, name: '口袋公园建设项目', milestones: 9 });
  });

  it('exports the list as JSON, as an .xlsx in the official layout and as a .docx appendix', async () => {
    const exportAs = (format: string, ...rest: string[]) =>
      run('candidates', 'export', '--region', '140521', '--year', '2023', '--format', format, ...rest);
    const json = JSON.parse((await exportAs('json')).out);
    expect(json.candidates).toHaveLength(15);
    const xlsx = join(dir, 'list.xlsx');
    expect((await exportAs('xlsx', '--out', xlsx)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(2).values as string[]).slice(1, 4)).toEqual(['序号', '项目名称', '年度工作任务']);
    expect(sheet.getRow(3).getCell(5).value).toBe('牵头：园林绿化中心');
    expect(sheet.getRow(3).getCell(9).value).toBe('李慧鑫 18235666981');
    expect(sheet.getRow(3).getCell(10).value).toBe('1000万元');
    const docx = join(dir, 'list.docx');
    expect((await exportAs('docx', '--out', docx)).code).toBe(0);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
  });

  it('answers an unreadable table with exit 2 and the reason', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, '编号,标题\n1,x\n');
    const result = spawned('candidates', 'import', bad, '--region', '140521', '--year', '2024');
    expect(result.code).toBe(2);
    expect(result.err.split('\n')[0]).toBe('错误：候选项目表有误（1 处），未导入任何内容');
  });
});

describe('candidates export: the list that goes to the vote', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ms-cand-list-'));
  let env: Record<string, string>;
  // The shortlist's JSON from a child process (the process contract); the other exports in-process.
  const run = (...args: string[]) => runCommandInProcess(args, env);
  const exportArgs = (year: number, ...rest: string[]) =>
    ['candidates', 'export', '--region', '140521', '--year', String(year), ...rest] as const;
  // The 2025 shortlist as JSON, exported once for the two tests that read it.
  let shortlistJson: CommandResult | undefined;
  const exportShortlistJson = () => {
    shortlistJson ??= runCommand([...exportArgs(2025, '--format', 'json')], env);
    return shortlistJson;
  };

  /** In the same embedded database the commands use: what the coordinator does in the console. */
  async function asCoordinator(
    work: (deps: AppDeps, actor: Awaited<ReturnType<typeof actorOf>>) => Promise<void>,
  ) {
    const config = configFromEnv(env);
    const database = await openDatabase(config.database);
    try {
      const deps = createDeps(database, config);
      await seedRegions(database.db);
      await createUser(deps, 'system:test', {
        username: 'cli.coord',
        displayName: '沁水县民生办',
        password: 'Qinshui#2025pass',
        grants: [{ role: 'coordinator', regionCode: '140521' }],
      });
      await work(deps, await actorOf(database.db, 'cli.coord'));
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    env = { DATABASE_URL: '', MINSHENG_DATA_DIR: await pgliteDataDir() };
    // Both years imported the way `minsheng candidates import` does (the command is tested above), in
    // this process: two child processes fewer.
    // 2025: three of the fifteen are screened out, then both meetings approve the twelve.
    // 2026: nothing is on the shortlist yet.
    await asCoordinator(async (deps, coordinator) => {
      for (const year of [2025, 2026]) {
        const summary = await importCandidateTable(deps, 'system:cli', {
          regionCode: '140521',
          year,
          fileName: 'qinshui-2023-candidates.tsv',
          bytes: readFileSync(fixture),
        });
        expect(summary.candidates).toBe(15);
      }
      for (const year of [2025, 2026]) {
        const rows = await listCandidates(deps, coordinator, '140521', year);
        const out = year === 2025 ? rows.filter((c) => [3, 7, 11].includes(c.seq)) : rows;
        for (const c of out) await setShortlisted(deps, coordinator, c.id, false);
      }
      await recordReview(deps, coordinator, '140521', 2025, {
        meeting: 'government',
        heldOn: '2025-01-08',
        decision: 'approved',
      });
      await recordReview(deps, coordinator, '140521', 2025, {
        meeting: 'party',
        heldOn: '2025-01-12',
        decision: 'approved',
      });
    });
  }, 300_000);

  it('exports the approved shortlist as JSON, not every candidate', async () => {
    const result = exportShortlistJson();
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out);
    expect(json).toMatchObject({
      region: '140521',
      year: 2025,
      title: '沁水县2025年民生实事候选项目清单',
      scope: 'list',
      state: 'approved',
    });
    // The list is numbered 1..12; the draft's 序号 (with the gaps) stays beside it to find the draft.
    expect(json.candidates.map((c: { no: number }) => c.no)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    expect(json.candidates.map((c: { seq: number }) => c.seq)).toEqual([
      1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 15,
    ]);
    expect(json.candidates.every((c: { shortlisted: boolean }) => c.shortlisted)).toBe(true);
    const all = JSON.parse((await run(...exportArgs(2025, '--format', 'json', '--scope', 'all'))).out);
    expect(all).toMatchObject({ title: '沁水县2025年民生实事谋划项目清单', scope: 'all' });
    expect(all.candidates).toHaveLength(15);
  }, 180_000);

  it('writes the shortlist in the official layout, as the console’s export does', async () => {
    const xlsx = join(dir, 'list.xlsx');
    expect((await run(...exportArgs(2025, '--format', 'xlsx', '--out', xlsx))).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell(1, 1).value).toBe('沁水县2025年民生实事候选项目清单');
    expect((sheet.getRow(2).values as string[]).slice(1)).toEqual([
      '序号',
      '项目名称',
      '年度工作任务',
      '推进计划',
      '实施单位',
      '县级分管领导',
      '责任领导',
      '分管领导',
      '责任人及联系电话',
      '需财政投入资金（初步估算）',
      '备注',
    ]);
    expect(sheet.rowCount).toBe(2 + 12);
    // A shortlist is numbered 1..12 as printed, not by the draft's 序号 (1, 2, 4, 5, 6, 8…).
    const numbers = Array.from({ length: 12 }, (_, i) => String(sheet.getRow(3 + i).getCell(1).value));
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    const names = Array.from({ length: 12 }, (_, i) => String(sheet.getRow(3 + i).getCell(2).value));
    const json = JSON.parse(exportShortlistJson().out);
    expect(names).toEqual(json.candidates.map((c: { name: string }) => c.name));
    expect(sheet.getRow(3).getCell(5).value).toBe('牵头：园林绿化中心');
    expect(sheet.getRow(3).getCell(10).value).toBe('1000万元');
    // Printed: A4 landscape, one page wide, the header row on every page.
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
    });
    const docx = join(dir, 'list.docx');
    expect((await run(...exportArgs(2025, '--format', 'docx', '--out', docx))).code).toBe(0);
    const text = readFileSync(docx);
    expect(text.subarray(0, 2).toString()).toBe('PK');
    // The printed appendix: the first cell of each row after the header, 1..12.
    const xml = await (await JSZip.loadAsync(text)).file('word/document.xml')!.async('string');
    const firstCells = [...xml.matchAll(/<w:tr\b[\s\S]*?<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(firstCells).toEqual(['序号', ...Array.from({ length: 12 }, (_, i) => String(i + 1))]);
  }, 180_000);

  it('says there is no list to vote on before anything is shortlisted, instead of an empty table', async () => {
    const result = await run(...exportArgs(2026, '--format', 'xlsx', '--out', join(dir, 'none.xlsx')));
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      '错误：候选项目清单中还没有入围项目（共 15 个谋划项目），没有可提交票决的清单；如需导出全部谋划项目，请选择“全部”（scope=all）\n',
    );
    expect((await run(...exportArgs(2026, '--format', 'json', '--scope', 'all'))).code).toBe(0);
    const bad = await run(...exportArgs(2026, '--scope', 'shortlist'));
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('错误：--scope 只能是 list（入围清单）或 all（全部谋划项目），收到“shortlist”\n');
  }, 180_000);
});
