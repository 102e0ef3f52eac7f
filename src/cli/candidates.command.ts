import { basename } from 'node:path';
import type { Command } from 'commander';
import { DomainError } from '../kernel/errors';
import type { ExportScope } from '../modules/candidates/use-cases/candidate-list';
import { printJson, withDeps } from './context';
import { readInputFile, writeOutputFile } from './files';
import { parseRegion, parseYear } from './plan.command';

const FORMATS = ['json', 'xlsx', 'docx'] as const;
const SCOPES: readonly ExportScope[] = ['list', 'all'];

export function registerCandidateCommands(program: Command): void {
  const candidates = program.command('candidates').description('候选项目清单的导入与导出（官方附件表格式）');
  candidates
    .command('import')
    .description('导入候选项目表（.xlsx、.csv、.tsv），整体替换该年度的候选清单；有误则一项不导入')
    .argument('<file>', '候选项目表文件')
    .requiredOption('--region <code>', '行政区划代码', parseRegion)
    .requiredOption('--year <yyyy>', '年度', parseYear)
    .action((file: string, o: { region: string; year: number }) =>
      withDeps(async (deps) => {
        const regionCode = o.region;
        const year = o.year;
        const bytes = await readInputFile(file);
        const [{ importCandidateTable }, { seedRegions }] = await Promise.all([
          import('../modules/candidates/use-cases/candidate-list'),
          import('../seed/seed'),
        ]);
        await seedRegions(deps.db);
        try {
          printJson(
            await importCandidateTable(deps, 'system:cli', {
              regionCode,
              year,
              fileName: basename(file),
              bytes,
            }),
          );
        } catch (error) {
          if (
            error instanceof DomainError &&
            error.code === 'CANDIDATE_TABLE_INVALID' &&
            Array.isArray(error.details)
          ) {
            process.stderr.write(`错误：${error.message.split('：')[0]}\n`);
            for (const p of error.details as Array<{ message: string }>)
              process.stderr.write(`  ${p.message}\n`);
            process.exitCode = 2;
            return;
          }
          throw error;
        }
      }),
    );
  candidates
    .command('export')
    .description(
      '导出提交票决的候选项目清单（入围项目，经政府常务会、党委常委会研究后即票决清单）：json、xlsx（同官方表格式）、docx（附件，可直接打印）',
    )
    .requiredOption('--region <code>', '行政区划代码', parseRegion)
    .requiredOption('--year <yyyy>', '年度', parseYear)
    .option('--format <format>', 'json | xlsx | docx', 'json')
    .option('--scope <scope>', 'list 入围清单（默认，同网页导出）| all 全部谋划项目', 'list')
    .option('--out <file>', '写入文件（不指定则写到标准输出）')
    .action((o: { region: string; year: number; format: string; scope: string; out?: string }) =>
      withDeps(async (deps) => {
        if (!FORMATS.includes(o.format as (typeof FORMATS)[number])) {
          throw new DomainError('VALIDATION_FAILED', {
            message: `不支持的格式 ${o.format}，可选：${FORMATS.join('、')}`,
          });
        }
        if (!SCOPES.includes(o.scope as ExportScope)) {
          throw new DomainError('VALIDATION_FAILED', {
            message: `--scope 只能是 list（入围清单）或 all（全部谋划项目），收到“${o.scope}”`,
          });
        }
        const regionCode = o.region;
        const year = o.year;
        const scope = o.scope as ExportScope;
        const { candidatesToExport, exportCandidateList } = await import(
          '../modules/candidates/use-cases/candidate-list'
        );
        let body: string | Buffer;
        if (o.format === 'json') {
          const list = await candidatesToExport(deps, 'system:cli', regionCode, year, scope);
          body = `${JSON.stringify(
            {
              region: regionCode,
              year,
              title: list.title,
              scope,
              state: list.state,
              stateLabel: list.stateLabel,
              // no: the list's own 序号 (1..N on the shortlist); seq: the draft's, to find it in the console.
              candidates: list.rows.map(({ id: _id, planYearId: _p, createdAt: _c, no, ...rest }) => ({
                no,
                ...rest,
              })),
            },
            null,
            2,
          )}\n`;
        } else {
          // The same files as the console's export: one use case, one layout.
          const file = await exportCandidateList(
            deps,
            'system:cli',
            regionCode,
            year,
            o.format as 'xlsx' | 'docx',
            scope,
          );
          body = file.body;
        }
        if (o.out) await writeOutputFile(o.out, body);
        else process.stdout.write(body);
      }),
    );
}
