import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import type { FollowUpResult, FollowUpView, PlannedProcedureView, ProcedureView } from '@domain';
import { problemMessage, toProblem } from '../../../core/problem.ts';
import { attempt, notLoaded, type WriteResult } from '../../../core/write-result.ts';
import { WorklistApi } from './worklist-api.ts';

interface EntryState {
  followUp: FollowUpView | null;
  procedure: ProcedureView | null;
  planned: PlannedProcedureView | null;
  loading: boolean;
  loadError: string | null;
}

const initialState: EntryState = { followUp: null, procedure: null, planned: null, loading: false, loadError: null };

/** One worklist entry screen's record: a follow-up with its procedure, or a booked procedure. */
export const EntryStore = signalStore(
  withState(initialState),
  withMethods((store, api = inject(WorklistApi)) => ({
    async loadFollowUp(id: string): Promise<void> {
      patchState(store, { ...initialState, loading: true });
      try {
        const followUp = await api.followUp(id);
        patchState(store, { followUp, procedure: await api.procedure(followUp.procedureId), loading: false });
      } catch (error) {
        patchState(store, { loading: false, loadError: problemMessage(toProblem(error)) });
      }
    },
    async loadPlanned(id: string): Promise<void> {
      patchState(store, { ...initialState, loading: true });
      try {
        patchState(store, { planned: await api.planned(id), loading: false });
      } catch (error) {
        patchState(store, { loading: false, loadError: problemMessage(toProblem(error)) });
      }
    },
    async recordFollowUp(result: FollowUpResult): Promise<WriteResult<FollowUpView>> {
      const id = store.followUp()?.id;
      const outcome = await attempt(() => api.recordFollowUp(id!, result));
      if (outcome.ok) patchState(store, { followUp: outcome.value });
      return outcome;
    },
    /** Moves or cancels the follow-up with a reason (kept in its history); after a conflict the current one shows. */
    async changeFollowUp(change: { dueDate: string; reason: string } | { reason: string }): Promise<WriteResult<FollowUpView>> {
      const f = store.followUp();
      if (!f) return notLoaded('The follow-up');
      const outcome = await attempt(() =>
        'dueDate' in change
          ? api.rescheduleFollowUp(f.id, { version: f.version, ...change })
          : api.cancelFollowUp(f.id, { version: f.version, ...change }),
      );
      if (outcome.ok) patchState(store, { followUp: outcome.value });
      else if (outcome.conflict) patchState(store, { followUp: await api.followUp(f.id).catch(() => f) });
      return outcome;
    },
    async recordBaseline(score: number, context: 'rest' | 'activity'): Promise<WriteResult<PlannedProcedureView>> {
      const id = store.planned()?.id;
      const outcome = await attempt(() => api.recordBaseline(id!, { score, context }));
      if (outcome.ok) patchState(store, { planned: outcome.value });
      return outcome;
    },
  })),
);
