import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Role } from '@domain';
import { apiInterceptor } from './api-interceptor.ts';
import { nextRequest, sessionFor } from '../testing/test-fixtures.ts';
import { landingGuard } from './landing-guard.ts';

@Component({ selector: 'app-landing-spec-stub', template: 'page' })
class StubPage {}

describe('landingGuard', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: '', pathMatch: 'full', component: StubPage, canActivate: [landingGuard] },
          { path: 'practice-dashboard', component: StubPage },
          { path: 'worklist', component: StubPage },
        ]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  const cases: [Role, string][] = [
    ['nurse', '/worklist'],
    ['manager', '/practice-dashboard'],
    ['physician', '/'],
    ['admin', '/'],
  ];
  for (const [role, landing] of cases) {
    it(`lands a ${role} on ${landing}`, async () => {
      const harness = await RouterTestingHarness.create();
      const navigation = harness.navigateByUrl('/');
      (await nextRequest(http, '/api/v1/auth/me')).flush(sessionFor(role));
      await navigation;
      expect(TestBed.inject(Router).url).toBe(landing);
    });
  }
});
