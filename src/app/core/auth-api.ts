import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { LoginRequest, SessionInfo } from '@domain';

/** The auth endpoints of the API; errors arrive as HttpErrorResponse carrying a Problem. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  /** POST /api/v1/auth/login */
  login(body: LoginRequest): Promise<SessionInfo> {
    return firstValueFrom(this.http.post<SessionInfo>('/api/v1/auth/login', body));
  }

  /** GET /api/v1/auth/me: the current session, or a 401. */
  me(): Promise<SessionInfo> {
    return firstValueFrom(this.http.get<SessionInfo>('/api/v1/auth/me'));
  }

  /** POST /api/v1/auth/logout */
  logout(): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/v1/auth/logout', null));
  }
}
