import { z } from 'zod';
import { defineRoute } from '../../server/route';
import { planRegionCode, planYear } from '../../server/route-inputs';
import { listPlanYears, openPlanYear } from './use-cases/plan-years';

export const planRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/plan-years',
    summary: '年度民生实事计划列表（管辖范围内）',
    tags: ['年度计划'],
    access: 'session',
    handler: ({ deps, actor }) => listPlanYears(deps, actor),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/plan-years',
    summary: '开启一个地区的年度计划',
    tags: ['年度计划'],
    access: 'session',
    body: z.object({
      regionCode: planRegionCode('请选择地区'),
      year: planYear(),
      title: z.string().trim().max(100).nullish(),
    }),
    handler: async ({ deps, actor, body, reply }) => {
      reply.status(201);
      return openPlanYear(deps, actor, body);
    },
  }),
];
