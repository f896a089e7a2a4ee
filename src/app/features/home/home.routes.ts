import type { Routes } from '@angular/router';
import { HomePage } from './home/home-page.ts';

/** The signed-in landing page. */
export const HOME_ROUTES: Routes = [{ path: '', component: HomePage }];
