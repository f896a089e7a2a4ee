import { HttpClient } from '@angular/common/http';
import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import type { Permission } from '@domain';
import { SessionStore } from './session-store.ts';

/** A patient page's URL (`/patients/123`, `/patients/123/...`): its patient id. */
const PATIENT_URL = /^\/patients\/([1-9][0-9]{0,17})(?:[/?#]|$)/;

/**
 * Lets the user through when their role holds `permission`; otherwise shows the forbidden page. A
 * refused patient URL is also asked of the server, which refuses it too and records the refused look
 * in the audit trail (issue 14: who, what, when, from where); the client alone would leave no trace.
 */
export function permissionGuard(permission: Permission): CanActivateFn {
  return async (_route, state) => {
    const session = inject(SessionStore);
    const router = inject(Router);
    const http = inject(HttpClient);
    if (session.status() === 'unknown') await session.restore();
    if (session.can(permission)) return true;
    const patientId = PATIENT_URL.exec(state.url)?.[1];
    if (patientId) http.get(`/api/v1/patients/${patientId}`).subscribe({ error: () => undefined });
    return router.parseUrl('/forbidden');
  };
}
