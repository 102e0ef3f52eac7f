import { Command, CommanderError } from 'commander';
import { registerAuditCommands } from './audit.command';
import { registerBulletinCommands } from './bulletin.command';
import { registerCandidateCommands } from './candidates.command';
import { registerDatabaseCommands } from './database.command';
import { registerEvaluationCommands } from './evaluation.command';
import { failureReason, parseErrorLine } from './parse-errors';
import { registerPlanCommands } from './plan.command';
import { registerReportCommands } from './report.command';
import { registerSuggestionCommands } from './suggestions.command';
import { registerUserCommands } from './user.command';
import { registerVoteCommands } from './vote.command';

/** `npx minsheng …`: every command of the product, each registered from its own file. */
export function buildProgram(): Command {
  const program = new Command('minsheng')
    .description('民生实事全流程平台 命令行')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    // Commander's English refusal is replaced by one Chinese line (parse-errors.ts), written by run().
    .configureOutput({ outputError: () => {} })
    .exitOverride();
  registerDatabaseCommands(program);
  registerUserCommands(program);
  registerAuditCommands(program);
  registerPlanCommands(program);
  registerBulletinCommands(program);
  registerReportCommands(program);
  registerCandidateCommands(program);
  registerVoteCommands(program);
  registerEvaluationCommands(program);
  registerSuggestionCommands(program);
  return program;
}

/** Bad input exits 2 with a one-line reason; success exits 0. */
export async function run(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode !== 0)
        process.stderr.write(`${parseErrorLine(error, commandPathOf(program, argv))}\n`);
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    process.stderr.write(`错误：${failureReason(error)}\n`);
    process.exitCode = 2;
  }
}

/** `minsheng vote tally`: the words of argv that name a command, as far as they do. */
function commandPathOf(program: Command, argv: string[]): string {
  const words = ['minsheng'];
  let command: Command | undefined = program;
  for (const word of argv.slice(2)) {
    command = command.commands.find((c) => c.name() === word);
    if (!command) break;
    words.push(word);
  }
  return words.join(' ');
}
