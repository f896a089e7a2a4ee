import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import type { DurabilityView, PlannedProcedureCreate, PlannedProcedureView } from '@domain';
import { attempt, notLoaded, type WriteResult } from '../../../core/write-result.ts';
import { BookingsApi } from './bookings-api.ts';

interface BookingsState {
  episodeId: string | null;
  bookings: PlannedProcedureView[];
  durability: DurabilityView;
  performers: { id: string; name: string }[];
}

const initialState: BookingsState = {
  episodeId: null,
  bookings: [],
  durability: [],
  performers: [],
};

/** One episode's bookings (planned procedures) and RFA durability, for the patient page (issue 12). */
export const EpisodeBookingsStore = signalStore(
  withState(initialState),
  withMethods((store, api = inject(BookingsApi)) => {
    let performersAsked = false;
    /** Runs a write on a booking, then shows the episode's bookings as they now are (also after a conflict). */
    const change = async (
      write: () => Promise<PlannedProcedureView>,
    ): Promise<WriteResult<PlannedProcedureView>> => {
      const result = await attempt(write);
      const episodeId = store.episodeId();
      if (episodeId && (result.ok || result.conflict))
        patchState(store, { bookings: await api.list(episodeId).catch(() => store.bookings()) });
      return result;
    };
    const booking = (id: string) => store.bookings().find((b) => b.id === id);
    return {
      /** Shows the episode's bookings and durability as the patient page call gave them (no request). */
      seed(episodeId: string, bookings: PlannedProcedureView[], durability: DurabilityView): void {
        patchState(store, { episodeId, bookings, durability });
      },
      /** The physicians a booking may name, fetched once, when a booking is first made. */
      async loadPerformers(): Promise<void> {
        if (performersAsked) return;
        performersAsked = true;
        try {
          patchState(store, { performers: await api.performers() });
        } catch {
          performersAsked = false; // the dialog still books without a performer; ask again next time
        }
      },
      check(body: PlannedProcedureCreate): Promise<WriteResult<PlannedProcedureView['checks']>> {
        const episodeId = store.episodeId();
        return episodeId ? attempt(() => api.check(episodeId, body)) : Promise.resolve(notLoaded('The episode'));
      },
      book(body: PlannedProcedureCreate): Promise<WriteResult<PlannedProcedureView>> {
        const episodeId = store.episodeId();
        return episodeId ? change(() => api.book(episodeId, body)) : Promise.resolve(notLoaded('The episode'));
      },
      reschedule(id: string, plannedDate: string, reason: string): Promise<WriteResult<PlannedProcedureView>> {
        const b = booking(id);
        return b
          ? change(() => api.reschedule(id, { version: b.version, plannedDate, reason }))
          : Promise.resolve(notLoaded('The booking'));
      },
      cancel(id: string, reason: string): Promise<WriteResult<PlannedProcedureView>> {
        const b = booking(id);
        return b ? change(() => api.cancel(id, { version: b.version, reason })) : Promise.resolve(notLoaded('The booking'));
      },
    };
  }),
);
