import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { OutcomesQuery, OutcomesReport } from '@domain';

/** GET /api/v1/reports/outcomes (api.md): cohort figures for physicians. */
@Injectable({ providedIn: 'root' })
export class OutcomesApi {
  private readonly http = inject(HttpClient);

  load(query: OutcomesQuery): Promise<OutcomesReport> {
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) params[key] = String(value);
    return firstValueFrom(this.http.get<OutcomesReport>('/api/v1/reports/outcomes', { params }));
  }
}
