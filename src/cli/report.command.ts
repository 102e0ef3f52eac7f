import type { Command } from 'commander';
import { DomainError } from '../kernel/errors';
import type { YearEndFormat } from '../modules/reports';
import { withDeps } from './context';
import { writeOutputFile } from './files';
import { parseRegion, parseYear } from './plan.command';

/** `npx minsheng report year-end`: the year-end report (年度民生实事办理情况报告) of a plan year. */
export function registerReportCommands(program: Command): void {
  const report = program.command('report').description('报告');
  report
    .command('year-end')
    .description('年度民生实事办理情况报告：json、md（文字稿）、docx（公文）、xlsx')
    .requiredOption('--region <code>', '行政区划代码', parseRegion)
    .requiredOption('--year <yyyy>', '年度', parseYear)
    .option('--format <format>', 'json | md | docx | xlsx', 'json')
    .option('--out <file>', '写入文件（不指定则写到标准输出）')
    .action(async (o: { region: string; year: number; format: string; out?: string }) => {
      // Bad options are answered before the database is opened.
      const { renderYearEndReport, YEAR_END_FORMATS } = await import('../modules/reports');
      if (!YEAR_END_FORMATS.includes(o.format as YearEndFormat)) {
        throw new DomainError('VALIDATION_FAILED', {
          message: `不支持的格式 ${o.format}，可选：${YEAR_END_FORMATS.join('、')}`,
        });
      }
      const input = {
        regionCode: o.region,
        year: o.year,
        format: o.format as YearEndFormat,
      };
      await withDeps(async (deps) => {
        const { body } = await renderYearEndReport(deps, 'system:cli', input);
        if (o.out) await writeOutputFile(o.out, body);
        else process.stdout.write(body);
      });
    });
}
