import type { Command } from 'commander';
import { DomainError } from '../kernel/errors';
import { decodeTableText } from '../modules/candidates/candidate-table.reader';
import type { Problem } from '../modules/progress';
import { printJson, withDeps } from './context';
import { readInputFile } from './files';

/**
 * Reads a JSON file, or says in one line why it cannot. UTF-8 with or without a BOM, and what
 * Windows tools save instead (UTF-16, GBK/GB18030): a plan saved by the wrong editor still reads.
 */
export async function readJsonFile(file: string): Promise<unknown> {
  const text = decodeTableText(await readInputFile(file));
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new DomainError('NOT_JSON', {
      message: `文件 ${file} 不是有效的 JSON：${whereJsonBreaks(text, error)}`,
    });
  }
}

/** JSON.parse's English, as where in the file it stopped making sense. */
function whereJsonBreaks(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (text.trim() === '') return '文件是空的';
  const at = /position (\d+)/.exec(message);
  if (!at) return /end of JSON input/.test(message) ? '内容不完整，在文件末尾意外结束' : '格式有误';
  const before = text.slice(0, Number(at[1])).split('\n');
  return `第 ${before.length} 行第 ${before.at(-1)!.length + 1} 个字符附近格式有误`;
}

export function parseYear(value: string): number {
  // The same years the plan format and the API take.
  if (!/^\d{4}$/.test(value) || Number(value) < 2000 || Number(value) > 2100)
    throw new DomainError('VALIDATION_FAILED', {
      field: 'year',
      message: `年度应为 2000 至 2100 之间的四位数字：${value}`,
    });
  return Number(value);
}

export function parseRegion(value: string): string {
  if (!/^(\d{6}|\d{9}|\d{12})$/.test(value)) {
    throw new DomainError('VALIDATION_FAILED', {
      field: 'region',
      message: `行政区划代码应为 6、9 或 12 位数字：${value}`,
    });
  }
  return value;
}

export function registerPlanCommands(program: Command): void {
  const plan = program.command('plan').description('年度计划的导入与导出（minsheng.plan/v1）');
  plan
    .command('import')
    .description('导入计划文件；同一地区同一年度的计划整体替换；有误则一项不导入，并列出每处问题')
    .argument('<file>', 'minsheng.plan/v1 JSON 文件')
    .action((file: string) =>
      withDeps(async (deps) => {
        const json = await readJsonFile(file);
        const [{ importPlan, formatProblem }, { seedRegions }] = await Promise.all([
          import('../modules/progress'),
          import('../seed/seed'),
        ]);
        await seedRegions(deps.db);
        try {
          printJson(await importPlan(deps, 'system:cli', json));
        } catch (error) {
          if (error instanceof DomainError && error.code === 'PLAN_DOCUMENT_INVALID') {
            const problems = error.details as Problem[];
            process.stderr.write(`错误：计划文件有误（${problems.length} 处），未导入任何内容\n`);
            for (const p of problems) process.stderr.write(`  ${formatProblem(p)}\n`);
            process.exitCode = 2;
            return;
          }
          throw error;
        }
      }),
    );
  plan
    .command('export')
    .description('把一个地区一个年度的计划写到标准输出')
    .requiredOption('--region <code>', '行政区划代码', parseRegion)
    .requiredOption('--year <yyyy>', '年度', parseYear)
    .action((o: { region: string; year: number }) =>
      withDeps(async (deps) => {
        const { exportPlan, stringifyPlanDocument } = await import('../modules/progress');
        const document = await exportPlan(deps, 'system:cli', o.region, o.year);
        process.stdout.write(stringifyPlanDocument(document));
      }),
    );
}
