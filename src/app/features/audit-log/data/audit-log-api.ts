import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom, type Observable } from 'rxjs';
import type { AuditEventView, AuditQuery, AuditVerifyResult, Page } from '@domain';

/** The /api/v1/audit endpoints. */
@Injectable({ providedIn: 'root' })
export class AuditLogApi {
  private readonly http = inject(HttpClient);

  /**
   * POST /api/v1/audit/events/search with the filters that are set, in the body: a patient's name or
   * MRN must not travel in a URL (access logs keep URLs).
   */
  events(query: AuditQuery): Observable<Page<AuditEventView>> {
    const body = Object.fromEntries(
      Object.entries(query).filter(([, value]) => value !== undefined && value !== ''),
    );
    return this.http.post<Page<AuditEventView>>('/api/v1/audit/events/search', body);
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
