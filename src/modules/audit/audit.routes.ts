import { z } from 'zod';
import { DomainError } from '../../kernel/errors';
import { can } from '../../kernel/policy';
import { NATION_CODE } from '../../kernel/regions';
import { defineRoute } from '../../server/route';
import { browseAudit, verifyAuditChain } from './use-cases/audit';

export const auditRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/audit',
    summary: '审计日志（最新在前）',
    tags: ['审计'],
    access: 'session',
    query: z.object({
      table: z.string().max(60).optional(),
      record: z.string().max(100).optional(),
      before: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    handler: ({ deps, actor, query }) => browseAudit(deps, actor, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/audit/verify',
    summary: '校验审计哈希链',
    tags: ['审计'],
    access: 'session',
    handler: async ({ deps, actor }) => {
      if (!can(actor, 'audit.read', { regionCode: NATION_CODE })) throw new DomainError('FORBIDDEN');
      return verifyAuditChain(deps.db);
    },
  }),
];
