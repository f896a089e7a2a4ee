import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import {
  type AssessmentView,
  type DurabilityView,
  type FollowUpView,
  nextDiaryPoint,
  type PainScoreCreate,
  type PainScoreView,
  type ProcedureView,
  type RuleSetSettings,
} from '@domain';
import { problemMessage, toProblem } from '../../../core/problem.ts';
import { attempt, notLoaded, type WriteResult } from '../../../core/write-result.ts';
import type { PainDiary } from '@domain';
import { ProceduresApi } from './procedures-api.ts';

/** The rule-set settings the chart and verdict card need. */
export type ThresholdSettings = Pick<RuleSetSettings, 'positiveThresholdPercent' | 'thresholdExclusive'>;

interface ProcedureState {
  procedure: ProcedureView | null;
  diary: PainDiary | null;
  assessment: AssessmentView | null;
  threshold: ThresholdSettings | null;
  loading: boolean;
  loadError: string | null;
  /** Why the assessment could not be loaded (the rest of the page still shows), or null. */
  assessmentError: string | null;
  /** Follow-ups and, for an RFA, its durability milestones (issue 12, physician view). */
  followUps: FollowUpView[];
  durability: DurabilityView[number]['milestones'] | null;
}

const initialState: ProcedureState = {
  procedure: null,
  diary: null,
  assessment: null,
  threshold: null,
  loading: false,
  loadError: null,
  assessmentError: null,
  followUps: [],
  durability: null,
};

/** One procedure: its diary, its assessment under the episode's rule set, and the writes on them. */
export const ProcedureStore = signalStore(
  withState(initialState),
  withComputed(({ diary }) => ({
    /** The time point a nurse should record next (domain nextDiaryPoint). */
    nextPoint: computed(() => {
      const schedule = diary()?.schedule;
      return schedule ? nextDiaryPoint(schedule) : null;
    }),
  })),
  withMethods((store, api = inject(ProceduresApi)) => {
    const loadAssessment = async (id: string): Promise<void> => {
      try {
        // The assessment carries the threshold it was read against: no rule-set list needed to draw one line.
        const assessment = await api.assessment(id);
        const threshold: ThresholdSettings = { positiveThresholdPercent: assessment.threshold.percent, thresholdExclusive: assessment.threshold.exclusive };
        patchState(store, { assessment, threshold, assessmentError: null });
      } catch (error) {
        patchState(store, { assessmentError: problemMessage(toProblem(error)) });
      }
    };

    /** The follow-ups, and an RFA's durability; a failure just shows none. */
    const loadFollowUps = async (procedure: ProcedureView): Promise<void> => {
      const [followUps, durability] = await Promise.all([
        api.followUps(procedure.id).catch(() => []),
        procedure.kind === 'rfa' ? api.durability(procedure.episodeId).catch(() => []) : Promise.resolve([]),
      ]);
      patchState(store, { followUps, durability: durability.find((d) => d.procedureId === procedure.id)?.milestones ?? null });
    };

    /** Fetches the diary again (its schedule moves on with each score) and the assessment if shown. */
    const refresh = async (id: string): Promise<void> => {
      try {
        patchState(store, { diary: await api.diary(id) });
      } catch (error) {
        patchState(store, { loadError: problemMessage(toProblem(error)) });
      }
      if (store.assessment() || store.assessmentError()) await loadAssessment(id);
    };

    return {
      /** Looks again for new scores (patients enter them at home) without clearing the page. */
      async poll(id: string): Promise<void> {
        if (store.procedure()?.id === id && !store.loading()) await refresh(id);
      },

      /** Loads the procedure and its diary, and with `withAssessment` the assessment and threshold. */
      async load(id: string, withAssessment: boolean): Promise<void> {
        patchState(store, { ...initialState, loading: true });
        try {
          const [procedure, diary] = await Promise.all([api.procedure(id), api.diary(id)]);
          patchState(store, { procedure, diary });
          if (withAssessment) await Promise.all([loadAssessment(id), loadFollowUps(procedure)]);
        } catch (error) {
          patchState(store, { loadError: problemMessage(toProblem(error)) });
        }
        patchState(store, { loading: false });
      },

      /** Saves one diary score, then refreshes the diary so the schedule moves on. */
      async saveScore(body: PainScoreCreate): Promise<WriteResult<PainScoreView>> {
        const procedure = store.procedure();
        if (!procedure) return notLoaded('The procedure');
        const result = await attempt(() => api.addScore(procedure.id, body));
        if (result.ok) await refresh(procedure.id);
        return result;
      },

      /** Marks a diary score entered in error, with the reason. */
      async markScoreInError(score: PainScoreView, reason: string): Promise<WriteResult<void>> {
        const result = await attempt(() => api.markScoreInError(score.id, { version: score.version, reason }));
        if (result.ok) await refresh(score.procedureId);
        return result;
      },

      /** Marks the procedure itself entered in error (physicians), with the reason. */
      async markProcedureInError(reason: string): Promise<WriteResult<ProcedureView>> {
        const procedure = store.procedure();
        if (!procedure) return notLoaded('The procedure');
        const marked = await attempt(() => api.markProcedureInError(procedure.id, { version: procedure.version, reason }));
        if (!marked.ok) return marked;
        const reloaded = await attempt(() => api.procedure(procedure.id));
        if (reloaded.ok) patchState(store, { procedure: reloaded.value });
        return reloaded;
      },

      /** Signs the interpretation: a new version each time. */
      async sign(text: string): Promise<WriteResult<ProcedureView>> {
        const procedure = store.procedure();
        if (!procedure) return notLoaded('The procedure');
        const result = await attempt(() => api.sign(procedure.id, text));
        if (result.ok) patchState(store, { procedure: result.value });
        return result;
      },
    };
  }),
);
