import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import type { PlannedProcedureView } from '@domain';
import type {
  AssessmentView,
  BlockVerdict,
  EpisodeView,
  PayerCheck,
  ProcedureCreate,
  ProcedureView,
} from '@domain';
import { problemMessage, toProblem } from '../../../core/problem.ts';
import { attempt, notLoaded, type WriteResult } from '../../../core/write-result.ts';
import { ProceduresApi } from './procedures-api.ts';

interface EpisodeProceduresState {
  episode: EpisodeView | null;
  procedures: ProcedureView[];
  /** Each live procedure's assessment under the episode's rule set, by procedure id, once fetched. */
  assessments: Record<string, AssessmentView>;
  loading: boolean;
  /** Why the episode or its procedures could not be loaded, or null. */
  loadError: string | null;
}

const initialState: EpisodeProceduresState = {
  episode: null,
  procedures: [],
  assessments: {},
  loading: false,
  loadError: null,
};

/** One episode's procedures (the list) and recording a new one (the form). */
export const EpisodeProceduresStore = signalStore(
  withState(initialState),
  withComputed(({ assessments }) => ({
    /** The current verdict of each procedure's diary, by procedure id. */
    verdicts: computed(() =>
      Object.fromEntries(Object.entries(assessments()).map(([id, a]) => [id, a.verdict])) as Record<string, BlockVerdict>,
    ),
  })),
  withMethods((store, api = inject(ProceduresApi)) => {
    /** Fetches each live procedure's assessment; one that fails just shows none. */
    const loadAssessments = async (procedures: readonly ProcedureView[]): Promise<void> => {
      const live = procedures.filter((p) => !p.enteredInError);
      const results = await Promise.allSettled(live.map((p) => api.assessment(p.id)));
      const assessments: Record<string, AssessmentView> = {};
      results.forEach((result, i) => {
        if (result.status === 'fulfilled') assessments[live[i]!.id] = result.value;
      });
      patchState(store, { assessments });
    };

    return {
      /** Loads the episode and, unless `episodeOnly`, its procedures and their verdicts. */
      async load(episodeId: string, episodeOnly = false): Promise<void> {
        patchState(store, { loading: true, loadError: null });
        try {
          const [episode, procedures] = await Promise.all([
            api.episode(episodeId),
            episodeOnly ? Promise.resolve([]) : api.listForEpisode(episodeId),
          ]);
          patchState(store, { episode, procedures, loading: false });
          if (!episodeOnly) await loadAssessments(procedures);
        } catch (error) {
          patchState(store, { loading: false, loadError: problemMessage(toProblem(error)) });
        }
      },

      /** The payer-rule checks a planned procedure would newly fail (a dry run: nothing is saved). */
      async check(body: ProcedureCreate): Promise<WriteResult<PayerCheck[]>> {
        const episode = store.episode();
        if (!episode) return notLoaded('The episode');
        return attempt(async () => (await api.checkPlanned(episode.id, body)).failing);
      },

      /** The booking a recording performs (issue 12), to prefill the form; null when it cannot be read. */
      async planned(id: string): Promise<PlannedProcedureView | null> {
        return api.planned(id).catch(() => null);
      },

      /** Records a procedure on the loaded episode. */
      async create(body: ProcedureCreate): Promise<WriteResult<ProcedureView>> {
        const episode = store.episode();
        if (!episode) return notLoaded('The episode');
        const result = await attempt(() => api.create(episode.id, body));
        if (result.ok) patchState(store, { procedures: [result.value, ...store.procedures()] });
        return result;
      },
    };
  }),
);
