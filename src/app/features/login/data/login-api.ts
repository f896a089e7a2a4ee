import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { PublicConfig } from '@domain';

/** The public endpoints the login page needs. */
@Injectable({ providedIn: 'root' })
export class LoginApi {
  private readonly http = inject(HttpClient);

  /** GET /api/v1/config (no login needed). */
  config(): Promise<PublicConfig> {
    return firstValueFrom(this.http.get<PublicConfig>('/api/v1/config'));
  }
}
