import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { COMMAND_TESTS, runCommand, runCommandInProcess, runInProcess } from '../support/cli';

describe('foundation commands on the embedded database', COMMAND_TESTS, () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'ms-cli-')), 'data');
  const env = {
    DATABASE_URL: '',
    MINSHENG_DATA_DIR: dataDir,
    MINSHENG_ADMIN_PASSWORD: 'Qinshui#2023pass',
  };
  // A child process for each command's first run (the process contract); the refusals in-process.
  const run = (args: string[], extra: Record<string, string> = {}) => runCommand(args, { ...env, ...extra });
  const inProcess = (args: string[]) => runCommandInProcess(args, env);

  it.each([
    'serve',
    'migrate',
    'seed',
    'user create',
    'audit verify',
    'plan import',
    'plan export',
    'bulletin',
    'vote tally',
  ])('`minsheng %s --help` explains itself in Chinese', async (command) => {
    // The program bin/minsheng.mjs runs, in this process: a child process per help costs ~3 s of CPU.
    const result = await runInProcess([...command.split(' '), '--help']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Usage: minsheng/);
    expect(result.out).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each([
    [['vote', 'tally'], '错误：缺少参数 file（运行 minsheng vote tally --help 查看用法）'],
    [
      ['vote', 'tally', 'x.csv', '--bogus'],
      '错误：没有选项 --bogus（运行 minsheng vote tally --help 查看用法）',
    ],
    [
      ['candidates', 'import', 'x.csv', '--region', '140521'],
      '错误：缺少必填选项 --year <yyyy>（运行 minsheng candidates import --help 查看用法）',
    ],
    [
      ['evaluation', 'tally', 'x.csv', '--roll'],
      '错误：选项 --roll <M> 后面缺少取值（运行 minsheng evaluation tally --help 查看用法）',
    ],
    [['frobnicate'], '错误：没有命令 frobnicate（运行 minsheng --help 查看全部命令）'],
    // Checked before any database is opened: year 0000 once reached an insert and printed its SQL.
    [
      ['candidates', 'import', 'x.csv', '--region', '140521', '--year', '0000'],
      '错误：年度应为 2000 至 2100 之间的四位数字：0000',
    ],
    [
      ['suggestions', 'groups', '--region', '14052', '--year', '2023'],
      '错误：行政区划代码应为 6、9 或 12 位数字：14052',
    ],
    [['evaluation', 'tally', '/nonexistent/票.csv'], '无法读取文件 /nonexistent/票.csv：文件不存在'],
    [['vote', 'tally', '/', '--seats', '1', '--roll', '3'], '无法读取文件 /：这是一个文件夹，不是文件'],
  ])(
    "refuses `minsheng %s` with one Chinese line and exit 2, not commander's English usage",
    async (args, line) => {
      const result = await runInProcess(args);
      expect(result.code).toBe(2);
      expect(result.out).toBe('');
      expect(result.err).toBe(`${line}\n`);
    },
  );

  it('prints the same help, exit 0, when started as `npx minsheng`', async () => {
    const spawned = run(['plan', 'import', '--help']);
    expect(spawned.code).toBe(0);
    expect(spawned.err).toBe('');
    expect(spawned.out).toBe((await runInProcess(['plan', 'import', '--help'])).out);
  });

  it('migrates, seeds without demo data, and creates a user from the command line', async () => {
    expect(JSON.parse(run(['migrate']).out)).toEqual({ migrated: true, db: 'pglite' });
    const seeded = JSON.parse(run(['seed', '--no-demo']).out);
    expect(seeded).toMatchObject({ adminCreated: true });
    expect(seeded.regionsLoaded).toBeGreaterThan(3000);
    expect(seeded.demo).toBeUndefined();
    const created = run(
      [
        'user',
        'create',
        '--username',
        'li.ming',
        '--name',
        '李明',
        '--role',
        'coordinator',
        '--region',
        '140521',
      ],
      { MINSHENG_NEW_PASSWORD: 'Liming#2023pass' },
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(created.out)).toMatchObject({ username: 'li.ming' });
    const weak = await inProcess([
      'user',
      'create',
      '--username',
      'wang',
      '--name',
      '王',
      '--role',
      'deputy',
      '--region',
      '140521',
      '--password',
      'short',
    ]);
    expect(weak.code).toBe(2);
    expect(weak.err.trim()).toBe(
      '错误：密码至少 10 位；密码需包含大写字母、小写字母、数字、符号中的至少三类',
    );
    const badRole = await inProcess([
      'user',
      'create',
      '--username',
      'wang',
      '--name',
      '王',
      '--role',
      'king',
      '--region',
      '140521',
      '--password',
      'Wang#2023pass',
    ]);
    expect(badRole.code).toBe(2);
    expect(badRole.err).toContain('未知角色 king');
  });

  it('verifies the audit chain, and names the first tampered row with exit 1', async () => {
    const ok = await inProcess(['audit', 'verify']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true });
    const database = await openDatabase({ dataDir });
    await database.db.transaction(async (tx) => {
      await tx.execute('alter table audit_log disable trigger audit_log_no_update');
      await tx.execute(`update audit_log set actor = 'someone-else' where seq = 100`);
      await tx.execute('alter table audit_log enable trigger audit_log_no_update');
    });
    await database.close();
    const broken = run(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.out)).toMatchObject({
      ok: false,
      brokenAt: 100,
      message: '第 100 条审计记录内容与哈希不符（记录被改动）',
    });
  });
});
