import { z } from 'zod';
import { isCalendarDate } from '../../kernel/date-window';
import { defineRoute } from '../../server/route';
import { idParamsOf, planParams } from '../../server/route-inputs';
import { GRAVITIES, PASSING_GRADES, type StepKind } from './supervision.rules';
import { escalatedOrders, ordersAwaitingMe, projectOrders, supervisionBoard } from './use-cases/board';
import { projectInspections, recordInspection } from './use-cases/inspections';
import { issueOrder, orderDetail, takeStep } from './use-cases/orders';

const idParams = idParamsOf('督办事项编号不正确');
const projectParams = z.object({ id: z.uuid('项目编号不正确') });
const calendarDate = z.string().refine(isCalendarDate, '日期应为 YYYY-MM-DD 格式的真实日期');
const words = (label: string, max: number) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 字`);
const optionalWords = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不能超过 ${max} 字`).nullish();

const issueBody = z.object({
  projectId: z.uuid('请选择项目'),
  unitId: z.uuid('请选择督办单位').nullish(),
  gravity: z.enum(GRAVITIES, '请选择一般事项或重大事项'),
  reason: words('督办事由', 2000),
  requirement: optionalWords('督办要求', 1000),
  inspectionId: z.uuid('视察意见编号不正确').nullish(),
});

/** Each step's own body: what the page's form for it asks. */
const STEP_BODIES = {
  acknowledged: z.object({ text: optionalWords('签收意见', 1000) }),
  measures: z.object({ text: words('整改措施', 2000), dueOn: calendarDate.nullish() }),
  resolution: z.object({ text: words('办结情况', 2000) }),
  returned: z.object({ text: words('退回原因', 1000), dueOn: calendarDate.nullish() }),
  closed: z.object({
    grade: z.enum(PASSING_GRADES, '请评定为优秀、良好或合格'),
    text: optionalWords('评定意见', 1000),
  }),
  reminded: z.object({ text: optionalWords('催办内容', 1000) }),
} satisfies Partial<Record<StepKind, z.ZodType>>;

const STEP_PATHS: Record<keyof typeof STEP_BODIES, { path: string; summary: string }> = {
  acknowledged: { path: 'acknowledge', summary: '签收督办事项（当日签收部署）' },
  measures: { path: 'measures', summary: '报送整改措施（3 日内；重大事项可附计划办结日期）' },
  resolution: { path: 'resolution', summary: '报告办结情况' },
  returned: { path: 'return', summary: '退回重办（评定不合格）' },
  closed: { path: 'close', summary: '办结评定（优秀、良好、合格）' },
  reminded: { path: 'remind', summary: '催办' },
};

const stepRoutes = (Object.keys(STEP_BODIES) as Array<keyof typeof STEP_BODIES>).map((kind) =>
  defineRoute({
    method: 'POST',
    url: `/api/supervision/:id/${STEP_PATHS[kind].path}`,
    summary: STEP_PATHS[kind].summary,
    tags: ['调度督办'],
    access: 'session',
    params: idParams,
    body: STEP_BODIES[kind] as z.ZodType<{ text?: string | null; grade?: string; dueOn?: string | null }>,
    handler: ({ deps, actor, params, body }) =>
      takeStep(deps, actor, params.id, kind, {
        text: body.text ?? null,
        grade: (body.grade as (typeof PASSING_GRADES)[number] | undefined) ?? null,
        dueOn: body.dueOn ?? null,
      }),
  }),
);

export const supervisionRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/plan-years/:region/:year/supervision',
    summary: '调度督办：督办事项、办理进度和建议督办的滞后项目',
    tags: ['调度督办'],
    access: 'session',
    params: planParams,
    handler: ({ deps, actor, params }) => supervisionBoard(deps, actor, params.region, params.year),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/plan-years/:region/:year/supervision',
    summary: '下达督办事项',
    tags: ['调度督办'],
    access: 'session',
    params: planParams,
    body: issueBody,
    handler: async ({ deps, actor, params, body, reply }) => {
      reply.status(201);
      return issueOrder(deps, actor, params.region, params.year, body);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/projects/:id/supervision',
    summary: '一个项目的督办事项',
    tags: ['调度督办'],
    access: 'session',
    params: projectParams,
    handler: ({ deps, actor, params }) => projectOrders(deps, actor, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/projects/:id/inspections',
    summary: '人大代表视察意见',
    tags: ['调度督办'],
    access: 'session',
    params: projectParams,
    handler: ({ deps, actor, params }) => projectInspections(deps, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/inspections',
    summary: '人大代表记录视察意见',
    tags: ['调度督办'],
    access: 'session',
    params: projectParams,
    body: z.object({ visitedOn: calendarDate, text: words('视察意见', 2000) }),
    handler: async ({ deps, actor, params, body, reply }) => {
      reply.status(201);
      return recordInspection(deps, actor, params.id, body);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/supervision/escalated',
    summary: '提级督办：管辖范围内逾期 7 天以上未办结的督办事项',
    tags: ['调度督办'],
    access: 'session',
    handler: ({ deps, actor }) => escalatedOrders(deps, actor),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/supervision/mine',
    summary: '督办待办：等待本人签收、报送、办结或评定的督办事项',
    tags: ['调度督办'],
    access: 'session',
    handler: ({ deps, actor }) => ordersAwaitingMe(deps, actor),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/supervision/:id',
    summary: '督办事项详情和办理过程',
    tags: ['调度督办'],
    access: 'session',
    params: idParams,
    handler: ({ deps, actor, params }) => orderDetail(deps, actor, params.id),
  }),
  ...stepRoutes,
];
