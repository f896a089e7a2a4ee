import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Problem } from '../../domain/index.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { HttpProblem } from '../http-problem.ts';

const PROBLEM_TYPE = 'application/problem+json';

/** Fastify's own client errors, in words a nurse can act on. */
const FASTIFY_CLIENT_ERRORS: Record<string, Omit<Problem, 'status'> & { status: number }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    title: 'Invalid request',
    detail: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    title: 'Invalid request',
    detail: 'The request body is empty; send a JSON object.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    title: 'Request too large',
    detail: 'The request body is larger than the server accepts.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    title: 'Unsupported media type',
    detail: 'Send the request body as application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    title: 'Invalid request',
    detail: 'The Content-Length header does not match the body.',
  },
};

function validationProblem(error: FastifyError): Problem {
  const where =
    error.validationContext === 'querystring'
      ? 'query.'
      : error.validationContext === 'params'
        ? 'path.'
        : '';
  const errors = (error.validation ?? []).map((issue) => {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const message =
      path === '' && error.validationContext === 'body'
        ? 'The request body must be a JSON object.'
        : (issue.message ?? 'Invalid value');
    return { path: path === '' ? '' : `${where}${path}`, message };
  });
  return {
    status: 400,
    title: 'Invalid request',
    detail: errors.map((e) => e.message).join('. '),
    errors,
  };
}

/**
 * Every error leaves as application/problem+json (RFC 9457). Expected failures carry their own
 * status; anything unexpected is logged and answered with a generic 500 that shows no internals.
 */
export function registerProblemHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let problem: Problem;
    if (error instanceof HttpProblem) {
      problem = error.problem;
      reply.headers(error.headers);
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      problem = validationProblem(error);
    } else if (error.code && FASTIFY_CLIENT_ERRORS[error.code]) {
      problem = FASTIFY_CLIENT_ERRORS[error.code]!;
    } else if (isUniqueViolation(error)) {
      // Last line of defence for two writes racing on a unique key: nothing was saved, so say so (never a 500).
      problem = {
        status: 409,
        title: 'Conflict',
        code: 'conflict',
        detail: 'Someone saved the same record at the same moment. Reload and try again.',
      };
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      problem = {
        status: error.statusCode,
        title: 'Invalid request',
        detail: 'The request could not be processed.',
      };
    } else {
      request.log.error({ err: error }, 'unhandled error');
      problem = {
        status: 500,
        title: 'Internal error',
        detail: 'Something went wrong on the server. Nothing was saved by this request.',
      };
    }
    return reply.status(problem.status).type(PROBLEM_TYPE).send(problem);
  });
}

/** 404 for unknown API routes as a problem document. */
export function apiNotFound(reply: import('fastify').FastifyReply): void {
  reply
    .status(404)
    .type(PROBLEM_TYPE)
    .send({ status: 404, title: 'Not found', detail: 'No such API endpoint.' } satisfies Problem);
}
