import type { Routes } from '@angular/router';
import { NotFoundPage } from './not-found/not-found-page.ts';

/** Any address the app does not know. */
export const NOT_FOUND_ROUTES: Routes = [{ path: '', component: NotFoundPage }];
