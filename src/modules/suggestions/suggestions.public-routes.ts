import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../kernel/errors';
import { validationError } from '../../server/http-errors';
import { type AnyRoute, defineRoute, refuseNul } from '../../server/route';
import { planParams } from '../../server/route-inputs';
import { PHOTO_MAX_BYTES } from '../progress/photo.rules';
import { regionNameQuery } from '../regions';
import { submitBody } from './suggestions.inputs';
import { publicSolicitations } from './use-cases/solicitation';
import { type CheckedPhoto, checkPhoto, submitSuggestion, trackSuggestion } from './use-cases/submission';
import { publicAnswers, publicAnswerYears } from './use-cases/views';

/**
 * Submissions per client address: generous enough for a village's shared connection, tight enough
 * to stop a script. MINSHENG_SUGGESTION_RATE_LIMIT (per 10 minutes) lets a load test raise it; the
 * phone's own daily limit is counted by submitSuggestion (in memory beside the intake journal).
 */
export function suggestionSubmitLimit(env: NodeJS.ProcessEnv = process.env) {
  const value = Number(env.MINSHENG_SUGGESTION_RATE_LIMIT);
  return { max: Number.isFinite(value) && value > 0 ? value : 30, timeWindow: '10 minutes' };
}
const lookupLimit = { max: 120, timeWindow: '1 minute' };

/** The public form: multipart (fields and an optional `photo`) or JSON without a photo. */
async function readSubmission(request: FastifyRequest) {
  let raw: unknown = request.body;
  let photo: CheckedPhoto | null = null;
  if (request.isMultipart()) {
    const fields: Record<string, string> = {};
    for await (const part of request.parts({ limits: { fileSize: PHOTO_MAX_BYTES, files: 1 } })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.file.truncated) throw new DomainError('PHOTO_TOO_LARGE', { field: 'photo' });
        if (bytes.length > 0) photo = checkPhoto(bytes);
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
    raw = fields;
  }
  refuseNul(raw, 'body');
  const parsed = submitBody.safeParse(raw ?? {});
  if (!parsed.success) throw validationError(parsed.error, 'body');
  return { ...parsed.data, photo };
}

const publicTags = ['群众建议（公开）'];

/** What residents reach without signing in: the form, the tracking code, the public answers. */
export function publicSuggestionRoutes(env: NodeJS.ProcessEnv = process.env): AnyRoute[] {
  return [
    // ── residents (no login) ──
    defineRoute({
      method: 'GET',
      url: '/api/public/solicitations',
      summary: '正在公开征集的地区和年度（及近一年已结束的，可查看答复）',
      tags: publicTags,
      access: 'public',
      rateLimit: lookupLimit,
      handler: ({ deps }) => publicSolicitations(deps),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/public/suggestions',
      summary:
        '提交建议（multipart：region、year、field、text ≤ 2000 字、name、phone，可附照片 photo：JPEG/PNG/WebP ≤ 5 MB，自动去除位置信息；或 JSON 不附照片），返回查询码',
      tags: publicTags,
      access: 'public',
      csrf: false,
      rateLimit: suggestionSubmitLimit(env),
      bodyLimit: PHOTO_MAX_BYTES + 64 * 1024,
      handler: async ({ deps, request, reply }) => {
        const input = await readSubmission(request);
        reply.status(201).header('cache-control', 'no-store');
        return submitSuggestion(deps, {
          regionCode: input.region,
          year: input.year,
          field: input.field,
          text: input.text,
          name: input.name,
          phone: input.phone,
          photo: input.photo,
        });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/public/suggestions/:code',
      summary: '凭查询码查看建议的办理状态和答复（不显示姓名和电话）',
      tags: publicTags,
      access: 'public',
      rateLimit: lookupLimit,
      params: z.object({ code: z.string().max(20, '查询码不正确') }),
      handler: async ({ deps, params, reply }) => {
        reply.header('cache-control', 'no-store');
        return trackSuggestion(deps, params.code);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/public/plan-years/:region/:year/suggestion-answers',
      summary: '公开答复：本年度已答复的建议组（不显示姓名和电话）',
      tags: publicTags,
      access: 'public',
      rateLimit: lookupLimit,
      params: planParams,
      handler: ({ deps, params }) => publicAnswers(deps, params.region, params.year),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/public/suggestion-answers',
      summary: '有公开答复的地区和年度（最新的在前，至多 200 个；q 按地区名称查找），及各自已答复的建议组数',
      tags: publicTags,
      access: 'public',
      rateLimit: lookupLimit,
      query: regionNameQuery,
      handler: ({ deps, query }) => publicAnswerYears(deps, query.q),
    }),
  ];
}
