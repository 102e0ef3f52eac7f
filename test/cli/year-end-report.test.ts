import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EVALUATION_TITLE } from '../../src/seed/evaluation-demo';
import { COMMAND_TESTS, runCommand, runCommandInProcess } from '../support/cli';
import { pgliteDataDir, type TestDatabase, testDatabaseKinds } from '../support/databases';

/** `npx minsheng report year-end` as outside tools run it, on the demo data `npm start` loads. */
describe.each(testDatabaseKinds())('report year-end command on $name', COMMAND_TESTS, (kind) => {
  const dir = mkdtempSync(join(tmpdir(), 'ms-cli-year-end-'));
  let database: TestDatabase | undefined;
  let env: Record<string, string>;

  // A child process for the text, the JSON and a refusal (the process contract); the rest in-process.
  const spawned = (...args: string[]) => runCommand(args, env);
  const run = (...args: string[]) => runCommandInProcess(args, env);

  // The demo data as `minsheng seed` loads it (the same seed with the same admin password), copied
  // from this run's template instead of seeded again in a child process: that took minutes on a
  // loaded machine.
  beforeAll(async () => {
    if (kind.name === 'postgres') {
      database = await kind.openDemo();
      env = { DATABASE_URL: database.url! };
    } else {
      env = { DATABASE_URL: '', MINSHENG_DATA_DIR: await pgliteDataDir('demo') };
    }
  }, 300_000);
  afterAll(() => database?.close());

  it('writes Qinshui 2022 as text: completion, the funnel said plainly, the deputies’ demo evaluation', () => {
    const result = spawned('report', 'year-end', '--region', '140521', '--year', '2022', '--format', 'md');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out.startsWith('# 沁水县2022年民生实事办理情况报告\n')).toBe(true);
    expect(result.out).toContain('2022年，沁水县12件民生实事全部完成全年目标任务。');
    expect(result.out).toContain('本年度群众建议未通过本平台征集。');
    expect(result.out).toContain(`2023年2月21日，${DEMO_EVALUATION_TITLE}应到代表150人，收回测评票142张。`);
    expect(result.out).toContain('12件民生实事项目中，测评结果为满意11件，基本满意1件。');
  });

  it('prints the JSON with the same figures', () => {
    const result = spawned('report', 'year-end', '--region', '140521', '--year', '2022');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    expect(report).toMatchObject({
      title: '沁水县2022年民生实事办理情况报告',
      total: 12,
      completed: 12,
      investment: { planned: '362143500.00', done: '362143500.00', rate: 1 },
      satisfaction: {
        session: { roll: 150, returned: 142, valid: true },
        deputyVerdicts: { 满意: 11, 基本满意: 1 },
      },
    });
    expect(report.funnel.steps).toHaveLength(5);
  });

  it('writes the Word document and the workbook to --out', async () => {
    const writeAs = (format: string, out: string) =>
      run('report', 'year-end', '--region', '140521', '--year', '2022', '--format', format, '--out', out);
    const docx = join(dir, 'y.docx');
    expect((await writeAs('docx', docx)).code).toBe(0);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    const xlsx = join(dir, 'y.xlsx');
    expect((await writeAs('xlsx', xlsx)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    expect(book.worksheets.map((s) => s.name)).toEqual(['完成情况', '群众参与', '满意度测评']);
  });

  it('says plainly what a year without projects, suggestions or evaluation lacks', async () => {
    const result = await run('report', 'year-end', '--region', '140521', '--year', '2024', '--format', 'md');
    expect(result.code).toBe(0);
    expect(result.out).toContain('沁水县暂无民生实事项目。');
    expect(result.out).toContain('本年度群众建议未通过本平台征集。本年度尚未谋划候选项目。');
    expect(result.out).toContain('2024年度民生实事项目尚未开展满意度测评');
  });

  it('answers a bad format and an unknown plan year with exit 2 and one line', async () => {
    const pdf = spawned('report', 'year-end', '--region', '140521', '--year', '2022', '--format', 'pdf');
    expect(pdf.code).toBe(2);
    expect(pdf.err.trim()).toBe('错误：不支持的格式 pdf，可选：json、md、docx、xlsx');
    const missing = await run('report', 'year-end', '--region', '140521', '--year', '2019');
    expect(missing.code).toBe(2);
    expect(missing.err.trim()).toBe('错误：没有 140521 2019 年度的计划');
  });
});
