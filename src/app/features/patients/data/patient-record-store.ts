import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { type EpisodeChecks, type EpisodeCreate, type EpisodePage, type EpisodeRecord, type EpisodeView, EpisodeViewSchema, type PainTimeline, type PatientUpdate, type PatientView, PatientViewSchema, type Stage, type TherapyCreate } from '@domain';
import { problemMessage, toProblem } from '../../../core/problem.ts';
import { attempt, type WriteResult } from '../../../core/write-result.ts';
import { type CorrectableKind, type FunctionScoreCreate, PatientsApi, type RunningCheckCreate } from './patients-api.ts';

/** A patient edit as the form sends it; the store adds the version the user started from. */
export type PatientChange = Omit<PatientUpdate, 'version'>;

interface PatientRecordState {
  patient: PatientView | null;
  /** Newest first, as the server sends them. */
  episodes: EpisodeView[];
  selectedEpisodeId: string | null;
  record: EpisodeRecord | null;
  loading: boolean;
  loadError: string | null;
  recordLoading: boolean;
  recordError: string | null;
  /** The selected episode's payer-rule checks and next step. */
  checks: EpisodeChecks | null;
  checksError: string | null;
  /** The selected episode's pain timeline for the chart. */
  timeline: PainTimeline | null;
  timelineError: string | null;
  /** The selected episode's bookings and RFA durability, as the page call gave them (for the bookings panel). */
  bookings: EpisodeBookingsSeed | null;
}

/** An episode's bookings and RFA durability as the patient page call gives them. */
export interface EpisodeBookingsSeed {
  episodeId: string;
  plannedProcedures: EpisodePage['plannedProcedures'];
  rfaDurability: EpisodePage['rfaDurability'];
}

const initialState: PatientRecordState = {
  patient: null,
  episodes: [],
  selectedEpisodeId: null,
  record: null,
  loading: false,
  loadError: null,
  recordLoading: false,
  recordError: null,
  checks: null,
  checksError: null,
  timeline: null,
  timelineError: null,
  bookings: null,
};

/** One patient's page: demographics, episodes, and the care recorded on the selected episode. */
export const PatientRecordStore = signalStore(
  withState(initialState),
  withComputed(({ episodes, selectedEpisodeId, patient }) => ({
    selectedEpisode: computed(() => episodes().find((e) => e.id === selectedEpisodeId()) ?? null),
    /** The stage of the newest episode, as the list shows it. */
    currentStage: computed<Stage | null>(() => episodes()[0]?.stage ?? patient()?.currentStage ?? null),
  })),
  withMethods((store, api = inject(PatientsApi)) => {
    /** Shows an episode's page (record, checks, pain timeline, bookings), as one call answered it. */
    const show = (episodeId: string, page: EpisodePage): void =>
      patchState(store, {
        recordLoading: false,
        record: page.record,
        checks: page.checks,
        timeline: page.painTimeline,
        bookings: { episodeId, plannedProcedures: page.plannedProcedures, rfaDurability: page.rfaDurability },
        episodes: store.episodes().map((e) => (e.id === episodeId ? page.record.episode : e)),
      });

    /** The episode's page in one call (issue 11: it took five); a failure says why where each part would show. */
    const loadRecord = async (episodeId: string): Promise<void> => {
      patchState(store, { recordLoading: true, recordError: null, checksError: null, timelineError: null });
      try {
        const page = await api.episodePage(episodeId);
        // The user may have picked another episode meanwhile: keep only the answer for the one shown.
        if (store.selectedEpisodeId() === episodeId) show(episodeId, page);
      } catch (error) {
        if (store.selectedEpisodeId() !== episodeId) return;
        const message = problemMessage(toProblem(error));
        patchState(store, { recordLoading: false, recordError: message, checksError: message, timelineError: message });
      }
    };

    const select = (episodeId: string | null): Promise<void> => {
      patchState(store, { selectedEpisodeId: episodeId, record: null, checks: null, timeline: null, bookings: null });
      return episodeId ? loadRecord(episodeId) : Promise.resolve();
    };

    const replaceEpisode = (episode: EpisodeView): void =>
      patchState(store, { episodes: store.episodes().map((e) => (e.id === episode.id ? episode : e)) });

    /** Runs a write on the selected episode's record and reloads the record when it worked. */
    const recordWrite = async <T>(write: (episodeId: string) => Promise<T>): Promise<WriteResult<T>> => {
      const episodeId = store.selectedEpisodeId();
      if (!episodeId) return { ok: false, conflict: false, problem: { status: 0, title: 'No episode selected' } };
      const result = await attempt(() => write(episodeId));
      // A conflict means the record changed under the user: show what is there now either way.
      if (result.ok || result.conflict) await loadRecord(episodeId);
      return result;
    };

    return {
      /** Loads the patient, their episodes and the newest episode's page, in one call. */
      async open(patientId: string): Promise<void> {
        patchState(store, { ...initialState, loading: true });
        try {
          const { patient, episodes, newest } = await api.page(patientId);
          const episodeId = episodes[0]?.id ?? null;
          patchState(store, { patient, episodes, loading: false, selectedEpisodeId: episodeId });
          if (episodeId && newest) show(episodeId, newest);
        } catch (error) {
          patchState(store, { loading: false, loadError: problemMessage(toProblem(error)) });
        }
      },
      /** Shows another episode's record. */
      selectEpisode(episodeId: string): Promise<void> {
        return select(episodeId);
      },
      /** Fetches the selected episode's record again. */
      async reloadRecord(): Promise<void> {
        const episodeId = store.selectedEpisodeId();
        if (episodeId) await loadRecord(episodeId);
      },
      /**
       * Saves an edit on top of `version` (the one the user's form is based on). On a version
       * conflict the page's patient becomes the other person's saved version, returned as `current`.
       */
      async updatePatient(change: PatientChange, version: number): Promise<WriteResult<PatientView, PatientView>> {
        const patient = store.patient();
        if (!patient) return { ok: false, conflict: false, problem: { status: 0, title: 'No patient loaded' } };
        const result = await attempt(() => api.update(patient.id, { ...change, version }));
        if (result.ok) {
          patchState(store, { patient: result.value });
          return result;
        }
        const current = PatientViewSchema.safeParse(result.problem.current);
        if (result.conflict && current.success) {
          patchState(store, { patient: current.data });
          return { ...result, current: current.data };
        }
        return result;
      },
      /** Opens an episode and shows it. */
      async openEpisode(body: EpisodeCreate): Promise<WriteResult<EpisodeView>> {
        const patient = store.patient();
        if (!patient) return { ok: false, conflict: false, problem: { status: 0, title: 'No patient loaded' } };
        const result = await attempt(() => api.openEpisode(patient.id, body));
        if (result.ok) {
          patchState(store, { episodes: [result.value, ...store.episodes()] });
          await select(result.value.id);
        }
        return result;
      },
      /** Moves the selected episode to `to`, with the version shown; a conflict shows the current episode. */
      async moveStage(to: Stage, reason: string | null): Promise<WriteResult<EpisodeView>> {
        const episode = store.selectedEpisode();
        if (!episode) return { ok: false, conflict: false, problem: { status: 0, title: 'No episode selected' } };
        const result = await attempt(() =>
          api.moveStage(episode.id, { version: episode.version, to, ...(reason ? { reason } : {}) }),
        );
        if (result.ok) replaceEpisode(result.value);
        else {
          const current = EpisodeViewSchema.safeParse(result.problem.current);
          if (result.conflict && current.success) replaceEpisode(current.data);
        }
        if (result.ok || result.conflict) await loadRecord(episode.id);
        return result;
      },
      /** Records a conservative-care therapy on the selected episode. */
      addTherapy(body: TherapyCreate) {
        return recordWrite((episodeId) => api.addTherapy(episodeId, body));
      },
      /** Records ODI or NDI section scores on the selected episode. */
      addFunctionScore(body: FunctionScoreCreate) {
        return recordWrite((episodeId) => api.addFunctionScore(episodeId, body));
      },
      /** Records a return-to-running check on the selected episode. */
      addRunningCheck(body: RunningCheckCreate) {
        return recordWrite((episodeId) => api.addRunningCheck(episodeId, body));
      },
      /** Marks a record entered in error (never deleted), with the version shown and a reason. */
      markEnteredInError(kind: CorrectableKind, item: { id: string; version: number }, reason: string) {
        return recordWrite(() => api.markEnteredInError(kind, item.id, { version: item.version, reason }));
      },
    };
  }),
);
