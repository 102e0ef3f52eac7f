import { z } from 'zod';
import { defineRoute } from '../../server/route';
import { planRegionCode } from '../../server/route-inputs';
import { UNIT_KINDS } from './units.rules';
import { createUnit, editUnit, listUnits } from './use-cases/units';

const kind = z.enum(UNIT_KINDS, { error: '单位类型不正确' });
const name = z.string().trim().min(1, '单位名称不能为空').max(60, '单位名称不能超过 60 字');

export const unitRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/units',
    summary: '单位列表（管辖范围内，可按地区筛选）',
    tags: ['单位'],
    access: 'session',
    query: z.object({
      region: z
        .string()
        .regex(/^\d{6,12}$/)
        .optional(),
    }),
    handler: ({ deps, actor, query }) => listUnits(deps, actor, query.region),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/units',
    summary: '新增单位',
    tags: ['单位'],
    access: 'session',
    body: z.object({
      regionCode: planRegionCode('请选择所属地区'),
      name,
      kind,
      shortName: z.string().trim().max(20).nullish(),
    }),
    handler: async ({ deps, actor, body, reply }) => {
      reply.status(201);
      return createUnit(deps, actor, body);
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/units/:id',
    summary: '修改单位',
    tags: ['单位'],
    access: 'session',
    params: z.object({ id: z.uuid('单位编号不正确') }),
    body: z.object({
      name: name.optional(),
      kind: kind.optional(),
      shortName: z.string().trim().max(20).nullish(),
    }),
    handler: ({ deps, actor, params, body }) => editUnit(deps, actor, params.id, body),
  }),
];
