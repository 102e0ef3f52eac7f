import { z } from 'zod';
import { ROLES } from '../../kernel/actor';
import { DomainError } from '../../kernel/errors';
import { defineRoute } from '../../server/route';
import { planRegionCode } from '../../server/route-inputs';
import { CSRF_COOKIE, SESSION_COOKIE } from './session-store';
import { login, me } from './use-cases/auth';
import { createUser, listUsers, updateUser } from './use-cases/users';

const grant = z.object({
  role: z.enum(ROLES, { error: '角色不正确' }),
  regionCode: planRegionCode('请选择地区'),
  unitId: z.uuid('单位编号不正确').nullish(),
});
const phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8}|\d{7,8})$/, '电话号码格式不正确')
  .nullish();

export const identityRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/auth/login',
    summary: '登录：成功后设置会话 Cookie，并返回 CSRF 令牌',
    tags: ['认证'],
    access: 'public',
    csrf: false,
    bodyLimit: 4096,
    body: z.object({
      username: z.string().trim().min(1, '请输入用户名').max(64),
      password: z.string().min(1, '请输入密码').max(256),
    }),
    handler: async ({ deps, body, request, reply }) => {
      const session = await login(deps, {
        ...body,
        userAgent: request.headers['user-agent'],
        ip: request.ip,
      });
      const cookie = { path: '/', sameSite: 'lax' as const, secure: deps.config.secureCookies };
      reply.setCookie(SESSION_COOKIE, session.token, { ...cookie, httpOnly: true });
      reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...cookie, httpOnly: false, sameSite: 'strict' });
      const resolution = await deps.sessions.resolve(session.token);
      if (!resolution.ok) throw new DomainError('INTERNAL');
      return me(resolution.actor, resolution.grantViews, session.csrfToken);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/auth/me',
    summary: '当前用户、角色、管辖范围与 CSRF 令牌',
    tags: ['认证'],
    access: 'session',
    handler: async ({ actor, request }) => me(actor, request.grantViews ?? [], request.csrfToken ?? ''),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/logout',
    summary: '退出登录',
    tags: ['认证'],
    access: 'session',
    handler: async ({ deps, request, reply }) => {
      await deps.sessions.destroy(request.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
      return { ok: true };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/users',
    summary: '用户列表（管辖范围内）',
    tags: ['用户'],
    access: 'session',
    handler: ({ deps, actor }) => listUsers(deps, actor),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/users',
    summary: '新建用户并授予角色',
    tags: ['用户'],
    access: 'session',
    body: z.object({
      username: z
        .string()
        .trim()
        .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '用户名须以字母开头，3–32 位字母、数字、下划线、点或连字符'),
      displayName: z.string().trim().min(1, '请输入姓名').max(40),
      password: z.string().max(128),
      phone,
      grants: z.array(grant).max(20),
    }),
    handler: async ({ deps, actor, body, reply }) => {
      reply.status(201);
      return createUser(deps, actor, body);
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/users/:id',
    summary: '修改用户：姓名、电话、停用、重置密码、角色、解锁',
    tags: ['用户'],
    access: 'session',
    params: z.object({ id: z.uuid('用户编号不正确') }),
    body: z.object({
      displayName: z.string().trim().min(1).max(40).optional(),
      phone,
      active: z.boolean().optional(),
      password: z.string().max(128).optional(),
      grants: z.array(grant).max(20).optional(),
      unlock: z.boolean().optional(),
    }),
    handler: ({ deps, actor, params, body }) => updateUser(deps, actor, params.id, body),
  }),
];
