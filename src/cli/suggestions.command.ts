import { basename } from 'node:path';
import type { Command } from 'commander';
import { DomainError } from '../kernel/errors';
import { printJson, withDeps } from './context';
import { readInputFile } from './files';
import { parseRegion, parseYear } from './plan.command';

function progressBar(done: number, total: number): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r导入中 [${'█'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`);
  if (done === total) process.stderr.write('\n');
}

export function registerSuggestionCommands(program: Command): void {
  const suggestions = program.command('suggestions').description('群众建议：批量导入与近似重复分组');
  suggestions
    .command('import')
    .description(
      '导入建议表（.xlsx、.csv、.tsv；列：编号、内容、渠道、提交时间），编号相同的再次导入为更新；有误则一条不导入',
    )
    .argument('<file>', '建议表文件')
    .requiredOption('--region <code>', '行政区划代码', parseRegion)
    .requiredOption('--year <yyyy>', '年度', parseYear)
    .action((file: string, o: { region: string; year: number }) =>
      withDeps(async (deps) => {
        const regionCode = o.region;
        const year = o.year;
        const bytes = await readInputFile(file);
        const [{ importSuggestionSheet }, { seedRegions }] = await Promise.all([
          import('../modules/suggestions/use-cases/intake'),
          import('../seed/seed'),
        ]);
        await seedRegions(deps.db);
        try {
          printJson(
            await importSuggestionSheet(
              deps,
              'system:cli',
              { regionCode, year, fileName: basename(file), bytes },
              progressBar,
            ),
          );
        } catch (error) {
          if (
            error instanceof DomainError &&
            error.code === 'SUGGESTION_TABLE_INVALID' &&
            Array.isArray(error.details)
          ) {
            process.stderr.write(`错误：建议表有误（${error.details.length} 处），未导入任何内容\n`);
            for (const p of error.details as Array<{ message: string }>)
              process.stderr.write(`  ${p.message}\n`);
            process.exitCode = 2;
            return;
          }
          throw error;
        }
      }),
    );
  suggestions
    .command('groups')
    .description('近似重复建议分组：每条建议恰好在一个组中，并给出领域和承办单位的初步建议')
    .requiredOption('--region <code>', '行政区划代码', parseRegion)
    .requiredOption('--year <yyyy>', '年度', parseYear)
    .option('--format <format>', 'json', 'json')
    .action((o: { region: string; year: number; format: string }) =>
      withDeps(async (deps) => {
        if (o.format !== 'json')
          throw new DomainError('VALIDATION_FAILED', { message: `不支持的格式 ${o.format}，可选：json` });
        const { suggestionGroups } = await import('../modules/suggestions/use-cases/intake');
        printJson(await suggestionGroups(deps, 'system:cli', o.region, o.year));
      }),
    );
}
