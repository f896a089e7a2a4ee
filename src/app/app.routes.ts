import type { Routes } from '@angular/router';
import { authGuard } from './core/auth-guard.ts';
import { permissionGuard } from './core/permission-guard.ts';
import { landingGuard } from './core/landing-guard.ts';

/** Page titles end with the product name. */
const title = (page: string): string => `${page} · FacetTrack`;

export const routes: Routes = [
  {
    path: 'login',
    title: title('Sign in'),
    loadChildren: () => import('./features/login/login.routes.ts').then((m) => m.LOGIN_ROUTES),
  },
  {
    // The patient's own diary (issue 15): no login, outside the staff shell.
    path: 'diary/:token',
    title: 'Pain diary',
    loadChildren: () =>
      import('./features/home-diary/home-diary.routes.ts').then((m) => m.HOME_DIARY_ROUTES),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./core/shell/shell-page.ts').then((m) => m.ShellPage),
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: title('Home'),
        canActivate: [landingGuard],
        loadChildren: () => import('./features/home/home.routes.ts').then((m) => m.HOME_ROUTES),
      },
      {
        path: 'patients',
        title: title('Patients'),
        canActivate: [permissionGuard('patients:read')],
        loadChildren: () =>
          import('./features/patients/patients.routes.ts').then((m) => m.PATIENTS_ROUTES),
      },
      {
        path: 'practice-dashboard',
        title: title('Practice dashboard'),
        canActivate: [permissionGuard('reports:aggregate')],
        loadChildren: () =>
          import('./features/practice-dashboard/practice-dashboard.routes.ts').then(
            (m) => m.PRACTICE_DASHBOARD_ROUTES,
          ),
      },
      {
        path: 'outcomes',
        title: title('Outcomes'),
        canActivate: [permissionGuard('reports:outcomes')],
        loadChildren: () =>
          import('./features/outcomes/outcomes.routes.ts').then((m) => m.OUTCOMES_ROUTES),
      },
      {
        path: 'episodes/:episodeId/procedures',
        title: title('Procedures'),
        canActivate: [permissionGuard('patients:read')],
        loadChildren: () =>
          import('./features/procedures/procedures.routes.ts').then(
            (m) => m.EPISODE_PROCEDURES_ROUTES,
          ),
      },
      {
        path: 'episodes/:episodeId/report',
        title: title('Documentation report'),
        canActivate: [permissionGuard('patients:read')],
        loadChildren: () =>
          import('./features/procedures/procedures.routes.ts').then((m) => m.EPISODE_REPORT_ROUTES),
      },
      {
        path: 'procedures/:id',
        title: title('Procedure'),
        canActivate: [permissionGuard('patients:read')],
        loadChildren: () =>
          import('./features/procedures/procedures.routes.ts').then((m) => m.PROCEDURE_ROUTES),
      },
      {
        path: 'admin/exports',
        title: title('Practice export'),
        canActivate: [permissionGuard('practice:export')],
        loadChildren: () =>
          import('./features/admin-exports/admin-exports.routes.ts').then(
            (m) => m.ADMIN_EXPORTS_ROUTES,
          ),
      },
      {
        path: 'worklist',
        title: title('Worklist'),
        canActivate: [permissionGuard('worklist:read')],
        loadChildren: () =>
          import('./features/worklist/worklist.routes.ts').then((m) => m.WORKLIST_ROUTES),
      },
      {
        path: 'overdue-digest',
        title: title('Overdue digest'),
        canActivate: [permissionGuard('digest:read')],
        loadChildren: () =>
          import('./features/worklist/worklist.routes.ts').then((m) => m.OVERDUE_DIGEST_ROUTES),
      },
      {
        path: 'admin/rule-sets',
        title: title('Rule sets'),
        canActivate: [permissionGuard('rule-sets:manage')],
        loadChildren: () =>
          import('./features/rule-sets/rule-sets.routes.ts').then((m) => m.RULE_SETS_ROUTES),
      },
      {
        path: 'admin/users',
        title: title('Users'),
        canActivate: [permissionGuard('users:manage')],
        loadChildren: () =>
          import('./features/admin-users/admin-users.routes.ts').then((m) => m.ADMIN_USERS_ROUTES),
      },
      {
        path: 'admin/audit',
        title: title('Audit log'),
        canActivate: [permissionGuard('audit:read')],
        loadChildren: () =>
          import('./features/audit-log/audit-log.routes.ts').then((m) => m.AUDIT_LOG_ROUTES),
      },
      {
        path: 'forbidden',
        title: title('No access'),
        loadChildren: () =>
          import('./features/message/message.routes.ts').then((m) => m.FORBIDDEN_ROUTES),
      },
      {
        path: '**',
        title: title('Page not found'),
        loadChildren: () =>
          import('./features/message/message.routes.ts').then((m) => m.NOT_FOUND_ROUTES),
      },
    ],
  },
];
