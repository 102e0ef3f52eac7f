import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../kernel/errors';
import { defineRoute } from '../../server/route';
import { idParams, isoDate, planParams } from '../../server/route-inputs';
import { limitBallotRequest, MAX_ROLL } from '../voting';
import { rehearseEvaluationBallots } from './ballot-rehearsal';
import { EVALUATION_MARKS } from './evaluation.rules';
import { posterPdf, posterSvg } from './poster';
import { MAX_COMMENT } from './survey.rules';
import { surveyRateLimiter } from './survey-rate-limit';
import {
  castEvaluationBallot,
  closeEvaluation,
  lookUpEvaluationReceipt,
  publicEvaluationResult,
  readEvaluationBallot,
  verifyEvaluationBallots,
} from './use-cases/ballots';
import { publicEvaluations } from './use-cases/public-list';
import { evaluationResults, surveyComments } from './use-cases/results';
import {
  checkIn,
  createSession,
  getRoll,
  getSession,
  importRollFile,
  listSessions,
  openSession,
  setRoll,
} from './use-cases/sessions';
import { answerSurvey, issueSurveyCodes, publicProject } from './use-cases/survey';
import { clearSurveyWindow, setSurveyWindow, surveyWindow } from './use-cases/survey-window';

const share = z.object({
  numerator: z.number().int().min(0),
  denominator: z.number().int().min(1, '分母应为正整数'),
  inclusive: z.boolean().default(false),
});
const rule = z
  .object({ base: z.enum(['roll', 'ballots', 'marked']), satisfied: share, satisfiedOrBasic: share })
  .refine(
    (r) =>
      r.satisfied.numerator <= r.satisfied.denominator &&
      r.satisfiedOrBasic.numerator <= r.satisfiedOrBasic.denominator,
    {
      message: '比例应在 0 到 1 之间',
    },
  );
const tokenText = z.string().trim().min(1, '请提供测评凭证').max(100, '测评凭证不正确');
const mark = z.enum(EVALUATION_MARKS, '评价应为满意、基本满意或不满意');
const tags = ['满意度测评'];
const publicTags = ['满意度测评（公开）'];

/** The address the poster's QR code opens: MINSHENG_PUBLIC_URL when set, else this server as asked. */
function projectPageUrl(request: FastifyRequest, id: string): string {
  const base =
    process.env.MINSHENG_PUBLIC_URL?.replace(/\/+$/, '') ?? `${request.protocol}://${request.host}`;
  return `${base}/p/${id}`;
}

export const evaluationRoutes = [
  // ── staff (signed in) ──
  defineRoute({
    method: 'GET',
    url: '/api/plan-years/:region/:year/evaluation-sessions',
    summary: '年度计划的满意度测评会议列表',
    tags,
    access: 'session',
    params: planParams,
    handler: ({ deps, actor, params }) => listSessions(deps, actor, params.region, params.year),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/plan-years/:region/:year/evaluation-sessions',
    summary: '新建满意度测评会议（筹备中）：测评该年度计划的项目（默认全部），评定规则（默认镇海规则）',
    tags,
    access: 'session',
    params: planParams,
    body: z.object({
      title: z.string().trim().max(80, '不能超过 80 字').nullish(),
      projectIds: z.array(z.uuid('项目编号不正确')).min(1, '请选择测评项目').max(200).optional(),
      rule: rule.optional(),
    }),
    handler: async ({ deps, actor, params, body, reply }) => {
      reply.status(201);
      return createSession(deps, actor, params.region, params.year, body);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/evaluation-sessions/:id',
    summary: '测评会议详情：测评项目、应到、签到和收票数；计票后含结果',
    tags,
    access: 'session',
    params: idParams,
    handler: ({ deps, actor, params }) => getSession(deps, actor, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/evaluation-sessions/:id/roll',
    summary: '代表名单及签到情况（只记录谁已签到，不记录领取了哪一个凭证）',
    tags,
    access: 'session',
    params: idParams,
    handler: ({ deps, actor, params }) => getRoll(deps, actor, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/evaluation-sessions/:id/roll',
    summary: '录入代表名单（整体替换；筹备中）',
    tags,
    access: 'session',
    params: idParams,
    bodyLimit: 8 * 1024 * 1024,
    body: z.object({
      deputies: z
        .array(
          z.object({
            name: z.string().max(60, '姓名不能超过 60 字'),
            delegation: z.string().max(60, '代表团不能超过 60 字'),
          }),
        )
        .min(1, '代表名单不能为空')
        .max(MAX_ROLL),
    }),
    handler: ({ deps, actor, params, body }) => setRoll(deps, actor, params.id, body.deputies),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/evaluation-sessions/:id/roll/import',
    summary: '导入代表名单（multipart 字段 file：.xlsx、.csv，表头含“姓名”“代表团”；整体替换，有误则不导入）',
    tags,
    access: 'session',
    params: idParams,
    bodyLimit: 10 * 1024 * 1024,
    handler: async ({ deps, actor, params, request }) => {
      const file = request.isMultipart()
        ? await request.file({ limits: { fileSize: 10 * 1024 * 1024 } })
        : undefined;
      if (!file) {
        throw new DomainError('EVALUATION_ROLL_INVALID', {
          field: 'file',
          message: '请以 multipart/form-data 上传文件（字段 file）',
        });
      }
      const bytes = await file.toBuffer();
      if (file.file.truncated) throw new DomainError('PAYLOAD_TOO_LARGE');
      return importRollFile(deps, actor, params.id, { fileName: file.filename, bytes });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/evaluation-sessions/:id/open',
    summary: '开始签到和测评（测评项目随之固定）',
    tags,
    access: 'session',
    params: idParams,
    handler: async ({ deps, actor, params, request }) => {
      const session = await openSession(deps, actor, params.id);
      void rehearseEvaluationBallots(request.server, session.projects);
      return session;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/evaluation-sessions/:id/check-ins',
    summary: '代表签到，返回一次性测评凭证（仅此一次，页面显示为二维码；服务器不保存凭证与代表的对应关系）',
    tags,
    access: 'session',
    params: idParams,
    body: z.object({ deputyId: z.uuid('代表编号不正确') }),
    handler: async ({ deps, actor, params, body, reply }) => {
      reply.status(201).header('cache-control', 'no-store');
      return checkIn(deps, actor, params.id, body.deputyId);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/evaluation-sessions/:id/close',
    summary: '结束测评并计票：校验测评票哈希链，按规则评定每个项目',
    tags,
    access: 'session',
    params: idParams,
    handler: ({ deps, actor, params }) => closeEvaluation(deps, actor, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/evaluation-sessions/:id/verify',
    summary: '校验测评票哈希链',
    tags,
    access: 'session',
    params: idParams,
    handler: ({ deps, actor, params }) => verifyEvaluationBallots(deps, actor, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/evaluation/results',
    summary: '测评结果：按地区和项目列出代表测评结论与群众满意度调查统计',
    tags,
    access: 'session',
    query: planParams,
    handler: ({ deps, actor, query }) => evaluationResults(deps, actor, query.region, query.year),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/projects/:id/survey-comments',
    summary: '群众对项目的意见（最新 200 条；手机号仅对本级民生办显示为脱敏号码）',
    tags,
    access: 'session',
    params: idParams,
    handler: ({ deps, actor, params }) => surveyComments(deps, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/plan-years/:region/:year/survey-codes',
    summary: '生成一次性测评码（供不便留手机号的群众使用；只显示这一次）',
    tags,
    access: 'session',
    params: planParams,
    body: z.object({
      count: z.number().int('数量应为整数').min(1, '至少 1 个').max(2000, '一次最多 2000 个'),
    }),
    handler: async ({ deps, actor, params, body, reply }) => {
      reply.status(201).header('cache-control', 'no-store');
      return issueSurveyCodes(deps, actor, params.region, params.year, body.count);
    },
  }),

  defineRoute({
    method: 'GET',
    url: '/api/plan-years/:region/:year/survey-window',
    summary: '群众满意度评价期（未设置时随时可评）',
    tags,
    access: 'session',
    params: planParams,
    handler: ({ deps, actor, params }) => surveyWindow(deps, actor, params.region, params.year),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/plan-years/:region/:year/survey-window',
    summary: '设置群众满意度评价期（不少于 7 天，首尾两天都算）；评价期外群众的评价被礼貌拒绝',
    tags,
    access: 'session',
    params: planParams,
    body: z.object({ opensOn: isoDate, closesOn: isoDate }),
    handler: ({ deps, actor, params, body }) =>
      setSurveyWindow(deps, actor, params.region, params.year, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/plan-years/:region/:year/survey-window',
    summary: '取消群众满意度评价期（改为随时可评）',
    tags,
    access: 'session',
    params: planParams,
    handler: ({ deps, actor, params }) => clearSurveyWindow(deps, actor, params.region, params.year),
  }),

  // ── deputies and the public (no login) ──
  defineRoute({
    method: 'GET',
    url: '/api/evaluation-ballot',
    summary: '凭测评凭证查看测评票（请求头 x-ballot-token）：测评项目和规则',
    tags: publicTags,
    access: 'public',
    handler: async ({ deps, request, reply }) => {
      const header = request.headers['x-ballot-token'];
      const parsed = tokenText.safeParse(Array.isArray(header) ? header[0] : header);
      if (!parsed.success) {
        throw new DomainError('EVALUATION_TOKEN_INVALID', {
          field: 'token',
          message: '请提供测评凭证（请求头 x-ballot-token）',
        });
      }
      limitBallotRequest(request, deps, parsed.data);
      reply.header('cache-control', 'no-store');
      return readEvaluationBallot(deps, parsed.data);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/evaluation-ballot',
    summary:
      '提交测评票：ratings 为项目编号 → 满意/基本满意/不满意（每个项目都须评价）；返回回执码；重复提交相同内容返回原回执码',
    tags: publicTags,
    access: 'public',
    csrf: false,
    bodyLimit: 64 * 1024,
    body: z.object({ token: tokenText, ratings: z.record(z.string().max(64), z.string().max(10)) }),
    handler: async ({ deps, request, body, reply }) => {
      limitBallotRequest(request, deps, body.token);
      reply.header('cache-control', 'no-store');
      return castEvaluationBallot(deps, body.token, body.ratings);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/public/evaluation-receipts',
    summary: '测评回执查验：凭回执码查看测评票是否已记录、已计入',
    tags: publicTags,
    access: 'public',
    csrf: false,
    body: z.object({ receipt: z.string().trim().min(1, '请填写回执码').max(60, '回执码不正确') }),
    handler: async ({ deps, request, body, reply }) => {
      limitBallotRequest(request, deps, null);
      reply.header('cache-control', 'no-store');
      return lookUpEvaluationReceipt(deps, body.receipt);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/public/evaluations',
    summary: '公开的满意度测评：已公布结果的代表测评（最新的在前）和正在进行的群众评价及其项目',
    tags: publicTags,
    access: 'public',
    handler: ({ deps, request }) => {
      limitBallotRequest(request, deps, null);
      return publicEvaluations(deps);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/public/evaluation-sessions/:id/results',
    summary: '公布的测评结果：每个项目的满意、基本满意、不满意票数和测评结论',
    tags: publicTags,
    access: 'public',
    params: idParams,
    handler: async ({ deps, request, params }) => {
      limitBallotRequest(request, deps, null);
      return publicEvaluationResult(deps, params.id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/public/projects/:id',
    summary: '项目公开信息（码上查）：名称、责任单位、审核通过的最新进度、群众满意度统计',
    tags: publicTags,
    access: 'public',
    params: idParams,
    handler: async ({ deps, request, params }) => {
      limitBallotRequest(request, deps, null);
      return publicProject(deps, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/public/projects/:id/survey',
    summary: '群众满意度评价（码上评）：满意/基本满意/不满意和意见；每个手机号或测评码对每个项目评价一次',
    tags: publicTags,
    access: 'public',
    csrf: false,
    bodyLimit: 16 * 1024,
    params: idParams,
    body: z.object({
      rating: mark,
      comment: z
        .string()
        .max(MAX_COMMENT * 2, `意见建议不能超过 ${MAX_COMMENT} 字`)
        .nullish(),
      phone: z.string().max(30, '手机号码不正确').nullish(),
      code: z.string().max(30, '测评码不正确').nullish(),
    }),
    handler: async ({ deps, request, params, body, reply }) => {
      const respondent =
        body.phone?.replace(/\D/g, '') || body.code?.toUpperCase().replace(/[\s-]/g, '') || null;
      surveyRateLimiter(deps).check(request.ip, respondent);
      reply.status(201);
      return answerSurvey(deps, params.id, body);
    },
  }),
  ...(['svg', 'pdf'] as const).map((format) =>
    defineRoute({
      method: 'GET',
      url: `/api/projects/:id/poster.${format}`,
      summary: `项目现场二维码海报（${format.toUpperCase()}，A4）：项目名称、二维码、码上查·码上评·码上提`,
      tags: publicTags,
      access: 'public',
      params: idParams,
      handler: async ({ deps, request, params, reply }) => {
        limitBallotRequest(request, deps, null);
        const project = await publicProject(deps, params.id);
        const content = {
          heading: project.planTitle?.replace(/（.*?）/g, '') || `${project.year}年民生实事`,
          projectName: project.name,
          url: projectPageUrl(request, params.id),
        };
        const fileName = `${project.name.slice(0, 30)}-二维码海报.${format}`;
        reply
          .type(format === 'svg' ? 'image/svg+xml; charset=utf-8' : 'application/pdf')
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`);
        return reply.send(format === 'svg' ? posterSvg(content) : posterPdf(content));
      },
    }),
  ),
];
