import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import type { Permission } from '@domain';
import { SessionStore } from './session-store.ts';

/** Lets the user through when their role holds `permission`; otherwise shows the forbidden page. */
export function permissionGuard(permission: Permission): CanActivateFn {
  return async () => {
    const session = inject(SessionStore);
    const router = inject(Router);
    if (session.status() === 'unknown') await session.restore();
    return session.can(permission) ? true : router.parseUrl('/forbidden');
  };
}
