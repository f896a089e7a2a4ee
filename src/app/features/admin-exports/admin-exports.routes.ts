import type { Routes } from '@angular/router';
import { ExportsStore } from './data/exports-store.ts';
import { ExportListPage } from './export-list/export-list-page.ts';

/** Practice export (permission practice:export, checked on the parent route and by the server). */
export const ADMIN_EXPORTS_ROUTES: Routes = [
  { path: '', component: ExportListPage, providers: [ExportsStore] },
];
