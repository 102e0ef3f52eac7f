import { z } from 'zod';
import { defineRoute } from '../../server/route';
import { isoDate, planParams } from '../../server/route-inputs';
import { BULLETIN_FORMATS, renderBulletin } from './use-cases/bulletin';
import { renderYearEndReport, YEAR_END_FORMATS } from './use-cases/year-end';

export const reportRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/plan-years/:region/:year/bulletin',
    summary: '进度通报：json、md、docx（公文）、xlsx（台账）',
    tags: ['通报'],
    access: 'session',
    params: planParams,
    query: z.object({
      asOf: isoDate,
      format: z.enum(BULLETIN_FORMATS).default('json'),
    }),
    handler: async ({ deps, actor, params, query, reply }) => {
      const { body, contentType } = await renderBulletin(deps, actor, {
        regionCode: params.region,
        year: params.year,
        asOf: query.asOf,
        format: query.format,
      });
      reply.type(contentType);
      if (query.format === 'docx' || query.format === 'xlsx') {
        const name = encodeURIComponent(`民生实事进展通报-${params.region}-${query.asOf}.${query.format}`);
        reply.header('content-disposition', `attachment; filename*=UTF-8''${name}`);
      }
      return reply.send(body);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/plan-years/:region/:year/year-end-report',
    summary: '年度民生实事办理情况报告：json、md、docx（公文）、xlsx',
    tags: ['通报'],
    access: 'session',
    params: planParams,
    query: z.object({ format: z.enum(YEAR_END_FORMATS).default('json') }),
    handler: async ({ deps, actor, params, query, reply }) => {
      const { body, contentType } = await renderYearEndReport(deps, actor, {
        regionCode: params.region,
        year: params.year,
        format: query.format,
      });
      reply.type(contentType);
      if (query.format === 'docx' || query.format === 'xlsx') {
        const name = encodeURIComponent(
          `民生实事办理情况报告-${params.region}-${params.year}.${query.format}`,
        );
        reply.header('content-disposition', `attachment; filename*=UTF-8''${name}`);
      }
      return reply.send(body);
    },
  }),
];
