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
    return {
      ...base,
      type: 'about:blank',
      title: fastifyError.statusCode === 413 ? 'Request too large' : 'Bad request',
      status: fastifyError.statusCode,
      detail: fastifyError.message,
      problems: [],
    };
  }
  return { ...base, type: 'about:blank', title: 'Internal error', status: 500, problems: [] };
}

export function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.status(body.status).type('application/problem+json').send(body);
}
