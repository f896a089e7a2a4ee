/** Shared helpers for the client specs (never imported by app code). */
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  type HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import type { EnvironmentProviders, Provider } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, type Routes } from '@angular/router';
import type { Role, SessionInfo } from '@domain';
import { apiInterceptor } from '../core/api-interceptor.ts';

/** A session as GET /auth/me returns it, for specs. */
export function sessionFor(role: Role, overrides: Partial<SessionInfo> = {}): SessionInfo {
  return {
    user: { id: '7', username: `${role}1`, name: `Test ${role}`, role },
    csrfToken: 'csrf-123',
    idleTimeoutMinutes: 15,
    demoMode: false,
    timeZone: 'UTC',
    ...overrides,
  };
}

/** Response options for a problem+json error in HttpTestingController.flush. */
export function problemResponse(
  status: number,
  statusText: string,
  headers: Record<string, string> = {},
) {
  return {
    status,
    statusText,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  };
}

/**
 * Waits (a few macrotasks at most) for a request that async code such as a route guard will send,
 * then returns it; fails the spec if it never comes.
 */
export async function nextRequest(http: HttpTestingController, url: string): Promise<TestRequest> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const [request] = http.match(url);
    if (request) return request;
    await new Promise((resolve) => setTimeout(resolve));
  }
  return http.expectOne(url);
}

/** Lets pending promises, timers and change detection finish (zoneless: no fakeAsync). */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

/** Providers every component spec needs: router, HTTP through our interceptor, no animations. */
export function specProviders(routes: Routes = []): (Provider | EnvironmentProviders)[] {
  return [
    provideRouter(routes),
    provideHttpClient(withInterceptors([apiInterceptor])),
    provideHttpClientTesting(),
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
  ];
}
