import { inject } from '@angular/core';
import { patchState, signalStore, withHooks, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, map, of, pipe, switchMap, tap } from 'rxjs';
import type { PatientCreate, PatientView, Stage } from '@domain';
import { problemMessage, toProblem } from '../../../core/problem.ts';
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

interface PatientListState {
  query: PatientListParams;
  patients: PatientView[];
  total: number;
  loading: boolean;
  /** Why the list could not be loaded, or null. */
  loadError: string | null;
}

const initialState: PatientListState = {
  query: { q: '', stage: null, sort: 'name', dir: 'asc', page: 1, pageSize: 25 },
  patients: [],
  total: 0,
  loading: false,
  loadError: null,
};

/** The patient list: one server-side page at a time, searched, filtered by stage and sorted. */
export const PatientListStore = signalStore(
  withState(initialState),
  withMethods((store, api = inject(PatientsApi)) => {
    const load = rxMethod<PatientListParams>(
      pipe(
        tap(() => patchState(store, { loading: true, loadError: null })),
        // A newer query (typing, paging, sorting) cancels the answer to an older one.
        switchMap(({ stage, ...query }) =>
          api.list({ ...query, ...(stage ? { stage } : {}) }).pipe(
            map((page) => ({ patients: page.items, total: page.total, loading: false })),
            catchError((error: unknown) => of({ loading: false, loadError: problemMessage(toProblem(error)) })),
          ),
        ),
        tap((state) => patchState(store, state)),
      ),
    );
    /** Changes the query; anything but paging starts again at page 1. */
    const requery = (change: Partial<PatientListParams>): void =>
      patchState(store, { query: { ...store.query(), page: 1, ...change } });

    return {
      load,
      /** Shows the first page of patients whose name or MRN starts with `q`. */
      search(q: string): void {
        requery({ q });
      },
      /** Shows only patients whose latest episode is in `stage` (null: every patient). */
      filterByStage(stage: Stage | null): void {
        requery({ stage });
      },
      /** Sorts by a column; an empty direction goes back to the default, by name. */
      sortBy(sort: PatientSort, dir: 'asc' | 'desc' | ''): void {
        requery(dir ? { sort, dir } : { sort: 'name', dir: 'asc' });
      },
      /** Shows another page (1-based) or page size. */
      showPage(page: number, pageSize: number): void {
        patchState(store, { query: { ...store.query(), page, pageSize } });
      },
      /** Fetches the current page again. */
      reload(): void {
        load(store.query());
      },
      /** Registers a patient; the page decides where to go next. */
      register(body: PatientCreate): Promise<WriteResult<PatientView>> {
        return attempt(() => api.create(body));
      },
    };
  }),
  withHooks({
    onInit(store) {
      // Every change of query fetches that page.
      store.load(store.query);
    },
  }),
);
