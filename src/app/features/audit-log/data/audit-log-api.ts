import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom, type Observable } from 'rxjs';
import type { AuditEventView, AuditQuery, AuditVerifyResult, Page } from '@domain';

/** The /api/v1/audit endpoints. */
@Injectable({ providedIn: 'root' })
export class AuditLogApi {
  private readonly http = inject(HttpClient);

  /** GET /api/v1/audit/events with the filters that are set. */
  events(query: AuditQuery): Observable<Page<AuditEventView>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<Page<AuditEventView>>('/api/v1/audit/events', { params });
  }

  /** GET /api/v1/audit/verify: walks the hash chain on the server. */
  verify(): Promise<AuditVerifyResult> {
    return firstValueFrom(this.http.get<AuditVerifyResult>('/api/v1/audit/verify'));
  }

  /** One chunk of a full check, from chain position `from`; the answer's nextSeq says where the next starts. */
  verifyFullChunk(from: string): Promise<AuditVerifyResult> {
    const params = new HttpParams().set('mode', 'full').set('from', from);
    return firstValueFrom(this.http.get<AuditVerifyResult>('/api/v1/audit/verify', { params }));
  }
}
