import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { problemMessage, retryAfterSeconds, SERVER_UNREACHABLE, toProblem } from './problem.ts';

describe('toProblem', () => {
  const cases: { name: string; error: unknown; status: number; detail: string }[] = [
    {
      name: 'no answer (status 0)',
      error: new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') }),
      status: 0,
      detail: SERVER_UNREACHABLE,
    },
    {
      name: 'a problem document',
      error: new HttpErrorResponse({
        status: 403,
        error: { status: 403, title: 'Forbidden', detail: 'Locked.' },
      }),
      status: 403,
      detail: 'Locked.',
    },
    {
      name: 'a problem document that arrived as text',
      error: new HttpErrorResponse({
        status: 400,
        error: '{"status":400,"title":"Invalid","detail":"Bad date."}',
      }),
      status: 400,
      detail: 'Bad date.',
    },
    {
      name: 'an HTML error page',
      error: new HttpErrorResponse({
        status: 503,
        error: '<h1>Down</h1>',
        statusText: 'Service Unavailable',
      }),
      status: 503,
      detail: 'The FacetTrack server had a problem. Please try again in a moment.',
    },
    {
      name: 'not an HTTP error at all',
      error: new Error('boom'),
      status: 0,
      detail: 'Something went wrong. Please try again.',
    },
  ];

  for (const { name, error, status, detail } of cases) {
    it(`handles ${name}`, () => {
      const problem = toProblem(error);
      expect(problem.status).toBe(status);
      expect(problemMessage(problem)).toBe(detail);
    });
  }
});

describe('retryAfterSeconds', () => {
  it('reads delta seconds and ignores anything else', () => {
    const withHeader = (value: string) =>
      new HttpErrorResponse({ status: 429, headers: new HttpHeaders({ 'Retry-After': value }) });
    expect(retryAfterSeconds(withHeader('30'))).toBe(30);
    expect(retryAfterSeconds(withHeader('soon'))).toBeNull();
    expect(retryAfterSeconds(new HttpErrorResponse({ status: 429 }))).toBeNull();
  });
});
