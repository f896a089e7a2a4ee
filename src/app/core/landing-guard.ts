import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import type { Role } from '@domain/roles';
import { SessionStore } from './session-store.ts';

/**
 * Where each role lands after sign-in (design.md: who comes to what): the nurse's worklist (issue 12),
 * the manager's dashboard (issue 13); physicians and admins keep the home page.
 */
export const LANDING_PAGES: Partial<Record<Role, string>> = {
  nurse: '/worklist',
  manager: '/practice-dashboard',
};

export const landingGuard: CanActivateFn = async () => {
  // Both injected before the await: inject() works only in the guard's synchronous start.
  const session = inject(SessionStore);
  const router = inject(Router);
  if (session.status() === 'unknown') await session.restore();
  const role = session.user()?.role;
  const landing = role ? LANDING_PAGES[role] : undefined;
  return landing ? router.parseUrl(landing) : true;
};
