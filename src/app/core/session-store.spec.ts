import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { apiInterceptor } from './api-interceptor.ts';
import { SessionStore } from './session-store.ts';
import { problemResponse, sessionFor } from '../testing/test-fixtures.ts';

describe('SessionStore', () => {
  let store: InstanceType<typeof SessionStore>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    store = TestBed.inject(SessionStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('starts with the session unknown', () => {
    expect(store.status()).toBe('unknown');
    expect(store.user()).toBeNull();
  });

  it('signs in: stores the session and reports ok', async () => {
    const result = store.login('admin1', 'secret');
    const req = http.expectOne('/api/v1/auth/login');
    expect(req.request.body).toEqual({ username: 'admin1', password: 'secret' });
    req.flush(sessionFor('admin'));

    expect(await result).toEqual({ ok: true });
    expect(store.status()).toBe('signed-in');
    expect(store.csrfToken()).toBe('csrf-123');
    expect(store.roleLabel()).toBe('Administrator');
  });

  it('reports a 401 as a problem and stays signed out', async () => {
    const result = store.login('admin1', 'wrong');
    http.expectOne('/api/v1/auth/login').flush(
      {
        status: 401,
        title: 'Sign-in failed',
        detail: 'Wrong username or password.',
        code: 'bad-credentials',
      },
      problemResponse(401, 'Unauthorized'),
    );

    const outcome = await result;
    expect(outcome.ok).toBeFalse();
    if (!outcome.ok) {
      expect(outcome.problem.status).toBe(401);
      expect(outcome.problem.code).toBe('bad-credentials');
    }
    expect(store.status()).not.toBe('signed-in');
    expect(store.user()).toBeNull();
  });

  it('passes on Retry-After from a 429', async () => {
    const result = store.login('admin1', 'wrong');
    http
      .expectOne('/api/v1/auth/login')
      .flush(
        { status: 429, title: 'Too many attempts' },
        problemResponse(429, 'Too Many Requests', { 'Retry-After': '42' }),
      );

    const outcome = await result;
    expect(outcome.ok ? null : outcome.retryAfterSeconds).toBe(42);
  });

  it('restores a live session from GET /auth/me', async () => {
    const status = store.restore();
    http.expectOne('/api/v1/auth/me').flush(sessionFor('nurse'));

    expect(await status).toBe('signed-in');
    expect(store.user()?.role).toBe('nurse');
  });

  it('treats a 401 from GET /auth/me as signed out', async () => {
    const status = store.restore();
    http
      .expectOne('/api/v1/auth/me')
      .flush(
        { status: 401, title: 'Unauthorized', code: 'session-missing' },
        problemResponse(401, 'Unauthorized'),
      );

    expect(await status).toBe('signed-out');
    expect(store.user()).toBeNull();
  });

  it('answers can() from the role (admin manages users, nurse does not)', async () => {
    expect(store.can('users:manage')).toBeFalse();
    const result = store.login('admin1', 'secret');
    http.expectOne('/api/v1/auth/login').flush(sessionFor('admin'));
    await result;
    expect(store.can('users:manage')).toBeTrue();
    expect(store.can('patients:write')).toBeFalse();
  });

  it('signs out on the server with the CSRF token and keeps the reason', async () => {
    const login = store.login('admin1', 'secret');
    http.expectOne('/api/v1/auth/login').flush(sessionFor('admin'));
    await login;

    const logout = store.logout('You have signed out.');
    const req = http.expectOne('/api/v1/auth/logout');
    expect(req.request.headers.get('X-CSRF-Token')).toBe('csrf-123');
    req.flush(null, { status: 204, statusText: 'No Content' });
    await logout;

    expect(store.status()).toBe('signed-out');
    expect(store.signOutReason()).toBe('You have signed out.');
  });
});
