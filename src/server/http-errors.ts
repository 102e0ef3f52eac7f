import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, ERRORS, type ErrorCode } from '../kernel/errors';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string; details?: unknown };
}

export function errorBody(error: DomainError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
      ...(error.details !== undefined ? { details: error.details } : {}),
    },
  };
}

/** zod issues → one 422 naming the first field, with every problem listed in details. */
export function validationError(error: z.ZodError, where: 'body' | 'query' | 'params'): DomainError {
  const problems = error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : where,
    message: issue.message,
  }));
  const first = problems[0]!;
  return new DomainError('VALIDATION_FAILED', {
    field: first.field,
    message: first.message,
    details: problems,
  });
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_RATE_LIMIT: 'RATE_LIMITED',
};

/** Turns anything thrown into the one error shape; internals are logged, never sent. */
export function toDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof z.ZodError) return validationError(error, 'body');
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.code === 'FST_FILES_LIMIT')
    return new DomainError('PAYLOAD_TOO_LARGE', { field: 'photo', message: '只能附一张照片' });
  const mapped = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (mapped) return new DomainError(mapped);
  const status = fastifyError.statusCode ?? 500;
  if (status === 413) return new DomainError('PAYLOAD_TOO_LARGE');
  if (status === 415) return new DomainError('UNSUPPORTED_MEDIA_TYPE');
  if (status === 429) return new DomainError('RATE_LIMITED');
  if (status >= 400 && status < 500) return new DomainError('BAD_REQUEST');
  return new DomainError('INTERNAL');
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const domain = toDomainError(error);
  if (domain.code === 'INTERNAL') request.log.error({ err: error }, 'unhandled error');
  return reply
    .status(ERRORS[domain.code].status)
    .type('application/json; charset=utf-8')
    .send(errorBody(domain));
}

/** A URL the router cannot take (a parameter over 100 characters, a malformed escape). */
export function frameworkError(error: FastifyError): DomainError {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return new DomainError('BAD_REQUEST', { message: '地址中的参数过长' });
  return new DomainError('BAD_REQUEST', { message: '请求地址格式不正确' });
}

/**
 * A request Node's parser refuses before Fastify sees it (a URL or headers over 16 KB, garbage on the
 * socket): answered in the same shape, then the connection is closed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify(
    errorBody(
      new DomainError('BAD_REQUEST', { message: tooLarge ? '请求地址或请求头过长' : '请求格式不正确' }),
    ),
  );
  if (socket.writable)
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  else socket.destroy();
}
