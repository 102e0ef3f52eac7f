import type { Command } from 'commander';
import { DomainError } from '../kernel/errors';
import type { BulletinFormat } from '../modules/reports';
import { withDeps } from './context';
import { writeOutputFile } from './files';
import { parseRegion, parseYear } from './plan.command';

export function registerBulletinCommands(program: Command): void {
  program
    .command('bulletin')
    .description('某日的进度通报：json、md（文字稿）、docx（公文）、xlsx（台账）')
    .requiredOption('--region <code>', '行政区划代码', parseRegion)
    .requiredOption('--year <yyyy>', '年度', parseYear)
    .requiredOption('--as-of <date>', '截至日期 YYYY-MM-DD')
    .option('--format <format>', 'json | md | docx | xlsx', 'json')
    .option('--out <file>', '写入文件（不指定则写到标准输出）')
    .action(async (o: { region: string; year: number; asOf: string; format: string; out?: string }) => {
      // Bad options are answered before the database is opened.
      const { BULLETIN_FORMATS, renderBulletin } = await import('../modules/reports');
      if (!BULLETIN_FORMATS.includes(o.format as BulletinFormat)) {
        throw new DomainError('VALIDATION_FAILED', {
          message: `不支持的格式 ${o.format}，可选：${BULLETIN_FORMATS.join('、')}`,
        });
      }
      if (!/^\d{4}-\d{2}-\d{2}$/.test(o.asOf)) {
        throw new DomainError('VALIDATION_FAILED', { message: `截至日期应为 YYYY-MM-DD：${o.asOf}` });
      }
      const input = {
        regionCode: o.region,
        year: o.year,
        asOf: o.asOf,
        format: o.format as BulletinFormat,
      };
      await withDeps(async (deps) => {
        const { body } = await renderBulletin(deps, 'system:cli', input);
        if (o.out) await writeOutputFile(o.out, body);
        else process.stdout.write(body);
      });
    });
}
