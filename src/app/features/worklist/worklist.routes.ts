import type { Routes } from '@angular/router';
import { WorklistPage } from './worklist/worklist-page.ts';

/**
 * The clinic's worklist: today's procedures, diaries and follow-ups due (issue 12 fills it in; its
 * store, API client and widgets go in data/ and ui/ beside this file, as in the other features).
 */
export const WORKLIST_ROUTES: Routes = [{ path: '', component: WorklistPage }];
