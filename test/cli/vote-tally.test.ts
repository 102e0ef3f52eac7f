import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runCommandInProcess } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'vote-tally-'));
let files = 0;

afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

function write(content: string | Uint8Array, extension = 'csv'): string {
  const file = join(dir, `选票-${++files}.${extension}`);
  writeFileSync(file, content);
  return file;
}

/** Runs `minsheng vote tally FILE …` in-process, through the main program (test/support/cli.ts). */
async function run(file: string, ...args: string[]) {
  const { out, err, code } = await runCommandInProcess(['vote', 'tally', file, ...args]);
  return { stdout: out, stderr: err, exitCode: code, json: out === '' ? null : JSON.parse(out) };
}

// Five candidates for three seats; seven deputies on the roll, six ballots come back, one is void.
const BALLOTS = [
  '票号,口袋公园,慢行系统,老旧小区,文化惠民,零工市场',
  '001,赞成,赞成,赞成,反对,弃权',
  '002,○,○,×,○,',
  '003,赞成,反对,赞成,弃权,赞成',
  '004,○,○,○,,',
  '005,赞成,赞成,赞成,赞成,反对',
  '006,赞成,赞成,,反对,反对',
].join('\n');

describe('vote tally: the count', () => {
  it('prints the whole result as JSON', async () => {
    const { stdout, stderr, exitCode, json } = await run(write(BALLOTS), '--seats', '3', '--roll', '7');
    expect(exitCode).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.endsWith('\n')).toBe(true);
    expect(json).toMatchObject({
      valid: true,
      issued: 6,
      returned: 6,
      validBallots: 5,
      voidBallots: 1,
      voided: [{ ballot: '005', reason: '赞成 4 项，超过应选名额 3 项，为无效票' }],
      threshold: 4,
      candidates: [
        { name: '口袋公园', yes: 5, no: 0, abstain: 0, passed: true, elected: true },
        { name: '慢行系统', yes: 4, no: 1, abstain: 0, passed: true, elected: true },
        { name: '老旧小区', yes: 3, no: 1, abstain: 1, passed: false, elected: false },
        { name: '文化惠民', yes: 1, no: 2, abstain: 2, passed: false, elected: false },
        { name: '零工市场', yes: 1, no: 1, abstain: 3, passed: false, elected: false },
      ],
      elected: ['口袋公园', '慢行系统'],
      tied: [],
      openSeats: 1,
    });
  });

  it('applies rule options: threshold of valid ballots, and how many were issued', async () => {
    const { json } = await run(write(BALLOTS), '--seats', '3', '--roll', '7', '--threshold-base', 'valid');
    expect(json).toMatchObject({ threshold: 3, elected: ['口袋公园', '慢行系统', '老旧小区'], openSeats: 0 });

    const twoThirds = await run(
      write(BALLOTS),
      ...[
        '--seats',
        '3',
        '--roll',
        '7',
        '--threshold',
        '2/3',
        '--threshold-inclusive',
        '--threshold-base',
        'present',
      ],
    );
    expect(twoThirds.json).toMatchObject({
      threshold: 4,
      rule: '赞成票须不少于实到人数（6）的三分之二，即至少 4 票',
    });

    const unlimited = await run(write(BALLOTS), '--seats', '3', '--roll', '7', '--max-yes', 'none');
    expect(unlimited.json).toMatchObject({ voidBallots: 0, validBallots: 6 });
  });

  it('counts an over-full ballot as void by default, as --over-full void says', async () => {
    const byDefault = await run(write(BALLOTS), '--seats', '3', '--roll', '7');
    const spelled = await run(write(BALLOTS), '--seats', '3', '--roll', '7', '--over-full', 'void');
    expect(spelled.json).toEqual(byDefault.json);
    expect(spelled.json).toMatchObject({ returned: 6, voidBallots: 1, validBallots: 5 });
  });

  it('reports a vote without quorum or with too many ballots as invalid, electing nobody', async () => {
    const fewer = await run(write(BALLOTS), '--seats', '3', '--roll', '7', '--issued', '5');
    expect(fewer.exitCode).toBe(0);
    expect(fewer.json).toMatchObject({
      valid: false,
      invalidReasons: ['收回 6 张票，多于发出的 5 张，表决无效'],
      elected: [],
      openSeats: 3,
    });

    const quorum = await run(write(BALLOTS), '--seats', '3', '--roll', '13');
    expect(quorum.json).toMatchObject({
      valid: false,
      invalidReasons: ['实到 6 人，未达到应到 13 人所需的出席人数 7 人，表决无效'],
    });
  });

  it('names candidates tied at the cut-off and leaves their seat open', async () => {
    const csv = [
      '票号,甲,乙,丙',
      '1,赞成,赞成,',
      '2,赞成,,赞成',
      '3,赞成,赞成,',
      '4,赞成,,赞成',
      '5,,赞成,赞成',
    ].join('\n');
    const { json } = await run(write(csv), '--seats', '2', '--roll', '5');
    expect(json).toMatchObject({ elected: ['甲'], tied: ['乙', '丙'], openSeats: 1 });
  });

  it('reads what Excel saves: BOM, CRLF, quoted headers', async () => {
    const csv = '\ufeff票号,"口袋公园",慢行系统\r\n001,赞成,反对\r\n002,赞成,弃权\r\n';
    const { json } = await run(write(csv), '--seats', '1', '--roll', '3');
    expect(json).toMatchObject({ valid: true, elected: ['口袋公园'] });
  });

  it('reads a CSV saved in GB18030 by Excel on Chinese Windows', async () => {
    // "票号,甲\n001,赞成\n" in GB18030.
    const gb = new Uint8Array([198, 177, 186, 197, 44, 188, 215, 10, 48, 48, 49, 44, 212, 222, 179, 201, 10]);
    const { json } = await run(write(gb), '--seats', '1', '--roll', '1');
    expect(json).toMatchObject({ candidates: [{ name: '甲', yes: 1 }], elected: ['甲'] });
  });

  it('reads an .xlsx where a ballot leaves its last candidates blank: 弃权, not a missing column', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('选票');
    sheet.addRow(['票号', '口袋公园', '慢行系统', '老旧小区']);
    sheet.addRow(['001', '赞成', '反对', '反对']);
    sheet.addRow(['002', '赞成', '', '']);
    sheet.addRow(['003', '反对']);
    const file = write(new Uint8Array(await workbook.xlsx.writeBuffer()), 'xlsx');
    const { json, stderr } = await run(file, '--seats', '1', '--roll', '3');
    expect(stderr).toBe('');
    expect(json).toMatchObject({
      validBallots: 3,
      candidates: [
        { name: '口袋公园', yes: 2, no: 1, abstain: 0 },
        { name: '慢行系统', yes: 0, no: 1, abstain: 2 },
        { name: '老旧小区', yes: 0, no: 1, abstain: 2 },
      ],
    });
  });

  it('counts ranking ballots by Borda count', async () => {
    const csv = ['票号,甲,乙,丙', '1,1,2,3', '2,1,3,2', '3,2,1,'].join('\n');
    const { json } = await run(write(csv), '--seats', '1', '--roll', '3', '--method', 'ranking');
    expect(json).toMatchObject({
      method: 'ranking',
      candidates: [
        { name: '甲', points: 8, ranked: 3 },
        { name: '乙', points: 6, ranked: 3 },
        { name: '丙', points: 3, ranked: 2 },
      ],
      elected: ['甲'],
    });
  });
});

describe('vote tally: bad input exits 2 with one Chinese line naming row and column', () => {
  const refuses = async (file: string, args: string[], message: string) => {
    const result = await run(file, ...args);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${message}\n`);
  };
  const seats = ['--seats', '3', '--roll', '7'];

  it('an unknown mark', async () => {
    const file = write(`${BALLOTS}\n007,赞成,√,,,`);
    await refuses(
      file,
      seats,
      `${file.split('/').at(-1)}：第 8 行第 3 列（“慢行系统”）的标记“√”无法识别，应为 赞成/反对/弃权，或 ○/×/空白（弃权）`,
    );
  });

  it('a missing column', async () => {
    const file = write('票号,甲,乙\n001,赞成\n');
    await refuses(file, seats, `${file.split('/').at(-1)}：第 2 行缺少第 3 列（“乙”）`);
  });

  it('an extra column', async () => {
    const file = write('票号,甲,乙\n001,赞成,反对,赞成\n');
    await refuses(file, seats, `${file.split('/').at(-1)}：第 2 行第 4 列多出内容“赞成”，表头只有 3 列`);
  });

  it('a repeated 票号, counting the other problems', async () => {
    const file = write('票号,甲,乙\n001,赞成,\n001,反对,\n002,好,\n');
    await refuses(
      file,
      seats,
      `${file.split('/').at(-1)}：第 3 行第 1 列票号“001”与第 2 行重复（另有 1 处问题）`,
    );
  });

  it('a header that does not match the session’s candidates', async () => {
    const file = write('票号,甲,丙\n001,赞成,\n');
    await refuses(
      file,
      [...seats, '--candidates', '甲、乙'],
      `${file.split('/').at(-1)}：第 1 行第 3 列“丙”不是本次候选项目（另有 1 处问题）`,
    );
  });

  it('missing or malformed options', async () => {
    await refuses(write(BALLOTS), ['--roll', '7'], '缺少 --seats（应选名额）');
    await refuses(write(BALLOTS), ['--seats', '3'], '缺少 --roll（应到人数）');
    await refuses(write(BALLOTS), ['--seats', '3', '--roll', '七'], '--roll（应到人数）必须是整数，收到“七”');
    await refuses(
      write(BALLOTS),
      [...seats, '--threshold', '一半'],
      '--threshold 应写成分数，如 1/2 或 2/3，收到“一半”',
    );
    await refuses(
      write(BALLOTS),
      [...seats, '--threshold-base', 'all'],
      '--threshold-base 只能是 roll、present、returned 或 valid，收到“all”',
    );
    await refuses(
      write(BALLOTS),
      [...seats, '--threshold-base', 'toString'],
      '--threshold-base 只能是 roll、present、returned 或 valid，收到“toString”',
    );
    await refuses(
      write(BALLOTS),
      [...seats, '--method', 'borda'],
      '--method 只能是 approval 或 ranking，收到“borda”',
    );
  });

  it('an over-full ballot when the rule hands them back (--over-full refuse), naming its row', async () => {
    const file = write(BALLOTS);
    await refuses(
      file,
      [...seats, '--over-full', 'refuse'],
      `${file.split('/').at(-1)}：第 6 行：票号 005 的表决票赞成 4 项，超过应选名额 3 项；按本次规则超额的选票不予接收，不应计入，请核对后再统计`,
    );
    const within = await run(
      write(BALLOTS.replace('005,赞成,赞成,赞成,赞成,反对', '005,赞成,赞成,赞成,弃权,反对')),
      ...seats,
      '--over-full',
      'refuse',
    );
    expect(within.json).toMatchObject({ returned: 6, voidBallots: 0, validBallots: 6 });
    await refuses(
      write(BALLOTS),
      [...seats, '--over-full', 'ignore'],
      '--over-full 只能是 void（计为无效票）或 refuse（不予接收），收到“ignore”',
    );
  });

  it('options that contradict each other', async () => {
    await refuses(write(BALLOTS), ['--seats', '6', '--roll', '7'], '应选名额（6）不能多于候选项目数（5）');
    await refuses(write(BALLOTS), [...seats, '--issued', '8'], '发出票数（8）不能多于应到人数（7）');
  });

  it('a file that does not exist', async () => {
    const missing = join(dir, '没有这个文件.csv');
    await refuses(missing, seats, `无法读取文件 ${missing}：文件不存在`);
  });

  it('two entries of the same ballots that disagree', async () => {
    const second = write(BALLOTS.replace('002,○,○,×,○,', '002,○,○,×,×,'));
    await refuses(
      write(BALLOTS),
      [...seats, '--second-entry', second],
      '两次录入不一致，未统计：票号“002”的“文化惠民”两次录入不一致：第一次（第 3 行）为“赞成”，第二次（第 3 行）为“反对”',
    );
  });

  it('counts when both entries agree', async () => {
    const { exitCode, json } = await run(write(BALLOTS), ...seats, '--second-entry', write(BALLOTS));
    expect(exitCode).toBe(0);
    expect(json.elected).toEqual(['口袋公园', '慢行系统']);
  });
});

describe('vote tally: files it cannot read', () => {
  it('names the file and the row of an unclosed quote', async () => {
    const file = write('票号,甲\n001,"赞成\n');
    const result = await run(file, '--seats', '1', '--roll', '1');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      `${file.split('/').at(-1)}：第 2 行有未闭合的引号，无法确定单元格在哪里结束\n`,
    );
  });
});

describe('vote tally: the command as deputies’ offices run it (`npx minsheng`, a child process)', () => {
  const bin = new URL('../../bin/minsheng.mjs', import.meta.url).pathname;
  const minsheng = (...args: string[]) => {
    const result = spawnSync(process.execPath, [bin, 'vote', 'tally', ...args], {
      env: { ...process.env, DATABASE_URL: '', MINSHENG_DATA_DIR: join(dir, 'unused') },
      encoding: 'utf8',
    });
    return { code: result.status, out: result.stdout, err: result.stderr };
  };

  it('prints every field the issue lists', () => {
    const result = minsheng(write(BALLOTS), '--seats', '3', '--roll', '7', '--issued', '6');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out);
    for (const field of [
      'valid',
      'issued',
      'returned',
      'validBallots',
      'voidBallots',
      'threshold',
      'elected',
      'tied',
      'openSeats',
    ])
      expect(json).toHaveProperty(field);
    expect(json).toMatchObject({
      valid: true,
      issued: 6,
      returned: 6,
      validBallots: 5,
      voidBallots: 1,
      threshold: 4,
    });
    expect(Object.keys(json.candidates[0]).sort()).toEqual([
      'abstain',
      'elected',
      'name',
      'no',
      'passed',
      'yes',
    ]);
    expect(json).toMatchObject({ elected: ['口袋公园', '慢行系统'], tied: [], openSeats: 1 });
  });

  it('refuses an unknown mark with exit code 2 and one Chinese line naming row and column', () => {
    const file = write('票号,甲,乙\n001,赞成,好\n');
    const result = minsheng(file, '--seats', '1', '--roll', '3');
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toBe(
      `${file.split('/').at(-1)}：第 2 行第 3 列（“乙”）的标记“好”无法识别，应为 赞成/反对/弃权，或 ○/×/空白（弃权）\n`,
    );
  });
});
