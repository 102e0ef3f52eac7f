import { z } from 'zod';
import { DomainError } from '../../kernel/errors';
import { type AnyRoute, defineRoute } from '../../server/route';
import { idParams, isoDate, planParams } from '../../server/route-inputs';
import { CHANNELS } from './suggestion-sheet.rules';
import { fieldChoice, optionalText, staffEntryBody } from './suggestions.inputs';
import { publicSuggestionRoutes } from './suggestions.public-routes';
import { ANSWER_REASON_MAX, cleanText, GROUP_STATUSES, PUBLIC_STATUSES, VERDICTS } from './triage.rules';
import { answerGroup } from './use-cases/answers';
import { importSuggestionSheet } from './use-cases/intake';
import { setSolicitationWindow, solicitationWindow } from './use-cases/solicitation';
import { addSuggestion } from './use-cases/submission';
import { linkCandidate, planFunnel, unlinkCandidate } from './use-cases/traceability';
import { autoGroup, editGroup, mergeGroups, routeGroup, splitSuggestion } from './use-cases/triage';
import { listGroups, listSuggestions, readSuggestionPhoto } from './use-cases/views';

const tags = ['群众建议'];

export function suggestionRoutes(env: NodeJS.ProcessEnv = process.env): AnyRoute[] {
  return [
    ...publicSuggestionRoutes(env),

    // staff, signed in
    defineRoute({
      method: 'GET',
      url: '/api/plan-years/:region/:year/solicitation',
      summary: '公开征集期',
      tags,
      access: 'session',
      params: planParams,
      handler: ({ deps, actor, params }) => solicitationWindow(deps, actor, params.region, params.year),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/plan-years/:region/:year/solicitation',
      summary: '设置公开征集期（不少于 30 天，首尾两天都算）和征集公告',
      tags,
      access: 'session',
      params: planParams,
      body: z.object({
        opensOn: isoDate,
        closesOn: isoDate,
        notice: optionalText(500, '征集公告不能超过 500 字'),
      }),
      handler: ({ deps, actor, params, body }) =>
        setSolicitationWindow(deps, actor, params.region, params.year, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/plan-years/:region/:year/suggestions',
      summary:
        '建议列表（可按内容、查询码、编号搜索，按渠道、状态、组筛选）；不负责受理的人员看到的电话已遮蔽',
      tags,
      access: 'session',
      params: planParams,
      query: z.object({
        q: z.string().max(100).optional(),
        channel: z.enum(CHANNELS, '渠道不正确').optional(),
        status: z.enum(PUBLIC_STATUSES, '状态不正确').optional(),
        group: z.uuid('编号不正确').optional(),
        limit: z.coerce.number().int().min(1).max(500).optional(),
        offset: z.coerce.number().int().min(0).optional(),
      }),
      handler: ({ deps, actor, params, query }) =>
        listSuggestions(deps, actor, params.region, params.year, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/plan-years/:region/:year/suggestions',
      summary: '录入其他渠道的建议（12345 热线、来信、微信、代表码等）',
      tags,
      access: 'session',
      params: planParams,
      body: staffEntryBody,
      handler: async ({ deps, actor, params, body, reply }) => {
        reply.status(201);
        return addSuggestion(deps, actor, params.region, params.year, body);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/plan-years/:region/:year/suggestions/import',
      summary:
        '批量导入建议（multipart 字段 file：.xlsx、.csv、.tsv，列 编号、内容、渠道、提交时间）；有误则不导入并逐行列出问题',
      tags,
      access: 'session',
      params: planParams,
      bodyLimit: 20 * 1024 * 1024,
      handler: async ({ deps, actor, params, request }) => {
        const file = request.isMultipart()
          ? await request.file({ limits: { fileSize: 20 * 1024 * 1024 } })
          : undefined;
        if (!file)
          throw new DomainError('SUGGESTION_TABLE_INVALID', { field: 'file', message: '请选择建议表文件' });
        const bytes = await file.toBuffer();
        if (file.file.truncated) throw new DomainError('PAYLOAD_TOO_LARGE', { field: 'file' });
        return importSuggestionSheet(deps, actor, {
          regionCode: params.region,
          year: params.year,
          fileName: file.filename,
          bytes,
        });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/suggestion-photos/:id',
      summary: '查看群众建议所附照片',
      tags,
      access: 'session',
      params: idParams,
      handler: async ({ deps, actor, params, reply }) => {
        const photo = await readSuggestionPhoto(deps, actor, params.id);
        reply.header('cache-control', 'private, max-age=86400').header('x-content-type-options', 'nosniff');
        return reply.type(photo.contentType).send(photo.bytes);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/plan-years/:region/:year/suggestion-groups/auto',
      summary: '自动分组：相近的建议归为一组，并给出领域和承办单位建议（已人工处理的组保持不变）',
      tags,
      access: 'session',
      params: planParams,
      handler: ({ deps, actor, params }) => autoGroup(deps, actor, params.region, params.year),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/plan-years/:region/:year/suggestion-groups',
      summary: '建议组（分类梳理看板）：成员、承办单位、答复、关联的候选项目；unit=mine 只看本单位承办的',
      tags,
      access: 'session',
      params: planParams,
      query: z.object({
        unit: z.union([z.literal('mine'), z.uuid('单位不正确')]).optional(),
        status: z.enum(GROUP_STATUSES, '状态不正确').optional(),
      }),
      handler: ({ deps, actor, params, query }) => listGroups(deps, actor, params.region, params.year, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/suggestion-groups/:id/route',
      summary: '确认或改派：设定建议组的领域和承办单位',
      tags,
      access: 'session',
      params: idParams,
      body: z.object({
        unitId: z.uuid('请选择承办单位'),
        field: fieldChoice.optional(),
        label: optionalText(60, '组名不能超过 60 字').optional(),
      }),
      handler: ({ deps, actor, params, body }) => routeGroup(deps, actor, params.id, body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/suggestion-groups/:id',
      summary: '修改建议组的名称或领域',
      tags,
      access: 'session',
      params: idParams,
      body: z.object({
        label: optionalText(60, '组名不能超过 60 字').optional(),
        field: fieldChoice.optional(),
      }),
      handler: ({ deps, actor, params, body }) => editGroup(deps, actor, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/suggestion-groups/:id/merge',
      summary: '合并：把另一组（from）的建议并入本组',
      tags,
      access: 'session',
      params: idParams,
      body: z.object({ from: z.uuid('请选择要并入的建议组') }),
      handler: ({ deps, actor, params, body }) => mergeGroups(deps, actor, params.id, body.from),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/suggestions/:id/split',
      summary: '拆分：把这条建议移出所在组，单独成组',
      tags,
      access: 'session',
      params: idParams,
      handler: ({ deps, actor, params }) => splitSuggestion(deps, actor, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/suggestion-groups/:id/answers',
      summary: '承办单位答复（采纳、部分采纳、不予采纳、已在办理，并说明理由）；组内每条建议凭查询码可见',
      tags,
      access: 'session',
      params: idParams,
      body: z.object({
        verdict: z.enum(VERDICTS, '请选择答复意见'),
        reason: z
          .string('请填写理由')
          .transform(cleanText)
          .pipe(
            z
              .string()
              .trim()
              .min(1, '请填写理由')
              .max(ANSWER_REASON_MAX, `理由不能超过 ${ANSWER_REASON_MAX} 字`),
          ),
      }),
      handler: async ({ deps, actor, params, body, reply }) => {
        reply.status(201);
        return answerGroup(deps, actor, params.id, body);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/suggestion-groups/:id/candidates/:candidateId',
      summary: '关联候选项目：该候选项目回应了本组建议',
      tags,
      access: 'session',
      params: z.object({ id: z.uuid('编号不正确'), candidateId: z.uuid('编号不正确') }),
      handler: ({ deps, actor, params }) => linkCandidate(deps, actor, params.candidateId, params.id),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/suggestion-groups/:id/candidates/:candidateId',
      summary: '取消关联候选项目',
      tags,
      access: 'session',
      params: z.object({ id: z.uuid('编号不正确'), candidateId: z.uuid('编号不正确') }),
      handler: ({ deps, actor, params }) => unlinkCandidate(deps, actor, params.candidateId, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/plan-years/:region/:year/suggestion-funnel',
      summary: '溯源漏斗：建议 → 建议组 → 候选项目 → 当选项目',
      tags,
      access: 'session',
      params: planParams,
      handler: ({ deps, actor, params }) => planFunnel(deps, actor, params.region, params.year),
    }),
  ];
}
