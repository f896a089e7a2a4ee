import type { Routes } from '@angular/router';
import { OutcomesPage } from './outcomes/outcomes-page.ts';

/** Outcomes across patients for physicians (issue 13): filters, charts with tables and CSV. */
export const OUTCOMES_ROUTES: Routes = [{ path: '', component: OutcomesPage }];
