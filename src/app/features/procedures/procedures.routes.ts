import type { Routes } from '@angular/router';
import { permissionGuard } from '../../core/permission-guard.ts';
import { EpisodeProceduresStore } from './data/episode-procedures-store.ts';
import { EpisodeReportStore } from './data/episode-report-store.ts';
import { DiaryLinkStore } from './data/diary-link-store.ts';
import { ProcedureStore } from './data/procedure-store.ts';
import { DocumentationReportPage } from './documentation-report/documentation-report-page.ts';
import { PainDiaryPage } from './pain-diary/pain-diary-page.ts';
import { ProcedureDetailPage } from './procedure-detail/procedure-detail-page.ts';
import { ProcedureFormPage } from './procedure-form/procedure-form-page.ts';
import { ProcedureListPage } from './procedure-list/procedure-list-page.ts';

/** Under /episodes/:episodeId/procedures (patients:read on the parent route; the server decides too). */
export const EPISODE_PROCEDURES_ROUTES: Routes = [
  { path: '', component: ProcedureListPage, providers: [EpisodeProceduresStore] },
  {
    path: 'new',
    title: 'Record procedure · FacetTrack',
    canActivate: [permissionGuard('procedures:write')],
    component: ProcedureFormPage,
    providers: [EpisodeProceduresStore],
  },
];

/** Under /procedures/:id (patients:read on the parent route): the physician's page and the nurse's diary. */
export const PROCEDURE_ROUTES: Routes = [
  { path: '', component: ProcedureDetailPage, providers: [ProcedureStore, DiaryLinkStore] },
  {
    path: 'diary',
    title: 'Pain diary · FacetTrack',
    canActivate: [permissionGuard('patients:write')],
    component: PainDiaryPage,
    providers: [ProcedureStore],
  },
];

/** Under /episodes/:episodeId/report (patients:read on the parent route): the printable documentation. */
export const EPISODE_REPORT_ROUTES: Routes = [
  { path: '', component: DocumentationReportPage, providers: [EpisodeReportStore] },
];
