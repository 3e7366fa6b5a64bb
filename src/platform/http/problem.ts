import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type Problem } from '../errors.ts';

/**
 * The one place errors become HTTP responses: RFC 9457 problem+json with every problem's path.
 * Nothing internal (stack, SQL, file paths) reaches the client; unexpected errors are logged with
 * the request id, and the client gets that id to quote.
 */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId: string;
  problems: Problem[];
}

/** Client errors raised by Fastify or its plugins, named as people read them. */
const KNOWN_CLIENT_ERRORS: Record<number, { title: string; code: string }> = {
  413: { title: 'Request too large', code: 'too_large' },
  415: { title: 'Unsupported media type', code: 'unsupported_media_type' },
  429: { title: 'Too many requests', code: 'rate_limited' },
};

export function toProblem(err: unknown, request: FastifyRequest): ProblemBody {
  const base = { instance: request.url.split('?')[0], requestId: String(request.id) };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const context = (err as { validationContext?: string }).validationContext ?? 'request';
    return {
      ...base,
      type: 'about:blank',
      title: 'Invalid request',
      status: 400,
      problems: err.validation.map((v) => ({
        path: [context, ...v.instancePath.split('/').filter(Boolean)].join('.') || context,
        message: v.message ?? 'is invalid',
        code: v.keyword,
      })),
    };
  }
  if (err instanceof AppError) {
    const internal = err.kind === 'internal';
    return {
      ...base,
      type: 'about:blank',
      title: internal ? 'Internal error' : err.message.split(':')[0]!,
      status: err.status,
      problems: internal ? [] : [...err.problems],
    };
  }
  const fastifyError = err as FastifyError;
  if (
    !isResponseSerializationError(err) &&
    typeof fastifyError.statusCode === 'number' &&
    fastifyError.statusCode < 500
  ) {
    const known = KNOWN_CLIENT_ERRORS[fastifyError.statusCode];
    return {
      ...base,
      type: 'about:blank',
      title: known?.title ?? 'Bad request',
      status: fastifyError.statusCode,
      detail: fastifyError.message,
      problems: known ? [{ path: 'request', message: fastifyError.message, code: known.code }] : [],
    };
  }
  return { ...base, type: 'about:blank', title: 'Internal error', status: 500, problems: [] };
}

export function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.status(body.status).type('application/problem+json').send(body);
}
