import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_TESTS, runCommand, runCommandInProcess } from '../support/cli';
import { pgliteDataDir, type TestDatabase, testDatabaseKinds } from '../support/databases';
import { shanxi } from '../support/plans';

/**
 * The command line as outside tools run it: each command once or twice as a child process (exit
 * code, output, nothing left running), the other runs in-process (test/support/cli.ts).
 */
describe.each(testDatabaseKinds())('plan and bulletin commands on $name', COMMAND_TESTS, (kind) => {
  const dir = mkdtempSync(join(tmpdir(), 'ms-cli-'));
  let database: TestDatabase | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    if (kind.name === 'postgres') {
      database = await kind.open();
      env = { DATABASE_URL: database.url! };
    } else {
      // A migrated folder copied from this run's template: migrating a new one is `minsheng migrate`'s
      // test (foundation-commands), not this file's.
      env = { DATABASE_URL: '', MINSHENG_DATA_DIR: await pgliteDataDir() };
    }
  });
  afterAll(() => database?.close());

  const run = (...args: string[]) => runCommandInProcess(args, env);
  const spawned = (...args: string[]) => runCommand(args, env);
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(
      path,
      typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content),
    );
    return path;
  };

  it('imports a plan and prints what it wrote', () => {
    const result = spawned('plan', 'import', file('shanxi.json', shanxi));
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({
      region: '140000',
      year: 2023,
      projects: 1,
      indicators: 5,
      reports: 2,
    });
  });

  it('exports it back to standard output in the exchange format', () => {
    const result = spawned('plan', 'export', '--region', '140000', '--year', '2023');
    expect(result.code).toBe(0);
    const document = JSON.parse(result.out);
    expect(document).toMatchObject({
      format: 'minsheng.plan/v1',
      region: { code: '140000', name: '山西省' },
      year: 2023,
    });
    expect(document.projects[0].leaders[1]).toEqual({ role: '责任人', name: '李慧鑫', phone: '18235666981' });
    expect(document.projects[0].budget).toBe('10000000.00');
  });

  it('writes the bulletin JSON of the contract', async () => {
    const result = spawned(
      'bulletin',
      '--region',
      '140000',
      '--year',
      '2023',
      '--as-of',
      '2023-08-25',
      '--format',
      'json',
    );
    expect(result.code).toBe(0);
    const bulletin = JSON.parse(result.out);
    expect(bulletin).toMatchObject({
      region: '140000',
      year: 2023,
      asOf: '2023-08-25',
      elapsed: 0.6493,
      total: 1,
      completed: 0,
      inProgress: 1,
    });
    expect(bulletin.projects[0]).toMatchObject({ ref: 'P01', completedAs: null });
    expect(bulletin.projects[0].indicators[0]).toEqual({ ref: 'I1', value: 20, target: 20, completion: 1 });
    // A report dated after the bulletin's date is not used.
    const may = JSON.parse(
      (await run('bulletin', '--region', '140000', '--year', '2023', '--as-of', '2023-06-01')).out,
    );
    expect(may.projects[0].indicators[0].value).toBe(8);
  });

  it('writes the bulletin as text that reads like the seeds', async () => {
    const result = await run(
      'bulletin',
      '--region',
      '140000',
      '--year',
      '2023',
      '--as-of',
      '2023-08-25',
      '--format',
      'md',
    );
    expect(result.code).toBe(0);
    expect(result.out).toContain('截至8月25日');
    expect(result.out).toContain('农村寄递物流服务全覆盖提质工程');
  });

  it('writes the bulletin as a Word document and an Excel ledger', async () => {
    const bulletinTo = (format: string, out: string) =>
      run(
        'bulletin',
        '--region',
        '140000',
        '--year',
        '2023',
        '--as-of',
        '2023-08-25',
        '--format',
        format,
        '--out',
        out,
      );
    const docx = join(dir, 'b.docx');
    expect((await bulletinTo('docx', docx)).code).toBe(0);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    const xlsx = join(dir, 'b.xlsx');
    expect((await bulletinTo('xlsx', xlsx)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.getWorksheet('台账')!;
    expect(sheet.getRow(3).getCell(2).value).toBe('项目名称');
    const indicatorNames = [4, 5, 6, 7, 8].map((r) => sheet.getRow(r).getCell(5).value);
    expect(indicatorNames).toEqual([
      '统仓共配一体化示范县',
      '具备午餐条件的城区小学',
      '资助残疾人大学生',
      '资金拨付',
      '工程形象进度',
    ]);
  });

  it('refuses a bad document with exit 2, a one-line reason and every problem by path, writing nothing', async () => {
    const bad = structuredClone(shanxi) as typeof shanxi;
    (bad.projects[0]!.indicators[0] as { target: number }).target = -1;
    bad.projects[0]!.milestones[0]!.due = '2024-03-31';
    const result = spawned('plan', 'import', file('bad.json', bad));
    expect(result.code).toBe(2);
    const [first, ...rest] = result.err.trim().split('\n');
    expect(first).toBe('错误：计划文件有误（2 处），未导入任何内容');
    expect(rest.join('\n')).toContain('projects[0].indicators[0].target');
    expect(rest.join('\n')).toContain('projects[0].milestones[0].due');
    expect(
      JSON.parse((await run('plan', 'export', '--region', '140000', '--year', '2023')).out).projects[0]
        .indicators[0].target,
    ).toBe(20);
  });

  it('reads a plan saved in GBK by a Windows editor as the text it is', async () => {
    // {"format":"minsheng.plan/v1","region":{"code":"140100","name":"太原市"},"year":2022,"title":"太原市2022年民生实事","projects":[]}
    const gbk = Buffer.from(
      '7b22666f726d6174223a226d696e7368656e672e706c616e2f7631222c22726567696f6e223a7b22636f6465223a22313430313030222c226e616d65223a22ccabd4adcad0227d2c2279656172223a323032322c227469746c65223a22ccabd4adcad032303232c4eac3f1c9facab5cac2222c2270726f6a65637473223a5b5d7d',
      'hex',
    );
    expect((await run('plan', 'import', file('gbk.json', gbk))).code).toBe(0);
    const exported = JSON.parse((await run('plan', 'export', '--region', '140100', '--year', '2022')).out);
    expect(exported).toMatchObject({ region: { name: '太原市' }, title: '太原市2022年民生实事' });
  });

  it('answers a file that is not JSON, an unknown plan and a bad date with exit 2 and one line', async () => {
    const notJson = await run('plan', 'import', file('x.json', '{"format": '));
    expect(notJson.code).toBe(2);
    expect(notJson.err).toMatch(/^错误：文件 .* 不是有效的 JSON：内容不完整，在文件末尾意外结束\n$/);
    const comma = await run('plan', 'import', file('y.json', '{\n  "format": "minsheng.plan/v1",,\n}'));
    expect(comma.err).toMatch(/^错误：文件 .* 不是有效的 JSON：第 2 行第 \d+ 个字符附近格式有误\n$/);
    const missing = await run('plan', 'export', '--region', '220000', '--year', '2019');
    expect(missing.code).toBe(2);
    expect(missing.err.trim()).toBe('错误：没有 220000 2019 年度的计划');
    const badDate = await run('bulletin', '--region', '140000', '--year', '2023', '--as-of', '25/08/2023');
    expect(badDate.code).toBe(2);
    expect(badDate.err.trim().split('\n')).toHaveLength(1);
  });
});
