import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { PracticeReport } from '@domain';

/** GET /api/v1/reports/practice (api.md): aggregate, de-identified figures. */
@Injectable({ providedIn: 'root' })
export class PracticeReportApi {
  private readonly http = inject(HttpClient);

  load(range: { from: string; to: string }): Promise<PracticeReport> {
    return firstValueFrom(this.http.get<PracticeReport>('/api/v1/reports/practice', { params: range }));
  }
}
