import { HttpErrorResponse } from '@angular/common/http';
import type { Problem } from '@domain';

/** Shown when the browser gets no answer at all (status 0: offline, server down, CORS, aborted). */
export const SERVER_UNREACHABLE =
  'Cannot reach the FacetTrack server. Check your connection and try again.';

/** Plain-language fallbacks when an error has no problem document (a proxy page, an HTML error). */
const FALLBACK_DETAIL: Readonly<Record<number, string>> = {
  401: 'Your session has ended. Please sign in again.',
  403: 'You do not have access to this.',
  404: 'That record was not found.',
  409: 'Someone else changed this record. Reload and try again.',
  429: 'Too many requests. Wait a moment and try again.',
};

/** True when `value` looks like an RFC 9457 problem document. */
export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).status === 'number' &&
    typeof (value as Problem).title === 'string'
  );
}

/**
 * Turns any failed request into a typed Problem: a problem+json body as sent, a JSON string body
 * parsed, no answer at all as "cannot reach the server", anything else as a generic message by status.
 */
export function toProblem(error: unknown): Problem {
  if (isProblem(error)) return error;
  if (!(error instanceof HttpErrorResponse)) {
    return {
      status: 0,
      title: 'Unexpected error',
      detail: 'Something went wrong. Please try again.',
    };
  }
  if (error.status === 0) {
    return { status: 0, title: 'Network error', detail: SERVER_UNREACHABLE };
  }
  const body = parseBody(error.error);
  if (isProblem(body)) return body;
  return {
    status: error.status,
    title: error.statusText || 'Request failed',
    detail:
      FALLBACK_DETAIL[error.status] ??
      (error.status >= 500
        ? 'The FacetTrack server had a problem. Please try again in a moment.'
        : 'The request could not be completed.'),
  };
}

/** The sentence to show a user for a problem: its detail, else its title. */
export function problemMessage(problem: Problem): string {
  return problem.detail ?? problem.title;
}

/** Seconds from a Retry-After header (delta-seconds form only), or null. */
export function retryAfterSeconds(error: unknown): number | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const raw = error.headers?.get('Retry-After');
  const seconds = raw === null || raw === undefined ? NaN : Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : null;
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return null;
  }
}
