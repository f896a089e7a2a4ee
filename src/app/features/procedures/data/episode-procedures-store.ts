import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import type { BlockVerdict, EpisodeView, ProcedureCreate, ProcedureView } from '../../../../../domain/index.ts';
import { problemMessage, toProblem } from '../../../core/problem.ts';
import { attempt, notLoaded, type WriteResult } from './procedure-results.ts';
import { ProceduresApi } from './procedures-api.ts';

interface EpisodeProceduresState {
  episode: EpisodeView | null;
  procedures: ProcedureView[];
  /** The current verdict of each procedure's diary, by procedure id, once fetched. */
  verdicts: Record<string, BlockVerdict>;
  loading: boolean;
  /** Why the episode or its procedures could not be loaded, or null. */
  loadError: string | null;
}

const initialState: EpisodeProceduresState = {
  episode: null,
  procedures: [],
  verdicts: {},
  loading: false,
  loadError: null,
};

/** One episode's procedures (the list) and recording a new one (the form). */
export const EpisodeProceduresStore = signalStore(
  withState(initialState),
  withMethods((store, api = inject(ProceduresApi)) => {
    /** Fetches each live procedure's verdict; one that fails just shows none. */
    const loadVerdicts = async (procedures: readonly ProcedureView[]): Promise<void> => {
      const live = procedures.filter((p) => !p.enteredInError);
      const results = await Promise.allSettled(live.map((p) => api.assessment(p.id)));
      const verdicts: Record<string, BlockVerdict> = {};
      results.forEach((result, i) => {
        if (result.status === 'fulfilled') verdicts[live[i]!.id] = result.value.verdict;
      });
      patchState(store, { verdicts });
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
          if (!episodeOnly) await loadVerdicts(procedures);
        } catch (error) {
          patchState(store, { loading: false, loadError: problemMessage(toProblem(error)) });
        }
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
