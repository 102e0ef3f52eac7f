import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../app/api/client';
import type { AuditEntry, AuditVerdict, Items } from '../../app/api/types';

const PAGE = 50;

/** Newest first, one page at a time, each page starting below the last sequence number seen. */
export function useAuditLog() {
  return useInfiniteQuery({
    queryKey: ['audit'],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => api.get<Items<AuditEntry>>('/api/audit', { limit: PAGE, before: pageParam }),
    getNextPageParam: (last) => (last.items.length < PAGE ? undefined : last.items.at(-1)?.seq),
  });
}

export function verifyAuditChain() {
  return api.get<AuditVerdict>('/api/audit/verify');
}

export const AUDIT_ACTION_LABELS: Record<string, string> = { insert: '新增', update: '修改', delete: '删除' };

export const AUDIT_TABLE_LABELS: Record<string, string> = {
  regions: '行政区划',
  units: '单位',
  users: '用户',
  role_grants: '角色授权',
  plan_years: '年度计划',
};
