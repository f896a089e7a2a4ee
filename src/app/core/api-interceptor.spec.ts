import {
  HttpClient,
  HttpErrorResponse,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import type { Problem } from '@domain';
import { apiInterceptor } from './api-interceptor.ts';
import { SERVER_UNREACHABLE } from './problem.ts';
import { SessionStore } from './session-store.ts';
import { problemResponse, sessionFor } from '../testing/test-fixtures.ts';

describe('apiInterceptor', () => {
  let httpClient: HttpClient;
  let http: HttpTestingController;
  let session: InstanceType<typeof SessionStore>;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    httpClient = TestBed.inject(HttpClient);
    http = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionStore);
    router = TestBed.inject(Router);
    spyOn(router, 'navigate').and.resolveTo(true);

    const restored = session.restore();
    http.expectOne('/api/v1/auth/me').flush(sessionFor('admin', { idleTimeoutMinutes: 15 }));
    await restored;
  });

  afterEach(() => http.verify());

  /** Sends a request and returns the error it failed with. */
  async function failureOf(request: Promise<unknown>): Promise<HttpErrorResponse> {
    try {
      await request;
    } catch (error) {
      if (error instanceof HttpErrorResponse) return error;
      throw error;
    }
    throw new Error('expected the request to fail');
  }

  it('adds the CSRF token to a POST', () => {
    void firstValueFrom(httpClient.post('/api/v1/users', {}));
    const req = http.expectOne('/api/v1/users');
    expect(req.request.headers.get('X-CSRF-Token')).toBe('csrf-123');
    req.flush({});
  });

  it('adds the CSRF token to PATCH and DELETE too', () => {
    void firstValueFrom(httpClient.patch('/api/v1/users/1', {}));
    void firstValueFrom(httpClient.delete('/api/v1/users/2'));
    const patch = http.expectOne('/api/v1/users/1');
    const del = http.expectOne('/api/v1/users/2');
    expect(patch.request.headers.get('X-CSRF-Token')).toBe('csrf-123');
    expect(del.request.headers.get('X-CSRF-Token')).toBe('csrf-123');
    patch.flush({});
    del.flush({});
  });

  it('does not add the CSRF token to a GET', () => {
    void firstValueFrom(httpClient.get('/api/v1/users'));
    const req = http.expectOne('/api/v1/users');
    expect(req.request.headers.has('X-CSRF-Token')).toBeFalse();
    expect(req.request.credentials).toBe('same-origin');
    req.flush({ items: [], total: 0, page: 1, pageSize: 25 });
  });

  it('turns a problem+json error into a typed Problem', async () => {
    const failure = failureOf(firstValueFrom(httpClient.post('/api/v1/users', {})));
    const problem: Problem = {
      status: 409,
      title: 'Conflict',
      detail: 'That username is taken.',
      code: 'username-taken',
      errors: [{ path: 'username', message: 'That username is taken.' }],
    };
    http.expectOne('/api/v1/users').flush(problem, problemResponse(409, 'Conflict'));

    const error = await failure;
    expect(error.error).toEqual(problem);
  });

  it('reports no answer at all as "cannot reach the server"', async () => {
    const failure = failureOf(firstValueFrom(httpClient.get('/api/v1/users')));
    http
      .expectOne('/api/v1/users')
      .error(new ProgressEvent('error'), { status: 0, statusText: '' });

    const error = await failure;
    expect((error.error as Problem).detail).toBe(SERVER_UNREACHABLE);
  });

  it('gives a non-JSON server error a plain message, never the HTML', async () => {
    const failure = failureOf(firstValueFrom(httpClient.get('/api/v1/users')));
    http
      .expectOne('/api/v1/users')
      .flush('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });

    const problem = (await failure).error as Problem;
    expect(problem.status).toBe(502);
    expect(problem.detail).not.toContain('<html>');
  });

  it('on a 401 for idleness, signs out locally and goes to /login saying how long', async () => {
    const failure = failureOf(firstValueFrom(httpClient.get('/api/v1/users')));
    http
      .expectOne('/api/v1/users')
      .flush(
        { status: 401, title: 'Unauthorized', code: 'session-expired-idle' },
        problemResponse(401, 'Unauthorized'),
      );
    await failure;

    expect(session.status()).toBe('signed-out');
    expect(session.signOutReason()).toBe('You were signed out after 15 minutes without activity.');
    expect(router.navigate).toHaveBeenCalledWith(['/login'], jasmine.anything());
  });

  it('on any other 401, says the session has ended', async () => {
    const failure = failureOf(firstValueFrom(httpClient.get('/api/v1/users')));
    http
      .expectOne('/api/v1/users')
      .flush(
        { status: 401, title: 'Unauthorized', code: 'session-ended' },
        problemResponse(401, 'Unauthorized'),
      );
    await failure;

    expect(session.signOutReason()).toBe('Your session has ended. Please sign in again.');
    expect(router.navigate).toHaveBeenCalled();
  });

  it('does not redirect on a 401 from the login request itself', async () => {
    const failure = failureOf(firstValueFrom(httpClient.post('/api/v1/auth/login', {})));
    const req = http.expectOne('/api/v1/auth/login');
    expect(req.request.headers.has('X-CSRF-Token')).toBeFalse();
    req.flush({ status: 401, title: 'Sign-in failed' }, problemResponse(401, 'Unauthorized'));
    await failure;

    expect(router.navigate).not.toHaveBeenCalled();
    expect(session.status()).toBe('signed-in');
  });
});
