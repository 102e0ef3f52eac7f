import type { Command } from 'commander';
import { printJson, withDeps } from './context';

export function registerAuditCommands(program: Command): void {
  program
    .command('audit')
    .description('审计日志')
    .command('verify')
    .description('校验审计哈希链，指出第一条被改动或删除的记录；链断开时退出码为 1')
    .action(() =>
      withDeps(async (deps) => {
        const { verifyAuditChain } = await import('../modules/audit');
        const result = await verifyAuditChain(deps.db);
        printJson(result);
        if (!result.ok) process.exitCode = 1;
      }),
    );
}
