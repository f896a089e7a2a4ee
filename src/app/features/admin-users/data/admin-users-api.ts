import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom, type Observable } from 'rxjs';
import type { z } from 'zod';
import type {
  Page,
  PasswordReset,
  UserCreate,
  UserUpdate,
  UserListQuerySchema,
  UserView,
} from '@domain';

/** Which page of the user list to fetch; `q` matches username or name on the server. */
export type UserListQuery = Required<z.output<typeof UserListQuerySchema>>;

/** The /api/v1/users endpoints; errors arrive as HttpErrorResponse carrying a Problem. */
@Injectable({ providedIn: 'root' })
export class AdminUsersApi {
  private readonly http = inject(HttpClient);

  /** GET /api/v1/users?q=&page=&pageSize= */
  list(query: UserListQuery): Observable<Page<UserView>> {
    let params = new HttpParams().set('page', query.page).set('pageSize', query.pageSize);
    if (query.q) params = params.set('q', query.q);
    return this.http.get<Page<UserView>>('/api/v1/users', { params });
  }

  /** POST /api/v1/users */
  create(body: UserCreate): Promise<UserView> {
    return firstValueFrom(this.http.post<UserView>('/api/v1/users', body));
  }

  /** PATCH /api/v1/users/:id with the version the admin saw. */
  update(id: string, body: UserUpdate): Promise<UserView> {
    return firstValueFrom(this.http.patch<UserView>(`/api/v1/users/${encodeURIComponent(id)}`, body));
  }

  /** POST /api/v1/users/:id/password */
  resetPassword(id: string, body: PasswordReset): Promise<UserView> {
    return firstValueFrom(
      this.http.post<UserView>(`/api/v1/users/${encodeURIComponent(id)}/password`, body),
    );
  }
}
