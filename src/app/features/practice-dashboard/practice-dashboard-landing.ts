import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { SessionStore } from '../../core/session-store.ts';

/** The practice manager's landing page is the dashboard (design.md: who comes to what; issue 13). */
export const managerLandingGuard: CanActivateFn = async () => {
  // Both injected before the await: inject() works only in the guard's synchronous start.
  const session = inject(SessionStore);
  const router = inject(Router);
  if (session.status() === 'unknown') await session.restore();
  return session.user()?.role === 'manager' ? router.parseUrl('/practice-dashboard') : true;
};
