import type { Problem } from '../domain/index.ts';

/** An error that becomes an RFC 9457 problem response; route code throws it for expected failures. */
export class HttpProblem extends Error {
  readonly problem: Problem;
  readonly headers: Record<string, string>;

  constructor(problem: Problem, headers: Record<string, string> = {}) {
    super(problem.detail ?? problem.title);
    this.problem = problem;
    this.headers = headers;
  }
}

/** 400 with field messages. */
export function badRequest(
  errors: { path: string; message: string }[],
  detail?: string,
): HttpProblem {
  return new HttpProblem({
    status: 400,
    title: 'Invalid request',
    detail: detail ?? errors.map((e) => e.message).join('. '),
    errors,
  });
}

export function notFound(what: string): HttpProblem {
  return new HttpProblem({ status: 404, title: 'Not found', detail: `${what} was not found.` });
}

export function forbidden(
  detail = 'Your role does not allow this.',
  code = 'forbidden',
): HttpProblem {
  return new HttpProblem({ status: 403, title: 'Forbidden', detail, code });
}

/** 409 for a stale `version`: the client gets the current row and overwrites nothing. */
export function versionConflict(current: unknown): HttpProblem {
  return new HttpProblem({
    status: 409,
    title: 'Version conflict',
    code: 'version-conflict',
    detail:
      'Someone else changed this record after you opened it. Review their change and save again.',
    current,
  });
}
