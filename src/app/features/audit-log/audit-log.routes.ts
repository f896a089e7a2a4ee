import type { Routes } from '@angular/router';
import { AuditEventListPage } from './audit-event-list/audit-event-list-page.ts';
import { AuditLogStore } from './data/audit-log-store.ts';

/** The audit log (permission audit:read, checked on the parent route and by the server). */
export const AUDIT_LOG_ROUTES: Routes = [
  { path: '', component: AuditEventListPage, providers: [AuditLogStore] },
];
