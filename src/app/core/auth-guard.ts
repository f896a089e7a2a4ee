import { inject } from '@angular/core';
import { type CanActivateFn, RedirectCommand, Router } from '@angular/router';
import { SessionStore } from './session-store.ts';

/**
 * Lets signed-in users through; asks the server once (GET /auth/me) when the session is unknown.
 * Others go to /login, with the page they wanted in router state (not in the URL).
 */
export const authGuard: CanActivateFn = async (_route, state) => {
  const session = inject(SessionStore);
  const router = inject(Router);
  if (session.status() === 'unknown') await session.restore();
  if (session.status() === 'signed-in') return true;
  return new RedirectCommand(router.parseUrl('/login'), { state: { returnUrl: state.url } });
};
