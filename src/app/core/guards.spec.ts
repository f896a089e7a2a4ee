import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Role } from '@domain';
import { apiInterceptor } from './api-interceptor.ts';
import { authGuard } from './auth-guard.ts';
import { permissionGuard } from './permission-guard.ts';
import { nextRequest, problemResponse, sessionFor } from '../testing/test-fixtures.ts';

@Component({ selector: 'app-guards-spec-stub', template: 'page' })
class StubPage {}

describe('authGuard and permissionGuard', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: StubPage },
          { path: 'forbidden', component: StubPage },
          {
            path: '',
            canActivate: [authGuard],
            children: [
              { path: '', component: StubPage },
              {
                path: 'admin/users',
                component: StubPage,
                canActivate: [permissionGuard('users:manage')],
              },
              {
                path: 'patients/:id',
                component: StubPage,
                canActivate: [permissionGuard('patients:read')],
              },
            ],
          },
        ]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function visitAs(role: Role | null, url: string): Promise<Router> {
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(url);
    const me = await nextRequest(http, '/api/v1/auth/me');
    if (role) me.flush(sessionFor(role));
    else
      me.flush(
        { status: 401, title: 'Unauthorized', code: 'session-missing' },
        problemResponse(401, 'Unauthorized'),
      );
    await navigation;
    return TestBed.inject(Router);
  }

  it('sends a visitor without a session to /login and remembers the page in router state', async () => {
    const router = TestBed.inject(Router);
    let returnUrl: unknown;
    router.events.subscribe(() => {
      returnUrl ??= router.currentNavigation()?.extras.state?.['returnUrl'];
    });
    await visitAs(null, '/admin/users');
    expect(router.url).toBe('/login');
    expect(returnUrl).toBe('/admin/users');
  });

  it('lets an admin open the users page', async () => {
    const router = await visitAs('admin', '/admin/users');
    expect(router.url).toBe('/admin/users');
  });

  it('sends a nurse who opens the users page to the forbidden page', async () => {
    const router = await visitAs('nurse', '/admin/users');
    expect(router.url).toBe('/forbidden');
    http.expectNone(() => true); // not patient data: nothing to ask the server
  });

  it('asks the server for a refused patient URL, so the server audits the refused look', async () => {
    const router = await visitAs('manager', '/patients/42');
    expect(router.url).toBe('/forbidden');
    http
      .expectOne((req) => req.method === 'GET' && req.url.endsWith('/api/v1/patients/42'))
      .flush(
        { status: 403, title: 'Forbidden', code: 'forbidden' },
        problemResponse(403, 'Forbidden'),
      );
  });

  it('asks the server only once for the session', async () => {
    const router = await visitAs('nurse', '/');
    await router.navigateByUrl('/admin/users');
    http.expectNone('/api/v1/auth/me');
    expect(router.url).toBe('/forbidden');
  });
});
