import type { Routes } from '@angular/router';
import { PracticeDashboardPage } from './practice-dashboard/practice-dashboard-page.ts';

/**
 * The practice dashboard: aggregate, de-identified figures (a later issue fills it in from the
 * server's aggregates module; its store, API client and charts go in data/ and ui/ beside this file).
 */
export const PRACTICE_DASHBOARD_ROUTES: Routes = [{ path: '', component: PracticeDashboardPage }];
