import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { SessionStore } from '../../core/session-store.ts';

/** The nurse's landing page is the worklist (issue 12); everyone else keeps the home page. */
export const nurseLandingGuard: CanActivateFn = async () => {
  const session = inject(SessionStore);
  if (session.status() === 'unknown') await session.restore();
  return session.user()?.role === 'nurse' ? inject(Router).parseUrl('/worklist') : true;
};
