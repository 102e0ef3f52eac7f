import { basename } from 'node:path';
import type { Command } from 'commander';
import { isDomainError } from '../kernel/errors';
import { readTableRows } from '../modules/candidates/candidate-table.reader';
import {
  parseApprovalSheet,
  parseRankingSheet,
  type SheetProblem,
  type SheetReading,
} from '../modules/voting/ballot-sheet.rules';
import { compareApprovalEntries, compareRankingEntries } from '../modules/voting/double-entry.rules';
import {
  THRESHOLD_BASE_LABELS,
  type ThresholdBase,
  tallyApproval,
  tallyRanking,
} from '../modules/voting/tally.rules';
import type { Fraction } from '../modules/voting/thresholds.rules';
import { readInputFile } from './files';

/**
 * `minsheng vote tally FILE --seats N --roll M …`: counts typed-in ballots and prints the result as
 * JSON. Bad input (unknown marks, missing or extra columns, repeated 票号, bad options) prints one
 * Chinese line naming the row and column on stderr and sets exit code 2; the action never calls
 * process.exit, so the program can run in-process and in tests.
 */
const EXIT_BAD_INPUT = 2;

class InputError extends Error {}

interface TallyFlags {
  seats?: string;
  roll?: string;
  present?: string;
  issued?: string;
  method: string;
  maxYes?: string;
  overFull: string;
  maxRanked?: string;
  threshold: string;
  thresholdBase: string;
  thresholdInclusive?: boolean;
  quorum: string;
  quorumInclusive?: boolean;
  candidates?: string;
  secondEntry?: string;
}

export function registerVoteCommands(program: Command): void {
  const vote = program.command('vote').description('人大代表票决');
  vote
    .command('tally')
    .description('统计表决票：第一列票号，每个候选项目一列，每行一张票；结果以 JSON 输出')
    .argument('<file>', '表决票文件（.csv；也可 .tsv、.xlsx）')
    .option('--seats <n>', '应选名额（必填）')
    .option('--roll <n>', '应到人数，即全体代表人数（必填）')
    .option('--present <n>', '实到人数；默认等于发出票数')
    .option('--issued <n>', '发出票数；默认等于实到人数，二者都不给时等于收回票数')
    .option('--method <method>', '表决方式：approval 赞成/反对/弃权，ranking 排序（Borda 计分）', 'approval')
    .option('--max-yes <n>', '每票最多赞成几项；默认等于应选名额，none 为不限')
    .option(
      '--over-full <rule>',
      '赞成超过上限的选票：void 计为无效票（默认）；refuse 不予接收（应已退回代表重填），表中出现即报错',
      'void',
    )
    .option('--max-ranked <n>', '排序票每票最多排几名；默认全部候选项目')
    .option('--threshold <a/b>', '通过所需比例', '1/2')
    .option(
      '--threshold-base <base>',
      '通过比例的基数：roll 应到人数、present 实到人数、returned 收回票数、valid 有效票数',
      'roll',
    )
    .option('--threshold-inclusive', '达到比例即通过（“以上”）；默认须超过（“过半数”）')
    .option('--quorum <a/b>', '出席人数须占应到人数的比例', '1/2')
    .option('--quorum-inclusive', '出席达到比例即可；默认须超过')
    .option('--candidates <names>', '本次候选项目，以逗号或顿号分隔；给出时表头必须与之一致')
    .option('--second-entry <file>', '另一位工作人员录入的同一批选票；两次录入一致才统计')
    .action(async (file: string, flags: TallyFlags, command: Command) => {
      const output = command.configureOutput();
      try {
        const result = await runTally(file, flags);
        output.writeOut?.(`${JSON.stringify(result, null, 2)}\n`);
      } catch (error) {
        if (!(error instanceof InputError) && !isDomainError(error)) throw error;
        output.writeErr?.(`${error.message}\n`);
        process.exitCode = EXIT_BAD_INPUT;
      }
    });
}

async function runTally(file: string, flags: TallyFlags) {
  const seats = requiredCount(flags.seats, '--seats', '应选名额');
  const roll = requiredCount(flags.roll, '--roll', '应到人数');
  const common = {
    seats,
    roll,
    present: optionalCount(flags.present, '--present', '实到人数'),
    issued: optionalCount(flags.issued, '--issued', '发出票数'),
    threshold: fraction(flags.threshold, flags.thresholdInclusive, '--threshold'),
    thresholdBase: thresholdBase(flags.thresholdBase),
    quorum: fraction(flags.quorum, flags.quorumInclusive, '--quorum'),
  };
  const expected = flags.candidates
    ?.split(/[,，、]/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const sheetOptions = expected ? { candidates: expected } : {};

  if (flags.method === 'ranking') {
    const sheet = await readSheet(file, (rows) => parseRankingSheet(rows, sheetOptions));
    if (flags.secondEntry) {
      const second = await readSheet(flags.secondEntry, (rows) => parseRankingSheet(rows, sheetOptions));
      failOnDifferences(compareRankingEntries(sheet, second));
    }
    return tallyRanking(sheet.ballots, {
      ...common,
      method: 'ranking',
      candidates: sheet.candidates,
      maxRanked: optionalCount(flags.maxRanked, '--max-ranked', '每票最多排序数'),
    });
  }
  if (flags.method !== 'approval') {
    throw new InputError(`--method 只能是 approval 或 ranking，收到“${flags.method}”`);
  }
  const sheet = await readSheet(file, (rows) => parseApprovalSheet(rows, sheetOptions));
  if (flags.secondEntry) {
    const second = await readSheet(flags.secondEntry, (rows) => parseApprovalSheet(rows, sheetOptions));
    failOnDifferences(compareApprovalEntries(sheet, second));
  }
  const maxYes = /^(none|不限)$/i.test(flags.maxYes ?? '')
    ? null
    : optionalCount(flags.maxYes, '--max-yes', '每票最多赞成数');
  if (flags.overFull !== 'void' && flags.overFull !== 'refuse') {
    throw new InputError(
      `--over-full 只能是 void（计为无效票）或 refuse（不予接收），收到“${flags.overFull}”`,
    );
  }
  try {
    return tallyApproval(sheet.ballots, {
      ...common,
      candidates: sheet.candidates,
      maxYes,
      overfull: flags.overFull,
    });
  } catch (error) {
    // The count names the ballot by its 票号; the clerk looks for the row of the file.
    if (isDomainError(error) && error.code === 'BALLOT_TOO_MANY_YES') {
      const { index } = error.details as { index: number };
      throw new InputError(`${basename(file)}：第 ${sheet.rows[index]} 行：${error.message}`);
    }
    throw error;
  }
}

async function readSheet<B>(file: string, parse: (rows: string[][]) => SheetReading<B>) {
  let bytes: Uint8Array;
  try {
    bytes = await readInputFile(file);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  let rows: string[][];
  try {
    rows = await readTableRows(file, bytes);
  } catch (error) {
    if (isDomainError(error)) throw new InputError(`${basename(file)}：${error.message}`);
    throw error;
  }
  const reading = parse(rows);
  if (!reading.ok) throw new InputError(`${basename(file)}：${summarize(reading.problems)}`);
  return reading;
}

function summarize(problems: readonly SheetProblem[]): string {
  const more = problems.length > 1 ? `（另有 ${problems.length - 1} 处问题）` : '';
  return `${problems[0]!.message}${more}`;
}

function failOnDifferences(differences: string[]): void {
  if (differences.length === 0) return;
  const more = differences.length > 1 ? `（共 ${differences.length} 处不一致）` : '';
  throw new InputError(`两次录入不一致，未统计：${differences[0]}${more}`);
}

function parseCount(text: string, flag: string, label: string): number {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) throw new InputError(`${flag}（${label}）必须是整数，收到“${text}”`);
  return Number(trimmed);
}

function requiredCount(text: string | undefined, flag: string, label: string): number {
  if (text === undefined) throw new InputError(`缺少 ${flag}（${label}）`);
  return parseCount(text, flag, label);
}

function optionalCount(text: string | undefined, flag: string, label: string): number | undefined {
  return text === undefined ? undefined : parseCount(text, flag, label);
}

function fraction(text: string, inclusive: boolean | undefined, flag: string): Fraction {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) throw new InputError(`${flag} 应写成分数，如 1/2 或 2/3，收到“${text}”`);
  return { numerator: Number(match[1]), denominator: Number(match[2]), inclusive: inclusive === true };
}

function thresholdBase(text: string): ThresholdBase {
  if (Object.hasOwn(THRESHOLD_BASE_LABELS, text)) return text as ThresholdBase;
  throw new InputError(`--threshold-base 只能是 roll、present、returned 或 valid，收到“${text}”`);
}
