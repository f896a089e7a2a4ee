import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withHooks, withMethods, withState } from '@ngrx/signals';
import type { BulkExportJob } from '@domain';
import { problemMessage, toProblem } from '../../../core/problem.ts';
import { ExportsApi } from './exports-api.ts';

interface ExportsState {
  jobs: BulkExportJob[];
  loading: boolean;
  loadError: string | null;
  startError: string | null;
}

/** How often progress is read while a job runs. */
export const EXPORT_POLL_MS = 1000;

/** Practice bulk exports: the recent jobs, starting one, and progress while it runs. */
export const ExportsStore = signalStore(
  withState<ExportsState>({ jobs: [], loading: false, loadError: null, startError: null }),
  withComputed((store) => ({
    running: computed(() => store.jobs().find((j) => j.status === 'running') ?? null),
  })),
  withMethods((store, api = inject(ExportsApi)) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = async (): Promise<void> => {
      patchState(store, { loading: store.jobs().length === 0, loadError: null });
      try {
        patchState(store, { jobs: await api.list(), loading: false });
      } catch (error) {
        patchState(store, { loading: false, loadError: problemMessage(toProblem(error)) });
      }
      // Keep reading progress while a job runs; stop as soon as none does.
      if (timer) clearTimeout(timer);
      timer = store.jobs().some((j) => j.status === 'running') ? setTimeout(() => void load(), EXPORT_POLL_MS) : null;
    };
    return {
      load,
      async start(): Promise<void> {
        patchState(store, { startError: null });
        try {
          await api.start();
        } catch (error) {
          patchState(store, { startError: problemMessage(toProblem(error)) });
        }
        await load();
      },
      stopPolling(): void {
        if (timer) clearTimeout(timer);
        timer = null;
      },
    };
  }),
  withHooks({
    onInit(store) {
      void store.load();
    },
    onDestroy(store) {
      store.stopPolling();
    },
  }),
);
