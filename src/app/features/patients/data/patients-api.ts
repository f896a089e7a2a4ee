import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom, type Observable } from 'rxjs';
import type { z } from 'zod';
import type {
  EpisodeCreate,
  EpisodePage,
  EpisodeView,
  FunctionScoreCreateSchema,
  FunctionScoreView,
  Page,
  PatientCreate,
  PatientListQuery,
  PatientPage,
  PatientUpdate,
  PatientView,
  RunningCheckCreateSchema,
  RunningCheckView,
  Stage,
  TherapyCreate,
  TherapyView,
} from '@domain';

/** POST /episodes/:id/function-scores body, derived from the domain schema. */
export type FunctionScoreCreate = z.input<typeof FunctionScoreCreateSchema>;
/** POST /episodes/:id/running-checks body, derived from the domain schema. */
export type RunningCheckCreate = z.input<typeof RunningCheckCreateSchema>;

/** Who marked a record entered-in-error, when and why; null while the record stands. */
export type EnteredInErrorMark = TherapyView['enteredInError'];

/** The kinds of record that are corrected by an entered-in-error mark, named as in their URLs. */
export type CorrectableKind = 'therapies' | 'function-scores' | 'running-checks';

const id = encodeURIComponent;

/** The patient, episode and care-record endpoints; errors arrive as HttpErrorResponse carrying a Problem. */
@Injectable({ providedIn: 'root' })
export class PatientsApi {
  private readonly http = inject(HttpClient);

  /** POST /api/v1/patients/search with the query's search, stage filter, sort and page in the body, so names stay out of URLs. */
  list(query: PatientListQuery): Observable<Page<PatientView>> {
    const body = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== null && value !== ''));
    return this.http.post<Page<PatientView>>('/api/v1/patients/search', body);
  }

  /** POST /api/v1/patients */
  create(body: PatientCreate): Promise<PatientView> {
    return firstValueFrom(this.http.post<PatientView>('/api/v1/patients', body));
  }

  /** GET /api/v1/patients/:id/page: the patient, their episodes and the newest one's page, in one call. */
  page(patientId: string): Promise<PatientPage> {
    return firstValueFrom(this.http.get<PatientPage>(`/api/v1/patients/${id(patientId)}/page`));
  }

  /** GET /api/v1/episodes/:id/page: the record, checks, pain timeline, bookings and RFA durability. */
  episodePage(episodeId: string): Promise<EpisodePage> {
    return firstValueFrom(this.http.get<EpisodePage>(`/api/v1/episodes/${id(episodeId)}/page`));
  }

  /** PATCH /api/v1/patients/:id with the version the user saw. */
  update(patientId: string, body: PatientUpdate): Promise<PatientView> {
    return firstValueFrom(this.http.patch<PatientView>(`/api/v1/patients/${id(patientId)}`, body));
  }

  /** POST /api/v1/patients/:id/episodes */
  openEpisode(patientId: string, body: EpisodeCreate): Promise<EpisodeView> {
    return firstValueFrom(this.http.post<EpisodeView>(`/api/v1/patients/${id(patientId)}/episodes`, body));
  }

  /** POST /api/v1/episodes/:id/stage */
  moveStage(episodeId: string, body: { version: number; to: Stage; reason?: string | null }): Promise<EpisodeView> {
    return firstValueFrom(this.http.post<EpisodeView>(`/api/v1/episodes/${id(episodeId)}/stage`, body));
  }

  /** POST /api/v1/episodes/:id/therapies */
  addTherapy(episodeId: string, body: TherapyCreate): Promise<TherapyView> {
    return firstValueFrom(this.http.post<TherapyView>(`/api/v1/episodes/${id(episodeId)}/therapies`, body));
  }

  /** POST /api/v1/episodes/:id/function-scores */
  addFunctionScore(episodeId: string, body: FunctionScoreCreate): Promise<FunctionScoreView> {
    return firstValueFrom(this.http.post<FunctionScoreView>(`/api/v1/episodes/${id(episodeId)}/function-scores`, body));
  }

  /** POST /api/v1/episodes/:id/running-checks */
  addRunningCheck(episodeId: string, body: RunningCheckCreate): Promise<RunningCheckView> {
    return firstValueFrom(this.http.post<RunningCheckView>(`/api/v1/episodes/${id(episodeId)}/running-checks`, body));
  }

  /** POST /api/v1/{therapies|function-scores|running-checks}/:id/entered-in-error */
  markEnteredInError(kind: CorrectableKind, recordId: string, body: { version: number; reason: string }): Promise<void> {
    return firstValueFrom(this.http.post<void>(`/api/v1/${kind}/${id(recordId)}/entered-in-error`, body));
  }
}
