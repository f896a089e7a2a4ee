import { inject } from '@angular/core';
import { patchState, signalStore, withHooks, withMethods, withState } from '@ngrx/signals';
import { addDays, type OutcomesQuery, type OutcomesReport } from '@domain';
import { problemMessage, toProblem } from '../../../core/problem.ts';
import { OutcomesApi } from './outcomes-api.ts';
import { todayLocal } from '../../../shared/format/date-format.ts';

interface OutcomesState {
  query: OutcomesQuery;
  report: OutcomesReport | null;
  loading: boolean;
  loadError: string | null;
}

const today = todayLocal();

/** The outcomes page's cohort: its filters and figures (the last 12 months of MBBs to start). */
export const OutcomesStore = signalStore(
  withState<OutcomesState>({ query: { from: addDays(today, -365), to: today, kind: 'mbb' }, report: null, loading: false, loadError: null }),
  withMethods((store, api = inject(OutcomesApi)) => ({
    async load(query = store.query()): Promise<void> {
      patchState(store, { query, loading: true, loadError: null });
      try {
        patchState(store, { report: await api.load(query), loading: false });
      } catch (error) {
        patchState(store, { loading: false, loadError: problemMessage(toProblem(error)) });
      }
    },
  })),
  withHooks({ onInit: (store) => void store.load() }),
);
