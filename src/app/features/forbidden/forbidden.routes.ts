import type { Routes } from '@angular/router';
import { ForbiddenPage } from './forbidden/forbidden-page.ts';

/** Where the permission guard sends a role that may not see a page. */
export const FORBIDDEN_ROUTES: Routes = [{ path: '', component: ForbiddenPage }];
