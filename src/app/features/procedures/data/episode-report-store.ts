import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { problemMessage, toProblem } from '../../../core/problem.ts';
import { ProceduresApi } from './procedures-api.ts';
import type { EpisodeReport } from '@domain';

interface EpisodeReportState {
  report: EpisodeReport | null;
  loading: boolean;
  loadError: string | null;
}

const initialState: EpisodeReportState = { report: null, loading: false, loadError: null };

/** The printable documentation report of one episode (one read; the server audits it). */
export const EpisodeReportStore = signalStore(
  withState(initialState),
  withMethods((store, api = inject(ProceduresApi)) => ({
    /** Loads the report as of now. */
    async load(episodeId: string): Promise<void> {
      patchState(store, { ...initialState, loading: true });
      try {
        patchState(store, { report: await api.report(episodeId), loading: false });
      } catch (error) {
        patchState(store, { loading: false, loadError: problemMessage(toProblem(error)) });
      }
    },
  })),
);
