import { openDatabase } from '../db/client';
import { rehearseOpenEvaluation } from '../modules/evaluation';
import { rehearseOpenVote } from '../modules/voting';
import { seed } from '../seed/seed';
import { buildApp } from './app';
import { configFromEnv } from './config';
import { createDeps } from './deps';

/** `npm start` / `npx minsheng serve`: migrate, load reference and demo data once, serve. */
export async function serve(): Promise<void> {
  const config = configFromEnv();
  const started = Date.now();
  const database = await openDatabase(config.database);
  await database.migrate();
  const deps = createDeps(database, config);
  const report = await seed(deps, { demo: config.demo, adminPassword: process.env.MINSHENG_ADMIN_PASSWORD });
  if (report.generatedAdminPassword) {
    console.log('──────────────────────────────────────────────');
    console.log(' 已创建管理员账号 admin，初始密码（仅显示这一次）：');
    console.log(`   ${report.generatedAdminPassword}`);
    console.log(' 请登录后立即修改，或设置 MINSHENG_ADMIN_PASSWORD 后重建。');
    console.log('──────────────────────────────────────────────');
  }
  const app = await buildApp({ deps, logger: process.env.MINSHENG_LOG === '1' });
  await app.listen({ port: config.port, host: config.host });
  const where = database.kind === 'pglite' ? `PGlite（${config.database.dataDir}）` : 'PostgreSQL';
  console.log(
    `民生实事平台已启动：http://localhost:${config.port}  数据库：${where}  用时 ${Date.now() - started} ms`,
  );
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Restarted while a vote or an evaluation is open: the deputies' retries come at once (rehearsal.ts).
  void (async () => {
    await rehearseOpenVote(app, deps.db);
    await rehearseOpenEvaluation(app, deps.db);
  })().catch((error) => console.error('投票页面预热失败（不影响投票）：', error));
}
