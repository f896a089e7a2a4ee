import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { BulkExportJob } from '@domain';

/** The practice bulk export endpoints (admins); errors arrive as HttpErrorResponse carrying a Problem. */
@Injectable({ providedIn: 'root' })
export class ExportsApi {
  private readonly http = inject(HttpClient);

  /** GET /api/v1/exports: the latest jobs, newest first. */
  list(): Promise<BulkExportJob[]> {
    return firstValueFrom(this.http.get<BulkExportJob[]>('/api/v1/exports'));
  }

  /** POST /api/v1/exports: starts a job in the background (202). */
  start(): Promise<BulkExportJob> {
    return firstValueFrom(this.http.post<BulkExportJob>('/api/v1/exports', {}));
  }
}
