import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { failureReason, parseErrorLine } from './parse-errors';

describe('what the command line says when it refuses', () => {
  it("keeps the database's reason of a failed query and drops its SQL and parameters", () => {
    const failed = new Error('Failed query: insert into "plan_years" ("id") values ($1)\nparams: 140521,0', {
      cause: new Error('invalid byte sequence for encoding "UTF8": 0x00'),
    });
    expect(failureReason(failed)).toBe(
      '数据库操作失败，未写入任何内容（invalid byte sequence for encoding "UTF8": 0x00）',
    );
    expect(failureReason(new Error('Failed query: select 1'))).toBe('数据库操作失败，未写入任何内容');
  });

  it('passes every other reason through whole', () => {
    expect(failureReason(new Error('计划文件有误（2 处）'))).toBe('计划文件有误（2 处）');
    expect(failureReason('文件不存在')).toBe('文件不存在');
  });

  it('words an invalid option value with the option and the value', () => {
    const error = new CommanderError(
      1,
      'commander.invalidArgument',
      "error: option '--format <f>' argument 'pdf' is invalid.",
    );
    expect(parseErrorLine(error, 'minsheng bulletin')).toBe(
      '错误：选项 --format <f> 的取值 pdf 不正确（运行 minsheng bulletin --help 查看用法）',
    );
  });
});
