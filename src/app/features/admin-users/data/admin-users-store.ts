import { inject } from '@angular/core';
import { patchState, signalStore, withMethods } from '@ngrx/signals';
import { type UserCreate, type UserUpdate, type UserView, UserViewSchema } from '@domain';
import { withPagedList } from '../../../core/data/paged-list.ts';
import { attempt, type WriteResult } from '../../../core/write-result.ts';
import { AdminUsersApi, type UserListQuery } from './admin-users-api.ts';

/** A change an admin can make to a user from the list (the version is added by the store). */
export type UserChange = Omit<UserUpdate, 'version'>;

const initialQuery: UserListQuery = { q: '', page: 1, pageSize: 25 };

/** The admin's user list: one server-side page at a time, and the changes made from it. */
export const AdminUsersStore = signalStore(
  withPagedList(AdminUsersApi, initialQuery, (api, query) =>
    api.list(query),
  ),
  withMethods((store, api = inject(AdminUsersApi)) => {
    /** Runs a write; on success swaps in the saved row, on a version conflict shows the current one. */
    const save = async (write: () => Promise<UserView>): Promise<WriteResult<UserView>> => {
      const result = await attempt(write);
      // After a conflict the problem carries the row as it is now.
      const row = result.ok ? result.value : result.conflict ? UserViewSchema.safeParse(result.problem.current).data : undefined;
      if (row) patchState(store, { items: store.items().map((u) => (u.id === row.id ? row : u)) });
      // Reload after a failure so the list matches the server (also resets an inline select).
      if (!result.ok) store.reload();
      return result;
    };

    return {
      /** Shows the first page of users matching `q`. */
      search(q: string): void {
        store.requery({ q });
      },
      /** Creates a user; on success the list is reloaded so the new user appears in order. */
      async create(body: UserCreate): Promise<WriteResult<UserView>> {
        const result = await attempt(() => api.create(body));
        if (result.ok) store.reload();
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
);
