import { z } from 'zod';
import { DomainError } from '../../kernel/errors';
import { defineRoute } from '../../server/route';
import { isoDate, planParams, planRegionCode } from '../../server/route-inputs';
import { regionNameQuery } from '../regions';
import { PHOTO_MAX_BYTES } from './photo.rules';
import { projectEntrySchema } from './project-entry.schema';
import { adoptElectedCandidates } from './use-cases/adopt-candidates';
import { addPhoto, readPhoto, removePhoto } from './use-cases/photos';
import { exportPlan, importPlan } from './use-cases/plan-exchange';
import { createProject, editProject, projectEntry } from './use-cases/project-entry';
import { publicPlanProgress, publicPlanYears } from './use-cases/public-progress';
import {
  approvalQueue,
  approveReport,
  correctReport,
  draftReport,
  editReport,
  projectReports,
  returnReport,
  submitReport,
} from './use-cases/reporting';
import { reportingTodoList } from './use-cases/reporting-todo';
import { LIGHT_PRESET_CHOICES, setTrackingSettings } from './use-cases/tracking-settings';
import { planOverview, planRollup, projectDetail } from './use-cases/views';

const asOfQuery = z.object({ asOf: isoDate.optional() });
const id = z.object({ id: z.uuid('编号不正确') });
// Sign and decimals are the use case's to judge: each has its own error code there.
const quantity = z.union([
  z.number().finite('请输入数字'),
  z.string().regex(/^-?\d+(\.\d+)?$/, '请输入数字'),
]);
const money = z
  .union([
    z.number().finite('请输入数字'),
    z
      .string()
      .trim()
      .regex(/^(-?\d+(\.\d+)?)?$/, '请输入以元为单位的数字'),
  ])
  .transform((v) => (v === '' ? null : String(v)))
  .nullish();
const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 字`).nullish();
const reportBody = z.object({
  regionCode: planRegionCode().optional(),
  asOf: isoDate,
  values: z.record(z.string(), quantity).default({}),
  eligible: z.record(z.string(), z.number().finite()).default({}),
  explanations: z.record(z.string(), z.string().max(500)).default({}),
  investment: money,
  fundsArrived: money,
  progressText: text(2000),
  problemsText: text(2000),
  nextText: text(2000),
});
const reason = z.object({ reason: z.string().trim().min(1, '请填写原因').max(500) });
const tags = ['项目实施'];
const publicTags = ['项目进展（公开）'];
/** Read by anyone: enough for a village's shared connection, not for a scraper hammering the roll-up. */
const publicReadLimit = { max: 120, timeWindow: '1 minute' };

export const progressRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/plan-years/:region/:year/overview',
    summary: '年度计划总览：按状态统计、序时进度、亮灯、报送情况',
    tags,
    access: 'session',
    params: planParams,
    query: asOfQuery,
    handler: ({ deps, actor, params, query }) =>
      planOverview(deps, actor, params.region, params.year, query.asOf),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/plan-years/:region/:year/rollup',
    summary:
      '任务分解汇总：各分解指标的下级合计和未报送地区；带 project 和 ref 时只返回该指标，并附各下级地区的目标和完成情况（下钻）',
    tags,
    access: 'session',
    params: planParams,
    query: asOfQuery.extend({
      project: z.uuid('项目编号不正确').optional(),
      ref: z.string().min(1).max(64).optional(),
    }),
    handler: ({ deps, actor, params, query }) =>
      planRollup(
        deps,
        actor,
        params.region,
        params.year,
        query.asOf,
        query.project && query.ref ? { projectId: query.project, ref: query.ref } : undefined,
      ),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/plan-years/:region/:year/tracking',
    summary: '设置报送日和亮灯规则（预设：yinchuan 银川、wuhan 武汉、sanya 三亚、dazu 大足，或本地自定义）',
    tags,
    access: 'session',
    params: planParams,
    body: z.object({
      reportingDay: z
        .number()
        .int()
        .min(1, '报送日应在 1–28 日之间')
        .max(28, '报送日应在 1–28 日之间')
        .optional(),
      lightRule: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish(),
    }),
    handler: ({ deps, actor, params, body }) =>
      setTrackingSettings(deps, actor, params.region, params.year, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/plan-years/:region/:year/adopt-elected',
    summary: '把票决当选的候选项目转为本年度实施项目（单位、领导、资金、指标、节点随之带入）',
    tags,
    access: 'session',
    params: planParams,
    handler: ({ deps, actor, params }) => adoptElectedCandidates(deps, actor, params.region, params.year),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/plan-years/:region/:year/projects',
    summary:
      '录入项目：名称、领域、年度任务、推进计划、牵头和配合单位、领导、资金、指标和节点（民生办，组织实施阶段）',
    tags,
    access: 'session',
    params: planParams,
    body: projectEntrySchema,
    handler: async ({ deps, actor, params, body, reply }) => {
      reply.status(201);
      return createProject(deps, actor, params.region, params.year, body);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/projects/:id/entry',
    summary: '项目的录入内容（修改项目表单用；含完整联系电话，仅民生办）',
    tags,
    access: 'session',
    params: id,
    handler: ({ deps, actor, params }) => projectEntry(deps, actor, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/projects/:id',
    summary: '修改项目（民生办，组织实施阶段；已有进度报告的指标不能删除或改变类型）',
    tags,
    access: 'session',
    params: id,
    body: projectEntrySchema,
    handler: ({ deps, actor, params, body }) => editProject(deps, actor, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/light-presets',
    summary: '亮灯规则预设',
    tags,
    access: 'session',
    handler: async () => ({ items: LIGHT_PRESET_CHOICES }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/plan-years/:region/:year/export',
    summary: '导出 minsheng.plan/v1 计划文件',
    tags,
    access: 'session',
    params: planParams,
    handler: async ({ deps, actor, params, reply }) => {
      reply.header('content-disposition', `attachment; filename="plan-${params.region}-${params.year}.json"`);
      return exportPlan(deps, actor, params.region, params.year);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/plan-years/import',
    summary: '导入 minsheng.plan/v1 计划文件（整体替换该地区该年度的计划；有误则不导入）',
    tags,
    access: 'session',
    bodyLimit: 20 * 1024 * 1024,
    body: z.unknown(),
    handler: ({ deps, actor, body }) => importPlan(deps, actor, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/projects/:id',
    summary: '项目详情：计划、指标、节点、当前评估和进度曲线',
    tags,
    access: 'session',
    params: id,
    query: asOfQuery,
    handler: ({ deps, actor, params, query }) => projectDetail(deps, actor, params.id, query.asOf),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/projects/:id/reports',
    summary: '项目的全部进度报告（含每个版本）',
    tags,
    access: 'session',
    params: id,
    handler: ({ deps, actor, params }) => projectReports(deps, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/projects/:id/reports',
    summary: '新建进度报告（草稿）',
    tags,
    access: 'session',
    params: id,
    body: reportBody,
    handler: async ({ deps, actor, params, body, reply }) => {
      reply.status(201);
      return draftReport(deps, actor, params.id, body);
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/reports/:id',
    summary: '修改草稿或被退回的报告',
    tags,
    access: 'session',
    params: id,
    body: reportBody,
    handler: ({ deps, actor, params, body }) => editReport(deps, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/reports/:id/submit',
    summary: '提交报告待审核（全面校验）',
    tags,
    access: 'session',
    params: id,
    handler: ({ deps, actor, params }) => submitReport(deps, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/reports/:id/approve',
    summary: '审核通过（审核人不能是填报人）',
    tags,
    access: 'session',
    params: id,
    handler: ({ deps, actor, params }) => approveReport(deps, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/reports/:id/return',
    summary: '退回报告并说明原因',
    tags,
    access: 'session',
    params: id,
    body: reason,
    handler: ({ deps, actor, params, body }) => returnReport(deps, actor, params.id, body.reason),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/reports/:id/correct',
    summary: '更正已通过的报告：生成新版本草稿，原版本保留',
    tags,
    access: 'session',
    params: id,
    body: reason,
    handler: async ({ deps, actor, params, body, reply }) => {
      reply.status(201);
      return correctReport(deps, actor, params.id, body.reason);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/reports/:id/photos',
    summary: '上传现场照片（multipart 字段 photo；JPEG/PNG/WebP，≤ 5 MB，自动去除位置信息）',
    tags,
    access: 'session',
    params: id,
    bodyLimit: PHOTO_MAX_BYTES + 64 * 1024,
    handler: async ({ deps, actor, params, request, reply }) => {
      if (!request.isMultipart())
        throw new DomainError('PHOTO_NOT_IMAGE', {
          field: 'photo',
          message: '请以 multipart/form-data 上传照片',
        });
      const file = await request.file({ limits: { fileSize: PHOTO_MAX_BYTES, files: 1 } });
      if (!file) throw new DomainError('PHOTO_NOT_IMAGE', { field: 'photo', message: '请选择照片' });
      const bytes = await file.toBuffer();
      if (file.file.truncated) throw new DomainError('PHOTO_TOO_LARGE');
      reply.status(201);
      return addPhoto(deps, actor, params.id, bytes);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/photos/:id',
    summary: '查看现场照片',
    tags,
    access: 'session',
    params: id,
    handler: async ({ deps, actor, params, reply }) => {
      const photo = await readPhoto(deps, actor, params.id);
      reply.header('cache-control', 'private, max-age=86400').header('x-content-type-options', 'nosniff');
      return reply.type(photo.contentType).send(photo.bytes);
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/photos/:id',
    summary: '删除草稿或退回报告中的照片',
    tags,
    access: 'session',
    params: id,
    handler: async ({ deps, actor, params }) => {
      await removePhoto(deps, actor, params.id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/approvals',
    summary: '待我审核的进度报告',
    tags,
    access: 'session',
    handler: ({ deps, actor }) => approvalQueue(deps, actor),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/progress/todo',
    summary: '填报待办：本人所在单位承担的项目中，待填报、已逾期、草稿未提交和被退回的月度进度报告',
    tags,
    access: 'session',
    handler: ({ deps, actor }) => reportingTodoList(deps, actor),
  }),
  // ── residents (no login): what a bulletin publishes ──
  defineRoute({
    method: 'GET',
    url: '/api/public/plan-years',
    summary: '可公开查看项目进展的地区和年度（有项目的年度计划，新的在前，至多 200 个；q 按地区名称查找）',
    tags: publicTags,
    access: 'public',
    rateLimit: publicReadLimit,
    query: regionNameQuery,
    handler: ({ deps, query }) => publicPlanYears(deps, query.q),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/public/plan-years/:region/:year/projects',
    summary: '年度民生实事项目进展（公开）：各项目今日的状态、完成率和亮灯，以及总体情况',
    tags: publicTags,
    access: 'public',
    rateLimit: publicReadLimit,
    params: planParams,
    handler: ({ deps, params }) => publicPlanProgress(deps, params.region, params.year),
  }),
];
