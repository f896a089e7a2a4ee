import type { Routes } from '@angular/router';
import { permissionGuard } from '../../core/permission-guard.ts';
import { EntryStore } from './data/entry-store.ts';
import { WorklistStore } from './data/worklist-store.ts';
import { FollowUpEntryPage } from './follow-up-entry/follow-up-entry-page.ts';
import { OverdueDigestPage } from './overdue-digest/overdue-digest-page.ts';
import { PlannedVisitPage } from './planned-visit/planned-visit-page.ts';
import { WorklistPage } from './worklist-list/worklist-page.ts';

/** Under /worklist (worklist:read on the parent): one store for the list, kept while an entry screen is open. */
export const WORKLIST_ROUTES: Routes = [
  {
    path: '',
    providers: [WorklistStore],
    children: [
      { path: '', component: WorklistPage },
      {
        path: 'follow-ups/:id',
        title: 'Follow-up · FacetTrack',
        canActivate: [permissionGuard('follow-ups:write')],
        component: FollowUpEntryPage,
        providers: [EntryStore],
      },
      {
        path: 'planned/:id',
        title: 'Booked procedure · FacetTrack',
        component: PlannedVisitPage,
        providers: [EntryStore],
      },
    ],
  },
];

/** Under /overdue-digest (digest:read on the parent). */
export const OVERDUE_DIGEST_ROUTES: Routes = [{ path: '', component: OverdueDigestPage }];
