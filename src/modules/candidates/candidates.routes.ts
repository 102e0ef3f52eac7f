import { DomainError } from '../../kernel/errors';
import { defineRoute } from '../../server/route';
import { idParamsOf, planParams } from '../../server/route-inputs';
import {
  candidateDraftSchema,
  candidatePatchSchema,
  criteriaSchema,
  exportQuerySchema,
  reviewSchema,
  scoresSchema,
  shortlistSchema,
} from './candidates.schemas';
import { candidateListView, exportCandidateList, importCandidateTable } from './use-cases/candidate-list';
import {
  createCandidate,
  editCandidate,
  getCandidate,
  removeCandidate,
  suggestionGroupOptions,
} from './use-cases/drafting';
import { listReviews, recordReview } from './use-cases/review';
import { getScreening, scoreCandidate, setCriteria, setShortlisted } from './use-cases/screening';

const idParams = idParamsOf('候选项目编号不正确');
const PLAN = '/api/plan-years/:region/:year/candidates';
const tags = ['候选项目'];

export const candidateRoutes = [
  defineRoute({
    method: 'GET',
    url: PLAN,
    summary: '候选项目清单（含清单状态、来源建议、当前用户能否修改）',
    tags,
    access: 'session',
    params: planParams,
    handler: ({ deps, actor, params }) => candidateListView(deps, actor, params.region, params.year),
  }),
  defineRoute({
    method: 'POST',
    url: `${PLAN}/import`,
    summary: '导入候选项目表（multipart 字段 file：.xlsx、.csv、.tsv），整体替换；有误则不导入并逐行列出问题',
    tags,
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
  defineRoute({
    method: 'POST',
    url: PLAN,
    summary: '部门谋划：起草候选项目（牵头单位的填报员，或本级民生办）',
    tags,
    access: 'session',
    params: planParams,
    body: candidateDraftSchema,
    handler: async ({ deps, actor, params, body, reply }) => {
      reply.status(201);
      return createCandidate(deps, actor, params.region, params.year, body);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/candidates/:id',
    summary: '候选项目详情',
    tags,
    access: 'session',
    params: idParams,
    handler: ({ deps, actor, params }) => getCandidate(deps, actor, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/candidates/:id',
    summary: '修改候选项目：部门在清单编制中可改本单位的，民生办票决前可改任一项',
    tags,
    access: 'session',
    params: idParams,
    body: candidatePatchSchema,
    handler: ({ deps, actor, params, body }) => editCandidate(deps, actor, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/candidates/:id',
    summary: '删除候选项目（清单编制中）',
    tags,
    access: 'session',
    params: idParams,
    handler: async ({ deps, actor, params }) => {
      await removeCandidate(deps, actor, params.id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: `${PLAN}/suggestion-groups`,
    summary: '可关联的群众建议组',
    tags,
    access: 'session',
    params: planParams,
    handler: ({ deps, actor, params }) => suggestionGroupOptions(deps, actor, params.region, params.year),
  }),
  defineRoute({
    method: 'GET',
    url: `${PLAN}/screening`,
    summary: '优化比选：评分标准与权重、各项目得分、加权总分排名、入围名单',
    tags,
    access: 'session',
    params: planParams,
    handler: ({ deps, actor, params }) => getScreening(deps, actor, params.region, params.year),
  }),
  defineRoute({
    method: 'PUT',
    url: `${PLAN}/screening/criteria`,
    summary: '设置评分标准和权重（权重为百分比整数，合计 100）',
    tags,
    access: 'session',
    params: planParams,
    body: criteriaSchema,
    handler: ({ deps, actor, params, body }) =>
      setCriteria(deps, actor, params.region, params.year, body.criteria),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/candidates/:id/scores',
    summary: '为候选项目打分（0–100，最多一位小数；null 清除）',
    tags,
    access: 'session',
    params: idParams,
    body: scoresSchema,
    handler: ({ deps, actor, params, body }) => scoreCandidate(deps, actor, params.id, body.scores),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/candidates/:id/shortlist',
    summary: '列入或移出入围名单',
    tags,
    access: 'session',
    params: idParams,
    body: shortlistSchema,
    handler: ({ deps, actor, params, body }) => setShortlisted(deps, actor, params.id, body.shortlisted),
  }),
  defineRoute({
    method: 'GET',
    url: `${PLAN}/reviews`,
    summary: '会议研究记录与清单状态',
    tags,
    access: 'session',
    params: planParams,
    handler: ({ deps, actor, params }) => listReviews(deps, actor, params.region, params.year),
  }),
  defineRoute({
    method: 'POST',
    url: `${PLAN}/reviews`,
    summary: '录入会议研究结果：先政府常务会，后党委常委会',
    tags,
    access: 'session',
    params: planParams,
    body: reviewSchema,
    handler: async ({ deps, actor, params, body, reply }) => {
      reply.status(201);
      return recordReview(deps, actor, params.region, params.year, body);
    },
  }),
  defineRoute({
    method: 'GET',
    url: `${PLAN}/export`,
    summary: '导出候选项目清单：xlsx（官方表格式）、docx（附件，可直接打印）',
    tags,
    access: 'session',
    params: planParams,
    query: exportQuerySchema,
    handler: async ({ deps, actor, params, query, reply }) => {
      const file = await exportCandidateList(
        deps,
        actor,
        params.region,
        params.year,
        query.format,
        query.scope,
      );
      reply.type(file.contentType);
      reply.header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      );
      return reply.send(file.body);
    },
  }),
];
