import type { Command } from 'commander';
import { configFromEnv } from '../server/config';
import { printJson, withDeps } from './context';

export function registerDatabaseCommands(program: Command): void {
  program
    .command('serve')
    .description('迁移数据库、载入基础与演示数据并启动服务（PORT，默认 3000）')
    .action(async () => (await import('../server/main')).serve());
  program
    .command('migrate')
    .description('把数据库迁移到最新结构（DATABASE_URL 或内嵌数据库 MINSHENG_DATA_DIR）')
    .action(() => withDeps(async (_deps, database) => printJson({ migrated: true, db: database.kind })));
  program
    .command('seed')
    .description('载入行政区划、管理员账号；默认同时载入演示数据（MINSHENG_DEMO=0 时不载入）')
    .option('--no-demo', '只载入行政区划和管理员，不载入演示数据')
    .action((options: { demo: boolean }) =>
      withDeps(async (deps) => {
        const { seed } = await import('../seed/seed');
        const report = await seed(deps, {
          demo: options.demo && configFromEnv().demo,
          adminPassword: process.env.MINSHENG_ADMIN_PASSWORD,
        });
        printJson(report);
      }),
    );
  program
    .command('regions')
    .description('行政区划')
    .command('import-townships')
    .description('从国家统计局区划数据导入某县的乡镇（街道）')
    .requiredOption('--county <code>', '县级行政区划代码，如 140521')
    .action((options: { county: string }) =>
      withDeps(async (deps) => {
        const { importTownships } = await import('../modules/regions');
        printJson({
          county: options.county,
          imported: await importTownships(deps, 'system:cli', options.county),
        });
      }),
    );
}
