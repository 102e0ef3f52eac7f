import type { Command } from 'commander';
import { ROLES, type Role } from '../kernel/actor';
import { printJson, withDeps } from './context';

export function registerUserCommands(program: Command): void {
  program
    .command('user')
    .description('用户管理')
    .command('create')
    .description('新建用户并授予一个角色（密码从 MINSHENG_NEW_PASSWORD 读取，避免留在命令历史中）')
    .requiredOption('--username <name>', '用户名')
    .requiredOption('--name <displayName>', '姓名')
    .requiredOption('--role <role>', `角色：${ROLES.join(' | ')}`)
    .requiredOption('--region <code>', '管辖地区代码，全国为 000000')
    .option('--unit <name>', '所属单位名称（部门角色必填）')
    .option('--phone <phone>', '电话')
    .option('--password <password>', '密码（建议改用环境变量 MINSHENG_NEW_PASSWORD）')
    .action(
      (o: {
        username: string;
        name: string;
        role: string;
        region: string;
        unit?: string;
        phone?: string;
        password?: string;
      }) =>
        withDeps(async (deps) => {
          if (!ROLES.includes(o.role as Role))
            throw new Error(`未知角色 ${o.role}，可选：${ROLES.join('、')}`);
          const password = o.password ?? process.env.MINSHENG_NEW_PASSWORD;
          if (!password) throw new Error('请通过 MINSHENG_NEW_PASSWORD 或 --password 提供密码');
          const [{ createUser }, { findUnitByName }] = await Promise.all([
            import('../modules/identity'),
            import('../modules/units'),
          ]);
          const unit = o.unit ? await findUnitByName(deps.db, o.region, o.unit) : undefined;
          if (o.unit && !unit) throw new Error(`地区 ${o.region} 下没有单位「${o.unit}」`);
          const created = await createUser(deps, 'system:cli', {
            username: o.username,
            displayName: o.name,
            password,
            phone: o.phone ?? null,
            grants: [{ role: o.role as Role, regionCode: o.region, unitId: unit?.id ?? null }],
          });
          printJson(created);
        }),
    );
}
