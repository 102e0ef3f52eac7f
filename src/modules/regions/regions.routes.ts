import { z } from 'zod';
import { defineRoute } from '../../server/route';
import {
  addRegion,
  findRegionsByText,
  getRegion,
  importTownships,
  listChildRegions,
} from './use-cases/regions';

const regionCode = z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, '行政区划代码应为 6、9 或 12 位数字');

export const regionRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/regions',
    summary: '下级行政区划列表（默认为全国下的省级）',
    tags: ['行政区划'],
    access: 'session',
    query: z.object({ parent: regionCode.default('000000') }),
    handler: ({ deps, query }) => listChildRegions(deps, query.parent),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/regions/search',
    summary: '按名称或代码查找行政区划',
    tags: ['行政区划'],
    access: 'session',
    query: z.object({ q: z.string().trim().min(1, '请输入名称或代码').max(50) }),
    handler: async ({ deps, query }) => ({ items: await findRegionsByText(deps, query.q) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/regions/:code',
    summary: '行政区划详情及上级路径',
    tags: ['行政区划'],
    access: 'session',
    params: z.object({ code: regionCode }),
    handler: ({ deps, params }) => getRegion(deps, params.code),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/regions',
    summary: '新增乡级或村级行政区划',
    tags: ['行政区划'],
    access: 'session',
    body: z.object({ code: regionCode, name: z.string().trim().min(1, '名称不能为空').max(60) }),
    handler: async ({ deps, actor, body, reply }) => {
      reply.status(201);
      return addRegion(deps, actor, body);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/regions/:code/import-townships',
    summary: '从国家统计数据导入该县的乡镇（街道）',
    tags: ['行政区划'],
    access: 'session',
    params: z.object({ code: z.string().regex(/^\d{6}$/, '请指定县级行政区划代码') }),
    handler: async ({ deps, actor, params }) => ({
      imported: await importTownships(deps, actor, params.code),
    }),
  }),
];
