import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { PlannedProcedureCreate, PlannedProcedureView } from '@domain';

const episodeUrl = (id: string) => `/api/v1/episodes/${encodeURIComponent(id)}`;
const plannedUrl = (id: string) => `/api/v1/planned-procedures/${encodeURIComponent(id)}`;

/** An episode's bookings and RFA durability (issue 12); errors arrive as HttpErrorResponse carrying a Problem. */
@Injectable({ providedIn: 'root' })
export class BookingsApi {
  private readonly http = inject(HttpClient);

  list(episodeId: string): Promise<PlannedProcedureView[]> {
    return firstValueFrom(
      this.http.get<PlannedProcedureView[]>(`${episodeUrl(episodeId)}/planned-procedures`),
    );
  }

  /** The payer-rule dry run of a booking: nothing is saved. */
  check(episodeId: string, body: PlannedProcedureCreate): Promise<PlannedProcedureView['checks']> {
    return firstValueFrom(
      this.http.post<{ checks: PlannedProcedureView['checks'] }>(
        `${episodeUrl(episodeId)}/planned-procedures/check`,
        body,
      ),
    ).then((r) => r.checks);
  }

  book(episodeId: string, body: PlannedProcedureCreate): Promise<PlannedProcedureView> {
    return firstValueFrom(
      this.http.post<PlannedProcedureView>(`${episodeUrl(episodeId)}/planned-procedures`, body),
    );
  }

  reschedule(
    id: string,
    body: { version: number; plannedDate: string; reason: string },
  ): Promise<PlannedProcedureView> {
    return firstValueFrom(
      this.http.post<PlannedProcedureView>(`${plannedUrl(id)}/reschedule`, body),
    );
  }

  cancel(id: string, body: { version: number; reason: string }): Promise<PlannedProcedureView> {
    return firstValueFrom(this.http.post<PlannedProcedureView>(`${plannedUrl(id)}/cancel`, body));
  }

  performers(): Promise<{ id: string; name: string }[]> {
    return firstValueFrom(
      this.http.get<{ id: string; name: string }[]>('/api/v1/planned-procedures/performers'),
    );
  }
}
