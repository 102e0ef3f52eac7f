import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runCommandInProcess } from '../support/cli';

/** `minsheng evaluation tally FILE --roll M`, run in-process through the main program (test/support/cli.ts). */

const dir = mkdtempSync(join(tmpdir(), 'ms-tally-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let out = '';
let err = '';
afterEach(() => {
  process.exitCode = undefined;
});

let files = 0;
function sheet(content: string | Uint8Array, extension = 'csv'): string {
  const path = join(dir, `sheet-${++files}.${extension}`);
  writeFileSync(path, content);
  return path;
}

async function run(...args: string[]): Promise<number> {
  const result = await runCommandInProcess(['evaluation', 'tally', ...args]);
  out = result.out;
  err = result.err;
  return result.code;
}

const GOOD = [
  '票号,口袋公园建设项目,老旧小区改造项目,文化惠民工程',
  '001,满意,满意,基本满意',
  '002,满意,基本满意,',
  '003,满意,不满意,不满意',
  '004,基本满意,满意,不满意',
  '',
].join('\n');

describe('minsheng evaluation tally', () => {
  it('prints the counts and verdict of each project as JSON, taking the roll as all raters', async () => {
    expect(await run(sheet(GOOD), '--roll', '5')).toBe(0);
    expect(err).toBe('');
    const result = JSON.parse(out);
    expect(result).toMatchObject({ ballots: 4, roll: 5, base: 'roll' });
    expect(result.projects).toEqual([
      {
        project: '口袋公园建设项目',
        counts: { satisfied: 3, basicallySatisfied: 1, dissatisfied: 0, blank: 0 },
        raters: 5,
        verdict: '满意',
      },
      {
        project: '老旧小区改造项目',
        counts: { satisfied: 2, basicallySatisfied: 1, dissatisfied: 1, blank: 0 },
        raters: 5,
        verdict: '基本满意',
      },
      {
        project: '文化惠民工程',
        counts: { satisfied: 0, basicallySatisfied: 1, dissatisfied: 2, blank: 1 },
        raters: 5,
        verdict: '不满意',
      },
    ]);
  });

  it('lets absent raters count against 满意: 3 of 4 ballots is not more than half of a roll of 7', async () => {
    expect(await run(sheet(GOOD), '--roll', '7')).toBe(0);
    expect(JSON.parse(out).projects[0].verdict).toBe('基本满意');
  });

  it('takes the ballots returned as all raters without --roll, or whatever --base says', async () => {
    expect(await run(sheet(GOOD))).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ roll: null, base: 'ballots' });
    out = '';
    expect(await run(sheet(GOOD), '--roll', '9', '--base', 'marked')).toBe(0);
    expect(JSON.parse(out).projects[2]).toMatchObject({ raters: 3, verdict: '不满意' });
  });

  it('reads a sheet saved by Chinese Excel (GB18030) as well as UTF-8', async () => {
    const gbk = Buffer.from('c6b1bac52cb9abd4b00a3030312cc2fad2e20a3030322cbbf9b1bec2fad2e20a', 'hex');
    expect(await run(sheet(gbk), '--roll', '3')).toBe(0);
    expect(JSON.parse(out).projects).toEqual([
      {
        project: '公园',
        counts: { satisfied: 1, basicallySatisfied: 1, dissatisfied: 0, blank: 0 },
        raters: 3,
        verdict: '基本满意',
      },
    ]);
  });

  it('reads an .xlsx, a mark left blank at the end of a row counting as blank, and Excel’s UTF-16 text', async () => {
    const workbook = new ExcelJS.Workbook();
    const ballots = workbook.addWorksheet('测评票');
    ballots.addRow(['票号', '口袋公园', '文化惠民']);
    ballots.addRow([1, '满意', '不满意']);
    ballots.addRow([2, '基本满意', '']);
    ballots.addRow([3, '满意']);
    const xlsx = sheet(new Uint8Array(await workbook.xlsx.writeBuffer()), 'xlsx');
    expect(await run(xlsx, '--roll', '3')).toBe(0);
    expect(err).toBe('');
    const counted = JSON.parse(out).projects.map((p: { counts: object }) => p.counts);
    expect(counted).toEqual([
      { satisfied: 2, basicallySatisfied: 1, dissatisfied: 0, blank: 0 },
      { satisfied: 0, basicallySatisfied: 0, dissatisfied: 1, blank: 2 },
    ]);

    // Excel's "Unicode text": UTF-16 with its byte-order mark, cells separated by tabs.
    const text = '票号\t口袋公园\t文化惠民\r\n1\t满意\t不满意\r\n2\t基本满意\t\r\n3\t满意\t\r\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(await run(sheet(utf16, 'txt'), '--roll', '3')).toBe(0);
    expect(JSON.parse(out).projects.map((p: { counts: object }) => p.counts)).toEqual(counted);

    // A bad mark in an .xlsx is named by the row the spreadsheet shows.
    ballots.addRow([4, '很满意', '']);
    expect(await run(sheet(new Uint8Array(await workbook.xlsx.writeBuffer()), 'xlsx'), '--roll', '5')).toBe(
      2,
    );
    expect(err).toBe(
      '第 5 行「口袋公园」列：无法识别的测评意见「很满意」，只能填 满意、基本满意、不满意 或留空\n',
    );
  });

  it.each([
    [
      'a bad mark',
      '票号,项目甲,项目乙\n001,满意,满意\n002,满意,很满意\n',
      '第 3 行「项目乙」列：无法识别的测评意见「很满意」，只能填 满意、基本满意、不满意 或留空',
    ],
    [
      'a missing column',
      '票号,项目甲,项目乙\n001,满意\n',
      '第 2 行缺少「项目乙」列（表头有 3 列，此行只有 2 列）',
    ],
    [
      'an extra column',
      '票号,项目甲\n001,满意,不满意\n',
      '第 2 行第 3 列多出内容「不满意」（表头只有 2 列）',
    ],
    [
      'a duplicate 票号',
      '票号,项目甲\n001,满意\n002,满意\n001,不满意\n',
      '第 4 行「票号」列：票号「001」与第 2 行重复',
    ],
    ['a wrong first header', '序号,项目甲\n001,满意\n', '第 1 行第 1 列应为「票号」，实际为「序号」'],
    [
      'more ballots than the roll',
      `${GOOD}005,满意,满意,满意\n006,满意,满意,满意\n`,
      '第 7 行：这是第 6 张票，超过应到人数 5 人',
    ],
  ])(
    'refuses %s with exit code 2 and one Chinese line naming the row and column',
    async (_, csv, message) => {
      expect(await run(sheet(csv), '--roll', '5')).toBe(2);
      expect(out).toBe('');
      expect(err).toBe(`${message}\n`);
    },
  );

  it('refuses a roll that is not a positive whole number', async () => {
    expect(await run(sheet(GOOD), '--roll', '五')).toBe(2);
    expect(err).toBe('--roll 应为正整数（应到人数），实际为「五」\n');
  });

  it('refuses an unknown --base', async () => {
    expect(await run(sheet(GOOD), '--base', 'present')).toBe(2);
    expect(err).toBe('--base 只能是 roll、ballots、marked，实际为「present」\n');
  });

  it('refuses a file it cannot read', async () => {
    expect(await run(join(dir, 'missing.csv'), '--roll', '5')).toBe(2);
    expect(err).toMatch(/^无法读取文件 .*missing\.csv：文件不存在\n$/u);
  });
});
