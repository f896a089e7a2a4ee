import { inject } from '@angular/core';
import { patchState, signalStore, withHooks, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, map, of, pipe, switchMap, tap } from 'rxjs';
import { type UserCreate, type UserUpdate, type UserView, UserViewSchema } from '@domain';
import { problemMessage, toProblem } from '../../../core/problem.ts';
import { attempt, type WriteResult } from '../../../core/write-result.ts';
import { AdminUsersApi, type UserListQuery } from './admin-users-api.ts';

/** A change an admin can make to a user from the list (the version is added by the store). */
export type UserChange = Omit<UserUpdate, 'version'>;

interface AdminUsersState {
  query: UserListQuery;
  users: UserView[];
  total: number;
  loading: boolean;
  /** Why the list could not be loaded, or null. */
  loadError: string | null;
}

const initialState: AdminUsersState = {
  query: { q: '', page: 1, pageSize: 25 },
  users: [],
  total: 0,
  loading: false,
  loadError: null,
};

/** The admin's user list: one server-side page at a time, and the changes made from it. */
export const AdminUsersStore = signalStore(
  withState(initialState),
  withMethods((store, api = inject(AdminUsersApi)) => {
    const load = rxMethod<UserListQuery>(
      pipe(
        tap(() => patchState(store, { loading: true, loadError: null })),
        // A newer query (typing, paging) cancels the answer to an older one.
        switchMap((query) =>
          api.list(query).pipe(
            map((page) => ({ users: page.items, total: page.total, loading: false })),
            catchError((error: unknown) =>
              of({ loading: false, loadError: problemMessage(toProblem(error)) }),
            ),
          ),
        ),
        tap((state) => patchState(store, state)),
      ),
    );

    /** Runs a write; on success swaps in the saved row, on a version conflict shows the current one. */
    const save = async (write: () => Promise<UserView>): Promise<WriteResult<UserView>> => {
      const result = await attempt(write);
      // After a conflict the problem carries the row as it is now.
      const row = result.ok ? result.value : result.conflict ? UserViewSchema.safeParse(result.problem.current).data : undefined;
      if (row) patchState(store, { users: store.users().map((u) => (u.id === row.id ? row : u)) });
      // Reload after a failure so the list matches the server (also resets an inline select).
      if (!result.ok) load(store.query());
      return result;
    };

    return {
      load,
      /** Shows the first page of users matching `q`. */
      search(q: string): void {
        patchState(store, { query: { ...store.query(), q, page: 1 } });
      },
      /** Shows another page (1-based) or page size. */
      showPage(page: number, pageSize: number): void {
        patchState(store, { query: { ...store.query(), page, pageSize } });
      },
      /** Fetches the current page again. */
      reload(): void {
        load(store.query());
      },
      /** Creates a user; on success the list is reloaded so the new user appears in order. */
      async create(body: UserCreate): Promise<WriteResult<UserView>> {
        const result = await attempt(() => api.create(body));
        if (result.ok) load(store.query());
        return result;
      },
      /** Changes role, active flag or lock, with the version the admin saw. */
      update(user: UserView, change: UserChange): Promise<WriteResult<UserView>> {
        return save(() => api.update(user.id, { ...change, version: user.version }));
      },
      /** Sets a new password, with the version the admin saw. */
      resetPassword(user: UserView, password: string): Promise<WriteResult<UserView>> {
        return save(() => api.resetPassword(user.id, { version: user.version, password }));
      },
    };
  }),
  withHooks({
    onInit(store) {
      // Every change of query (search, page) fetches that page.
      store.load(store.query);
    },
  }),
);
