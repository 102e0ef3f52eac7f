import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../kernel/errors';
import { defineRoute } from '../../server/route';
import { idParams, planParams } from '../../server/route-inputs';
import { limitBallotRequest } from './ballot-rate-limit';
import { rehearseBallots } from './ballot-rehearsal';
import { MAX_ROLL } from './roll.rules';
import { bigScreen, checkIn, issueSlips } from './use-cases/attendance';
import { castBallot, lookUpReceipt, readBallot, verifySessionBallots } from './use-cases/ballots';
import { enterPaperBallots, enterPaperSheet, paperStatus } from './use-cases/paper';
import {
  closeSession,
  electedCandidates,
  exportResult,
  publicResults,
  publicSessions,
  publishSession,
  RESULT_FORMATS,
} from './use-cases/results';
import { getRoll, importRollFile, setRoll } from './use-cases/roll';
import {
  createSession,
  getSession,
  listSessions,
  openFollowUp,
  openSession,
  updateDraftSession,
} from './use-cases/sessions';
import { BALLOT_FORMS, OVERFULL_RULES } from './voting-session.rules';

const fraction = z.object({
  numerator: z.number().int().min(1, '分子应为正整数'),
  denominator: z.number().int().min(1, '分母应为正整数'),
  /** true: 达到即可（以上）；false: 须超过（过半数）. */
  inclusive: z.boolean().default(false),
});
const rule = z.object({
  method: z.enum(['approval', 'ranking']).default('approval'),
  maxYes: z.number().int().min(1, '每票最多赞成数应为正整数').nullable().optional(),
  /** A ballot with more 赞成 than maxYes: void (counted as void, the default) or refuse (handed back). */
  overfull: z.enum(OVERFULL_RULES, '超额选票的处理应为 void（计为无效票）或 refuse（不予接收）').optional(),
  maxRanked: z.number().int().min(1, '每票最多排序数应为正整数').nullable().optional(),
  quorum: fraction.optional(),
  threshold: fraction.optional(),
  thresholdBase: z.enum(['roll', 'present', 'returned', 'valid']).optional(),
});
const sessionFields = {
  congress: z
    .string()
    .trim()
    .min(1, '请填写人民代表大会届次，如“沁水县第十七届人民代表大会”')
    .max(60, '不能超过 60 字'),
  sitting: z.string().trim().min(1, '请填写会议次序，如“第四次会议”').max(30, '不能超过 30 字'),
  title: z.string().trim().max(80, '不能超过 80 字').nullish(),
  candidateIds: z.array(z.uuid('候选项目编号不正确')).min(1, '请选择候选项目').max(200).optional(),
  seats: z.number().int('应选名额应为正整数').min(1, '应选名额应为正整数').max(200),
  rule: rule.optional(),
};
const sessionBody = z.object(sessionFields);
const sessionPatch = z.object(sessionFields).partial();
const marks = z.record(z.string().max(64), z.string().max(10));
const ranks = z.record(z.string().max(64), z.number());
const tokenText = z.string().trim().min(1, '请提供选票凭证').max(100, '选票凭证不正确');
const tags = ['票决'];
const publicTags = ['票决（公开）'];

async function uploadedFile(request: FastifyRequest, code: 'VOTING_ROLL_INVALID' | 'PAPER_SHEET_INVALID') {
  const file = request.isMultipart()
    ? await request.file({ limits: { fileSize: 10 * 1024 * 1024 } })
    : undefined;
  if (!file)
    throw new DomainError(code, { field: 'file', message: '请以 multipart/form-data 上传文件（字段 file）' });
  const bytes = await file.toBuffer();
  if (file.file.truncated) throw new DomainError('PAYLOAD_TOO_LARGE');
  return { fileName: file.filename, bytes };
}

export const votingRoutes = [
  // ── the coordinator and the desk staff (signed in) ──
  defineRoute({
    method: 'GET',
    url: '/api/plan-years/:region/:year/voting-sessions',
    summary: '年度计划的票决会议列表',
    tags,
    access: 'session',
    params: planParams,
    handler: ({ deps, actor, params }) => listSessions(deps, actor, params.region, params.year),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/plan-years/:region/:year/voting-sessions',
    summary: '新建票决会议（筹备中）：届次、会议、候选项目（默认全部，按序号）、应选名额、表决规则',
    tags,
    access: 'session',
    params: planParams,
    body: sessionBody,
    handler: async ({ deps, actor, params, body, reply }) => {
      reply.status(201);
      return createSession(deps, actor, params.region, params.year, body);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/plan-years/:region/:year/elected',
    summary: '当选项目：各次票决（含并列项目再次表决）当选的候选项目，及待再次表决的名额',
    tags,
    access: 'session',
    params: planParams,
    handler: ({ deps, actor, params }) => electedCandidates(deps, actor, params.region, params.year),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/voting-sessions/:id',
    summary: '票决会议详情：设置、候选项目、签到和收票数；计票后含结果',
    tags,
    access: 'session',
    params: idParams,
    handler: ({ deps, actor, params }) => getSession(deps, actor, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/voting-sessions/:id',
    summary: '修改筹备中的票决会议',
    tags,
    access: 'session',
    params: idParams,
    body: sessionPatch,
    handler: ({ deps, actor, params, body }) => updateDraftSession(deps, actor, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/voting-sessions/:id/roll',
    summary: '代表名单及签到情况（只记录谁已签到、领取哪种选票，不记录哪一张）',
    tags,
    access: 'session',
    params: idParams,
    handler: ({ deps, actor, params }) => getRoll(deps, actor, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/voting-sessions/:id/roll',
    summary: '录入代表名单（整体替换；筹备中）',
    tags,
    access: 'session',
    params: idParams,
    bodyLimit: 8 * 1024 * 1024,
    body: z.object({
      deputies: z
        .array(z.object({ name: z.string().max(60), delegation: z.string().max(60) }))
        .min(1, '代表名单不能为空')
        .max(MAX_ROLL),
    }),
    handler: ({ deps, actor, params, body }) => setRoll(deps, actor, params.id, body.deputies),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/voting-sessions/:id/roll/import',
    summary:
      '导入代表名单（multipart 字段 file：.xlsx、.csv、.tsv，表头含“姓名”“代表团”；整体替换，有误则不导入）',
    tags,
    access: 'session',
    params: idParams,
    bodyLimit: 10 * 1024 * 1024,
    handler: async ({ deps, actor, params, request }) =>
      importRollFile(deps, actor, params.id, await uploadedFile(request, 'VOTING_ROLL_INVALID')),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/voting-sessions/:id/open',
    summary: '开始签到和投票（候选项目随之固定）',
    tags,
    access: 'session',
    params: idParams,
    handler: async ({ deps, actor, params, request }) => {
      const session = await openSession(deps, actor, params.id);
      void rehearseBallots(request.server, session);
      return session;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/voting-sessions/:id/check-ins',
    summary:
      '代表签到并领取选票：electronic 返回一次性选票凭证（页面显示为二维码），slip 领取预印票条，paper 领取纸质票',
    tags,
    access: 'session',
    params: idParams,
    body: z.object({ deputyId: z.uuid('代表编号不正确'), form: z.enum(BALLOT_FORMS).default('electronic') }),
    handler: async ({ deps, actor, params, body, reply }) => {
      reply.status(201).header('cache-control', 'no-store');
      return checkIn(deps, actor, params.id, body);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/voting-sessions/:id/slips',
    summary: '打印二维码票条：生成 count 张一次性选票凭证（合计不超过代表人数）',
    tags,
    access: 'session',
    params: idParams,
    body: z.object({ count: z.number().int().min(1, '至少 1 张').max(5000, '一次最多 5000 张') }),
    handler: async ({ deps, actor, params, body, reply }) => {
      reply.status(201).header('cache-control', 'no-store');
      return issueSlips(deps, actor, params.id, body.count);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/voting-sessions/:id/paper-entries',
    summary: '纸质选票录入情况：已计入数、待第二人录入、两次录入不一致（逐项对照）',
    tags,
    access: 'session',
    params: idParams,
    handler: ({ deps, actor, params }) => paperStatus(deps, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/voting-sessions/:id/paper-entries',
    summary: '录入纸质选票（每张由两名工作人员分别录入，一致即计入；有误则整批不录入）',
    tags,
    access: 'session',
    params: idParams,
    bodyLimit: 8 * 1024 * 1024,
    body: z.object({
      entries: z
        .array(
          z.object({
            paperNo: z.string().trim().min(1, '请填写票号').max(30, '票号不能超过 30 字'),
            marks: marks.optional(),
            ranks: ranks.optional(),
          }),
        )
        .min(1, '请至少录入一张选票')
        .max(5000),
    }),
    handler: ({ deps, actor, params, body }) => enterPaperBallots(deps, actor, params.id, body.entries),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/voting-sessions/:id/paper-entries/import',
    summary:
      '以表格录入纸质选票（multipart 字段 file；第一列票号，每个候选项目一列，填 赞成/反对/弃权 或 ○/×/空白，排序票填名次）',
    tags,
    access: 'session',
    params: idParams,
    bodyLimit: 10 * 1024 * 1024,
    handler: async ({ deps, actor, params, request }) =>
      enterPaperSheet(deps, actor, params.id, await uploadedFile(request, 'PAPER_SHEET_INVALID')),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/voting-sessions/:id/close',
    summary: '结束投票并计票：核对收回票数不多于发出票数、出席人数达到法定人数，计票并标记当选项目',
    tags,
    access: 'session',
    params: idParams,
    handler: ({ deps, actor, params }) => closeSession(deps, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/voting-sessions/:id/publish',
    summary: '公布票决结果和全部选票（公开查验）',
    tags,
    access: 'session',
    params: idParams,
    handler: ({ deps, actor, params }) => publishSession(deps, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/voting-sessions/:id/follow-up',
    summary: '对得票相同的项目另行表决：新建筹备中的会议（同一代表名单，并列项目，剩余名额）',
    tags,
    access: 'session',
    params: idParams,
    handler: async ({ deps, actor, params, reply }) => {
      reply.status(201);
      return openFollowUp(deps, actor, params.id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/voting-sessions/:id/result',
    summary: '票决结果：json，xlsx（结果及全部选票），docx（决议草案）',
    tags,
    access: 'session',
    params: idParams,
    query: z.object({ format: z.enum(RESULT_FORMATS).default('json') }),
    handler: async ({ deps, actor, params, query, reply }) => {
      const out = await exportResult(deps, actor, params.id, query.format);
      reply.type(out.contentType);
      if (out.fileName) {
        reply.header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(out.fileName)}`,
        );
      }
      return reply.send(out.body);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/voting-sessions/:id/verify',
    summary: '校验选票哈希链（编号连续、逐张链接、内容未改动；计票后与计票时的链头比对）',
    tags,
    access: 'session',
    params: idParams,
    handler: ({ deps, actor, params }) => verifySessionBallots(deps, actor, params.id),
  }),

  // ── deputies and the public (no login; tokens and receipt codes are the credentials) ──
  defineRoute({
    method: 'GET',
    url: '/api/ballot',
    summary: '凭选票凭证查看选票（请求头 x-ballot-token；凭证勿放在网址中）：候选项目、应选名额、规则',
    tags: publicTags,
    access: 'public',
    handler: async ({ deps, request, reply }) => {
      const header = request.headers['x-ballot-token'];
      const parsed = tokenText.safeParse(Array.isArray(header) ? header[0] : header);
      if (!parsed.success)
        throw new DomainError('BALLOT_TOKEN_INVALID', {
          field: 'token',
          message: '请提供选票凭证（请求头 x-ballot-token）',
        });
      limitBallotRequest(request, deps, parsed.data);
      reply.header('cache-control', 'no-store');
      return readBallot(deps, parsed.data);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/ballot',
    summary:
      '投票：凭选票凭证提交选择（marks：候选项目编号 → yes/no/abstain；排序票 ranks：编号 → 名次），返回回执码（仅显示一次）；同一凭证重复提交相同选择返回原回执码',
    tags: publicTags,
    access: 'public',
    csrf: false,
    bodyLimit: 64 * 1024,
    body: z.object({ token: tokenText, marks: marks.optional(), ranks: ranks.optional() }),
    handler: async ({ deps, request, body, reply }) => {
      limitBallotRequest(request, deps, body.token);
      reply.header('cache-control', 'no-store');
      return castBallot(deps, body.token, { marks: body.marks, ranks: body.ranks });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/public/receipts',
    summary: '回执查验：凭回执码查看选票是否已计入（公布后显示选票内容）',
    tags: publicTags,
    access: 'public',
    csrf: false,
    body: z.object({ receipt: z.string().trim().min(1, '请填写回执码').max(60, '回执码不正确') }),
    handler: async ({ deps, request, body, reply }) => {
      limitBallotRequest(request, deps, null);
      reply.header('cache-control', 'no-store');
      return lookUpReceipt(deps, body.receipt);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/public/voting-sessions/:id/screen',
    summary: '会场大屏：应到、实到、发出和收回票数；计票后显示结果',
    tags: publicTags,
    access: 'public',
    params: idParams,
    handler: async ({ deps, request, params, reply }) => {
      limitBallotRequest(request, deps, null);
      reply.header('cache-control', 'no-store');
      return bigScreen(deps, params.id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/public/voting-sessions/:id/results',
    summary: '公布的票决结果和全部选票（回执码哈希与选择，随机顺序），供任何人复核',
    tags: publicTags,
    access: 'public',
    params: idParams,
    handler: async ({ deps, request, params }) => {
      limitBallotRequest(request, deps, null);
      return publicResults(deps, params.id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/public/plan-years/:region/:year/voting-sessions',
    summary: '已公布的票决会议及当选项目',
    tags: publicTags,
    access: 'public',
    params: planParams,
    handler: async ({ deps, request, params }) => {
      limitBallotRequest(request, deps, null);
      return publicSessions(deps, params.region, params.year);
    },
  }),
];
