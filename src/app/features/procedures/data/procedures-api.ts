import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type {
  AssessmentView,
  EnteredInError,
  EpisodeReport,
  EpisodeView,
  PayerCheck,
  PainDiary,
  PainScoreCreate,
  PainScoreView,
  PlannedProcedureView,
  DurabilityView,
  FollowUpView,
  ProcedureCreate,
  ProcedureView,
  RuleSetView,
} from '@domain';

const episodeUrl = (id: string) => `/api/v1/episodes/${encodeURIComponent(id)}`;
const procedureUrl = (id: string) => `/api/v1/procedures/${encodeURIComponent(id)}`;

/** The procedure, diary and assessment endpoints; errors arrive as HttpErrorResponse carrying a Problem. */
@Injectable({ providedIn: 'root' })
export class ProceduresApi {
  private readonly http = inject(HttpClient);

  /** GET /api/v1/procedures/:id/follow-ups (issue 12). */
  followUps(id: string): Promise<FollowUpView[]> {
    return firstValueFrom(this.http.get<FollowUpView[]>(`${procedureUrl(id)}/follow-ups`));
  }

  /** GET /api/v1/episodes/:id/rfa-durability: each RFA's relief at 3, 6 and 12 months. */
  durability(episodeId: string): Promise<DurabilityView> {
    return firstValueFrom(this.http.get<DurabilityView>(`${episodeUrl(episodeId)}/rfa-durability`));
  }

  /** GET /api/v1/planned-procedures/:id: the booking a recording performs. */
  planned(id: string): Promise<PlannedProcedureView> {
    return firstValueFrom(this.http.get<PlannedProcedureView>(`/api/v1/planned-procedures/${encodeURIComponent(id)}`));
  }

  /** GET /api/v1/episodes/:id (its region gives the facet levels). */
  episode(id: string): Promise<EpisodeView> {
    return firstValueFrom(this.http.get<EpisodeView>(episodeUrl(id)));
  }

  /** GET /api/v1/episodes/:id/procedures, newest first. */
  listForEpisode(episodeId: string): Promise<ProcedureView[]> {
    return firstValueFrom(this.http.get<ProcedureView[]>(`${episodeUrl(episodeId)}/procedures`));
  }

  /** POST /api/v1/episodes/:id/procedures (physicians). */
  create(episodeId: string, body: ProcedureCreate): Promise<ProcedureView> {
    return firstValueFrom(this.http.post<ProcedureView>(`${episodeUrl(episodeId)}/procedures`, body));
  }

  /** POST /api/v1/episodes/:id/procedures/check: the checks a planned procedure would newly fail. */
  checkPlanned(episodeId: string, body: ProcedureCreate): Promise<{ failing: PayerCheck[] }> {
    return firstValueFrom(this.http.post<{ failing: PayerCheck[] }>(`${episodeUrl(episodeId)}/procedures/check`, body));
  }

  /** GET /api/v1/episodes/:id/report */
  report(episodeId: string): Promise<EpisodeReport> {
    return firstValueFrom(this.http.get<EpisodeReport>(`${episodeUrl(episodeId)}/report`));
  }

  /** GET /api/v1/procedures/:id */
  procedure(id: string): Promise<ProcedureView> {
    return firstValueFrom(this.http.get<ProcedureView>(procedureUrl(id)));
  }

  /** POST /api/v1/procedures/:id/entered-in-error (physicians). */
  markProcedureInError(id: string, body: EnteredInError): Promise<void> {
    return firstValueFrom(this.http.post<void>(`${procedureUrl(id)}/entered-in-error`, body));
  }

  /** GET /api/v1/procedures/:id/pain-scores */
  diary(id: string): Promise<PainDiary> {
    return firstValueFrom(this.http.get<PainDiary>(`${procedureUrl(id)}/pain-scores`));
  }

  /** POST /api/v1/procedures/:id/pain-scores */
  addScore(id: string, body: PainScoreCreate): Promise<PainScoreView> {
    return firstValueFrom(this.http.post<PainScoreView>(`${procedureUrl(id)}/pain-scores`, body));
  }

  /** POST /api/v1/pain-scores/:id/entered-in-error */
  markScoreInError(id: string, body: EnteredInError): Promise<void> {
    return firstValueFrom(
      this.http.post<void>(`/api/v1/pain-scores/${encodeURIComponent(id)}/entered-in-error`, body),
    );
  }

  /** GET /api/v1/procedures/:id/assessment */
  assessment(id: string): Promise<AssessmentView> {
    return firstValueFrom(this.http.get<AssessmentView>(`${procedureUrl(id)}/assessment`));
  }

  /** GET /api/v1/rule-sets (for the threshold of the rule set an assessment names). */
  ruleSets(): Promise<RuleSetView[]> {
    return firstValueFrom(this.http.get<RuleSetView[]>('/api/v1/rule-sets'));
  }

  /** POST /api/v1/procedures/:id/interpretation (physicians): a new signed version. */
  sign(id: string, text: string): Promise<ProcedureView> {
    return firstValueFrom(this.http.post<ProcedureView>(`${procedureUrl(id)}/interpretation`, { text }));
  }
}
