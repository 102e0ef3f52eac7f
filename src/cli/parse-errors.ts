import type { CommanderError } from 'commander';

/**
 * Commander's own refusals (a missing argument, an unknown option…) as one Chinese line naming what
 * was wrong and where to read the usage: the contract is "exit 2 with a one-line reason", and the
 * people at the terminal read Chinese. Commander words them in English; the quoted names are kept.
 */
export function parseErrorLine(error: CommanderError, commandPath: string): string {
  const quoted = [...error.message.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  const hint = `（运行 ${commandPath} --help 查看用法）`;
  switch (error.code) {
    case 'commander.missingArgument':
      return `错误：缺少参数 ${quoted[0] ?? ''}${hint}`;
    case 'commander.missingMandatoryOptionValue':
      return `错误：缺少必填选项 ${quoted[0] ?? ''}${hint}`;
    case 'commander.optionMissingArgument':
      return `错误：选项 ${quoted[0] ?? ''} 后面缺少取值${hint}`;
    case 'commander.unknownOption':
      return `错误：没有选项 ${quoted[0] ?? ''}${hint}`;
    case 'commander.unknownCommand':
      return `错误：没有命令 ${quoted[0] ?? ''}（运行 minsheng --help 查看全部命令）`;
    case 'commander.excessArguments':
      return `错误：参数过多${hint}`;
    case 'commander.invalidArgument':
      return `错误：${quoted.length >= 2 ? `选项 ${quoted[0]} 的取值 ${quoted[1]} 不正确` : '取值不正确'}${hint}`;
    case 'commander.conflictingOption':
      return `错误：选项 ${quoted.join(' 与 ')} 不能同时使用${hint}`;
    default:
      return `错误：命令行有误${hint}`;
  }
}

/**
 * Why a command failed, for the 错误： line. A failed query's message carries its SQL and parameters,
 * which mean nothing at the terminal and may hold what was being written: only the database's own
 * reason is kept (the transaction it failed in wrote nothing).
 */
export function failureReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (!error.message.startsWith('Failed query')) return error.message;
  const cause = error.cause instanceof Error ? error.cause.message.split('\n')[0] : '';
  return `数据库操作失败，未写入任何内容${cause ? `（${cause}）` : ''}`;
}
