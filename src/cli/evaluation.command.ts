import type { Command } from 'commander';
import { isDomainError } from '../kernel/errors';
import { decodeTableText, readTableRows } from '../modules/candidates/candidate-table.reader';
import { DEFAULT_SATISFACTION_RULE, type RaterBase } from '../modules/evaluation/evaluation.rules';
import { type CsvRecord, tallyEvaluationSheet } from '../modules/evaluation/tally.rules';
import { readInputFile } from './files';

/**
 * `minsheng evaluation tally FILE.csv [--roll M] [--base roll|ballots|marked]`: counts a sheet of
 * satisfaction ballots and prints, as JSON, the counts and verdict of each project.
 *
 * "All raters" is the roll when --roll is given (镇海: 满意票达到全体组成人员半数以上), so an absent
 * rater weighs like one who did not say 满意; without --roll it is the ballots returned. --base
 * overrides either. A sheet with any error prints one Chinese line naming row and column on stderr
 * and sets exit code 2; nothing is printed on stdout then.
 */

const EXIT_BAD_INPUT = 2;
const BASES: readonly RaterBase[] = ['roll', 'ballots', 'marked'];

export function registerEvaluationCommands(program: Command): void {
  const evaluation = program.command('evaluation').description('满意度测评');
  evaluation
    .command('tally')
    .description('统计满意度测评票（CSV：第一列为票号，每个项目一列，填 满意/基本满意/不满意 或留空）')
    .argument('<file>', '测评票文件：.csv（也可 .xlsx、.tsv，或 Excel 另存的 Unicode 文本）')
    .option('--roll <M>', '应到人数；给出时"全体测评人"按应到人数计')
    .option(
      '--base <base>',
      '"全体测评人"的口径：roll 应到人数 | ballots 收回票数 | marked 对该项目作出评价的票数',
    )
    .action(async (file: string, options: { roll?: string; base?: string }) => {
      process.exitCode = await tally(file, options);
    });
}

async function tally(file: string, options: { roll?: string; base?: string }): Promise<number> {
  let roll: number | undefined;
  if (options.roll !== undefined) {
    if (!/^\d+$/u.test(options.roll.trim()) || Number(options.roll) <= 0) {
      return refuse(`--roll 应为正整数（应到人数），实际为「${options.roll}」`);
    }
    roll = Number(options.roll);
  }
  let base: RaterBase = roll === undefined ? 'ballots' : 'roll';
  if (options.base !== undefined) {
    if (!(BASES as readonly string[]).includes(options.base)) {
      return refuse(`--base 只能是 ${BASES.join('、')}，实际为「${options.base}」`);
    }
    base = options.base as RaterBase;
  }

  let sheet: string | CsvRecord[];
  try {
    sheet = await readSheet(file);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return refuse(error.message);
  }

  const outcome = tallyEvaluationSheet(sheet, { roll, rule: { ...DEFAULT_SATISFACTION_RULE, base } });
  if (!outcome.ok) return refuse(outcome.problem.message);
  process.stdout.write(`${JSON.stringify(outcome.tally, null, 2)}\n`);
  return 0;
}

/**
 * A CSV is read as text so that problems name the line in the file; any other sheet (.xlsx, .tsv,
 * Excel's UTF-16 "Unicode text") through the table reader, its rows numbered as the spreadsheet shows.
 */
async function readSheet(file: string): Promise<string | CsvRecord[]> {
  const bytes = await readInputFile(file);
  if (/\.csv$/iu.test(file)) return decodeTableText(bytes);
  const rows = await readTableRows(file, bytes);
  return rows.map((cells, i) => ({ line: i + 1, cells }));
}

function refuse(message: string): number {
  process.stderr.write(`${message}\n`);
  return EXIT_BAD_INPUT;
}
