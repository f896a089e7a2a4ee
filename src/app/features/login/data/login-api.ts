import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';

/**
 * What the server tells anyone before sign-in (GET /config).
 * TODO(issue 8, server-house): take this from the `PublicConfig` response schema once the config
 * route's inline schema moves to domain/schemas, and delete this copy.
 */
export interface PublicConfig {
  demoMode: boolean;
  idleTimeoutMinutes: number;
}

/** The public endpoints the login page needs. */
@Injectable({ providedIn: 'root' })
export class LoginApi {
  private readonly http = inject(HttpClient);

  /** GET /api/v1/config (no login needed). */
  config(): Promise<PublicConfig> {
    return firstValueFrom(this.http.get<PublicConfig>('/api/v1/config'));
  }
}
