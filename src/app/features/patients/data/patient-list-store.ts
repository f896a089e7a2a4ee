import { inject } from '@angular/core';
import { signalStore, withMethods } from '@ngrx/signals';
import type { PatientCreate, PatientView, Stage } from '@domain';
import { withPagedList } from '../../../core/data/paged-list.ts';
import { attempt, type WriteResult } from '../../../core/write-result.ts';
import { PatientsApi } from './patients-api.ts';

/** Columns the server can sort the list by. */
export type PatientSort = 'name' | 'mrn' | 'birthDate' | 'updated';

/** The list query as the page holds it (all set, unlike the API's optional PatientListQuery). */
export interface PatientListParams {
  /** Name or MRN prefix; matched on the server, case- and accent-insensitive. */
  q: string;
  stage: Stage | null;
  sort: PatientSort;
  dir: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const initialQuery: PatientListParams = {
  q: '',
  stage: null,
  sort: 'name',
  dir: 'asc',
  page: 1,
  pageSize: 25,
};

/** The patient list: one server-side page at a time, searched, filtered by stage and sorted. */
export const PatientListStore = signalStore(
  withPagedList(PatientsApi, initialQuery, (api, { stage, ...query }) =>
    api.list({ ...query, ...(stage ? { stage } : {}) }),
  ),
  withMethods((store, api = inject(PatientsApi)) => ({
    /** Shows the first page of patients whose name or MRN starts with `q`. */
    search(q: string): void {
      store.requery({ q });
    },
    /** Shows only patients whose latest episode is in `stage` (null: every patient). */
    filterByStage(stage: Stage | null): void {
      store.requery({ stage });
    },
    /** Sorts by a column; an empty direction goes back to the default, by name. */
    sortBy(sort: PatientSort, dir: 'asc' | 'desc' | ''): void {
      store.requery(dir ? { sort, dir } : { sort: 'name', dir: 'asc' });
    },
    /** Registers a patient; the page decides where to go next. */
    register(body: PatientCreate): Promise<WriteResult<PatientView>> {
      return attempt(() => api.create(body));
    },
  })),
);
