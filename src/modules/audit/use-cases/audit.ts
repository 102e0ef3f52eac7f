import type { Executor } from '../../../db/client';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { can } from '../../../kernel/policy';
import { NATION_CODE } from '../../../kernel/regions';
import type { AppDeps } from '../../../server/deps';
import { findFirstChainBreak, recentAuditEntries } from '../audit.repository';

const REASONS = {
  hash: '内容与哈希不符（记录被改动）',
  link: '与上一条记录的哈希链接断开',
  gap: '序号不连续（记录被删除）',
};

export async function verifyAuditChain(db: Executor) {
  const { checked, broken } = await findFirstChainBreak(db);
  return broken
    ? {
        ok: false as const,
        checked,
        brokenAt: broken.seq,
        reason: broken.reason,
        message: `第 ${broken.seq} 条审计记录${REASONS[broken.reason]}`,
      }
    : { ok: true as const, checked, message: `审计链完整，共校验 ${checked} 条记录` };
}

/** The log is national: it mixes every region's records, so only a national administrator reads it. */
export async function browseAudit(
  deps: AppDeps,
  actor: Actor,
  filter: { table?: string; record?: string; before?: number; limit: number },
) {
  if (!can(actor, 'audit.read', { regionCode: NATION_CODE })) throw new DomainError('FORBIDDEN');
  return { items: await recentAuditEntries(deps.db, filter) };
}
