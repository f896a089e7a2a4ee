import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import type { PainScoreCreate, PatientDiary, PatientScoreReceipt, Problem } from '@domain';
import { toProblem } from '../../../core/problem.ts';
import { attempt, type WriteResult } from '../../../core/write-result.ts';
import { HomeDiaryApi } from './home-diary-api.ts';

type TimePoint = PatientDiary['timePoints'][number];

interface HomeDiaryState {
  token: string;
  diary: PatientDiary | null;
  loading: boolean;
  /** Why the diary did not open (404/410/429...), as the server's problem. */
  gone: Problem | null;
  /** The time point the patient picked; null follows the one due now. */
  picked: number | null;
}

const initialState: HomeDiaryState = { token: '', diary: null, loading: false, gone: null, picked: null };

/**
 * The point to offer: the one whose time is now (the latest that has begun) while it is incomplete,
 * for instance with one side of a bilateral block still to rate; else the earliest still open.
 */
function openPoint(points: readonly TimePoint[]): TimePoint | null {
  const started = points.filter((p) => p.status !== 'upcoming');
  const now = started.at(-1);
  return now && !now.complete ? now : (started.find((p) => !p.complete) ?? null);
}

/** The patient's diary: what the link may read, the time point being entered, and saving a score. */
export const HomeDiaryStore = signalStore(
  withState(initialState),
  withComputed(({ diary, picked }) => ({
    current: computed(() => {
      const points = diary()?.timePoints ?? [];
      return points.find((p) => p.minutesAfter === picked() && !p.complete && p.status !== 'upcoming') ?? openPoint(points);
    }),
    next: computed(() => diary()?.timePoints.find((p) => p.status === 'upcoming') ?? null),
    complete: computed(() => !!diary() && diary()!.timePoints.every((p) => p.complete)),
  })),
  withMethods((store, api = inject(HomeDiaryApi)) => ({
    async load(token: string): Promise<void> {
      patchState(store, { token, loading: true });
      try {
        patchState(store, { diary: await api.diary(token), gone: null });
      } catch (error) {
        patchState(store, { gone: toProblem(error), diary: null });
      }
      patchState(store, { loading: false });
    },
    pick(minutesAfter: number): void {
      patchState(store, { picked: minutesAfter });
    },
    /** Saves one score, then reloads the time points (what is done moves on). */
    async save(body: PainScoreCreate): Promise<WriteResult<PatientScoreReceipt>> {
      const result = await attempt(() => api.addScore(store.token(), body));
      if (!result.ok && (result.problem.status === 404 || result.problem.status === 410)) patchState(store, { gone: result.problem, diary: null });
      if (result.ok) {
        patchState(store, { picked: body.minutesAfter ?? null });
        try {
          patchState(store, { diary: await api.diary(store.token()) });
        } catch (error) {
          patchState(store, { gone: toProblem(error), diary: null });
        }
      }
      return result;
    },
  })),
);
