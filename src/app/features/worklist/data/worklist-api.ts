import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type {
  FollowUpResult, FollowUpView, OverdueDigest, PlannedProcedureView, ProcedureView, Region, WorklistView,
} from '@domain';

/** What the worklist asks the server for: the day, filters and one page per section. */
export interface WorklistQuery {
  date: string | null;
  providerId: string | null;
  region: Region | null;
  pageSize: number;
  overduePage: number;
  dueTodayPage: number;
  upcomingPage: number;
}

/** The worklist, follow-up and booking endpoints (issue 12); errors arrive as HttpErrorResponse carrying a Problem. */
@Injectable({ providedIn: 'root' })
export class WorklistApi {
  private readonly http = inject(HttpClient);

  worklist(q: WorklistQuery): Promise<WorklistView> {
    let params = new HttpParams().set('pageSize', q.pageSize).set('overduePage', q.overduePage).set('dueTodayPage', q.dueTodayPage).set('upcomingPage', q.upcomingPage);
    if (q.date) params = params.set('date', q.date);
    if (q.providerId) params = params.set('providerId', q.providerId);
    if (q.region) params = params.set('region', q.region);
    return firstValueFrom(this.http.get<WorklistView>('/api/v1/worklist', { params }));
  }

  followUp(id: string): Promise<FollowUpView> {
    return firstValueFrom(this.http.get<FollowUpView>(`/api/v1/follow-ups/${encodeURIComponent(id)}`));
  }

  procedure(id: string): Promise<ProcedureView> {
    return firstValueFrom(this.http.get<ProcedureView>(`/api/v1/procedures/${encodeURIComponent(id)}`));
  }

  recordFollowUp(id: string, result: FollowUpResult): Promise<FollowUpView> {
    return firstValueFrom(this.http.post<FollowUpView>(`/api/v1/follow-ups/${encodeURIComponent(id)}/result`, result));
  }

  rescheduleFollowUp(id: string, body: { version: number; dueDate: string; reason: string }): Promise<FollowUpView> {
    return firstValueFrom(this.http.post<FollowUpView>(`/api/v1/follow-ups/${encodeURIComponent(id)}/reschedule`, body));
  }

  cancelFollowUp(id: string, body: { version: number; reason: string }): Promise<FollowUpView> {
    return firstValueFrom(this.http.post<FollowUpView>(`/api/v1/follow-ups/${encodeURIComponent(id)}/cancel`, body));
  }

  planned(id: string): Promise<PlannedProcedureView> {
    return firstValueFrom(this.http.get<PlannedProcedureView>(`/api/v1/planned-procedures/${encodeURIComponent(id)}`));
  }

  recordBaseline(id: string, body: { score: number; context: 'rest' | 'activity' }): Promise<PlannedProcedureView> {
    return firstValueFrom(this.http.post<PlannedProcedureView>(`/api/v1/planned-procedures/${encodeURIComponent(id)}/baseline`, body));
  }

  digest(): Promise<OverdueDigest> {
    return firstValueFrom(this.http.get<OverdueDigest>('/api/v1/reports/overdue-digest'));
  }
}
