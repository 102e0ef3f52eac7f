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
