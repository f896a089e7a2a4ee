import type { Routes } from '@angular/router';
import { LoginStore } from './data/login-store.ts';
import { LoginPage } from './login/login-page.ts';

/** The public sign-in page. */
export const LOGIN_ROUTES: Routes = [{ path: '', component: LoginPage, providers: [LoginStore] }];
