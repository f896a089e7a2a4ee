import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import type { Region, WorklistRow, WorklistView } from '@domain';
import { problemMessage, toProblem } from '../../../core/problem.ts';
import { WorklistApi, type WorklistQuery } from './worklist-api.ts';

export type WorklistSectionKey = 'overdue' | 'dueToday' | 'upcoming';

interface WorklistState {
  query: WorklistQuery;
  view: WorklistView | null;
  loading: boolean;
  loadError: string | null;
  /** Row keys in the order last shown, so a saved row's next one can take the focus on return. */
  order: string[];
}

const initialState: WorklistState = {
  query: { date: null, providerId: null, region: null, pageSize: 25, overduePage: 1, dueTodayPage: 1, upcomingPage: 1 },
  view: null,
  loading: false,
  loadError: null,
  order: [],
};

/** The nurse's worklist (issue 12): three server-paged sections, filters, and the row after a saved one. */
export const WorklistStore = signalStore(
  withState(initialState),
  withComputed(({ view }) => ({
    /** Nothing overdue, due or upcoming: the day is clear. */
    clear: computed(() => {
      const v = view();
      return !!v && v.totals.overdue + v.totals.dueToday + v.totals.upcoming === 0;
    }),
  })),
  withMethods((store, api = inject(WorklistApi)) => {
    const load = async (): Promise<void> => {
      patchState(store, { loading: true, loadError: null });
      try {
        const view = await api.worklist(store.query());
        patchState(store, { view, loading: false, order: [...view.overdue, ...view.dueToday, ...view.upcoming].map((r) => r.key) });
      } catch (error) {
        patchState(store, { loading: false, loadError: problemMessage(toProblem(error)) });
      }
    };
    const setQuery = (change: Partial<WorklistQuery>) => {
      patchState(store, { query: { ...store.query(), ...change } });
      return load();
    };
    return {
      load,
      /**
       * A quiet reload for the page's timer (scores patients enter at home, rows other nurses finish):
       * no progress bar, and the rows shown stay when the network blips.
       */
      async refresh(): Promise<void> {
        try {
          const view = await api.worklist(store.query());
          patchState(store, { view, order: [...view.overdue, ...view.dueToday, ...view.upcoming].map((r) => r.key) });
        } catch {
          // Keep what is shown; the next tick or a reload tries again.
        }
      },
      filter(providerId: string | null, region: Region | null): Promise<void> {
        return setQuery({ providerId, region, overduePage: 1, dueTodayPage: 1, upcomingPage: 1 });
      },
      showPage(section: WorklistSectionKey, page: number, pageSize: number): Promise<void> {
        return setQuery({ [`${section}Page`]: page, pageSize } as Partial<WorklistQuery>);
      },
      /** The key of the row shown after `key` last time (the next task once `key` is done), or null. */
      nextAfter(key: string): string | null {
        const order = store.order();
        const i = order.indexOf(key);
        return i >= 0 ? order[i + 1] ?? null : null;
      },
      /** Every row currently shown, in order. */
      rows(): WorklistRow[] {
        const v = store.view();
        return v ? [...v.overdue, ...v.dueToday, ...v.upcoming] : [];
      },
    };
  }),
);
