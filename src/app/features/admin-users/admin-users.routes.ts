import type { Routes } from '@angular/router';
import { AdminUsersStore } from './data/admin-users-store.ts';
import { UserListPage } from './user-list/user-list-page.ts';

/** User administration (permission users:manage, checked on the parent route and by the server). */
export const ADMIN_USERS_ROUTES: Routes = [
  { path: '', component: UserListPage, providers: [AdminUsersStore] },
];
