import { inject } from '@angular/core';
import { patchState, signalStore, withHooks, withMethods, withState } from '@ngrx/signals';
import { addDays, type PracticeReport } from '@domain';
import { problemMessage, toProblem } from '../../../core/problem.ts';
import { PracticeReportApi } from './practice-report-api.ts';
import { todayLocal } from '../../../shared/format/date-format.ts';

interface PracticeReportState {
  range: { from: string; to: string };
  report: PracticeReport | null;
  loading: boolean;
  loadError: string | null;
}

const today = todayLocal();

/** The practice dashboard's figures for a date range (the last 12 months to start). */
export const PracticeReportStore = signalStore(
  withState<PracticeReportState>({ range: { from: addDays(today, -365), to: today }, report: null, loading: false, loadError: null }),
  withMethods((store, api = inject(PracticeReportApi)) => ({
    async load(range = store.range()): Promise<void> {
      patchState(store, { range, loading: true, loadError: null });
      try {
        patchState(store, { report: await api.load(range), loading: false });
      } catch (error) {
        patchState(store, { loading: false, loadError: problemMessage(toProblem(error)) });
      }
    },
  })),
  withHooks({ onInit: (store) => void store.load() }),
);
