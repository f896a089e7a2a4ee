import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { toProblem } from './problem.ts';
import { idleSignOutMessage, SESSION_ENDED_MESSAGE } from './session-messages.ts';
import { SessionStore } from './session-store.ts';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A 401 from these means "not signed in yet" or "sign-out done", not "your session just ended". */
const SESSION_ENDPOINTS = ['/api/v1/auth/login', '/api/v1/auth/me', '/api/v1/auth/logout'];

/**
 * Every API call: same-origin cookies, the CSRF token on writes, errors normalised to a Problem
 * (in `HttpErrorResponse.error`), and a 401 mid-session sends the user to the login page with why.
 */
export const apiInterceptor: HttpInterceptorFn = (req, next) => {
  const session = inject(SessionStore);
  const router = inject(Router);

  const token = session.csrfToken();
  const needsToken = WRITE_METHODS.has(req.method) && !req.url.endsWith('/auth/login') && token;
  const request = req.clone({
    credentials: 'same-origin',
    ...(needsToken ? { setHeaders: { 'X-CSRF-Token': token } } : {}),
  });

  return next(request).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse)) return throwError(() => error);
      const problem = toProblem(error);
      if (error.status === 401 && !SESSION_ENDPOINTS.some((path) => req.url.startsWith(path))) {
        const reason =
          problem.code === 'session-expired-idle'
            ? idleSignOutMessage(session.idleTimeoutMinutes())
            : SESSION_ENDED_MESSAGE;
        session.endLocally(reason);
        void router.navigate(['/login'], { state: { returnUrl: router.url } });
      }
      return throwError(
        () =>
          new HttpErrorResponse({
            error: problem,
            headers: error.headers,
            status: error.status,
            statusText: error.statusText,
            url: error.url ?? undefined,
          }),
      );
    }),
  );
};
