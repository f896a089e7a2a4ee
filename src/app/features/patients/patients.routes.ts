import type { Routes } from '@angular/router';
import { PatientListStore } from './data/patient-list-store.ts';
import { PatientRecordStore } from './data/patient-record-store.ts';
import { PatientListPage } from './patient-list/patient-list-page.ts';
import { PatientRecordPage } from './patient-record/patient-record-page.ts';

/** Patients (permission patients:read, checked on the parent route and by the server). */
export const PATIENTS_ROUTES: Routes = [
  { path: '', component: PatientListPage, providers: [PatientListStore] },
  { path: ':id', component: PatientRecordPage, providers: [PatientRecordStore] },
];
