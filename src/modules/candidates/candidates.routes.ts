import { z } from 'zod';
import { DomainError } from '../../kernel/errors';
import { defineRoute } from '../../server/route';
import { importCandidateTable, listCandidates } from './use-cases/candidate-list';

const planParams = z.object({
  region: z.string().regex(/^(\d{6}|\d{9})$/, '行政区划代码不正确'),
  year: z.coerce.number().int().min(2000).max(2100),
});

export const candidateRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/plan-years/:region/:year/candidates',
    summary: '候选项目清单',
    tags: ['候选项目'],
    access: 'session',
    params: planParams,
    handler: async ({ deps, actor, params }) => ({
      items: await listCandidates(deps, actor, params.region, params.year),
    }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/plan-years/:region/:year/candidates/import',
    summary: '导入候选项目表（multipart 字段 file：.xlsx、.csv、.tsv），整体替换；有误则不导入并逐行列出问题',
    tags: ['候选项目'],
    access: 'session',
    params: planParams,
    bodyLimit: 10 * 1024 * 1024,
    handler: async ({ deps, actor, params, request }) => {
      const file = request.isMultipart()
        ? await request.file({ limits: { fileSize: 10 * 1024 * 1024 } })
        : undefined;
      if (!file)
        throw new DomainError('CANDIDATE_TABLE_INVALID', { field: 'file', message: '请选择候选项目表文件' });
      return importCandidateTable(deps, actor, {
        regionCode: params.region,
        year: params.year,
        fileName: file.filename,
        bytes: await file.toBuffer(),
      });
    },
  }),
];
