import type { Routes } from '@angular/router';
import { DiaryI18n } from '../../shared/i18n/diary-i18n.ts';
import { HomeDiaryStore } from './data/home-diary-store.ts';
import { PatientDiaryPage } from './patient-diary/patient-diary-page.ts';

/** /diary/:token: the patient's page, outside the staff shell, with no session (issue 15). */
export const HOME_DIARY_ROUTES: Routes = [
  { path: '', component: PatientDiaryPage, providers: [HomeDiaryStore, DiaryI18n] },
];
