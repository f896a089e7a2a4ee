import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import type { Permission, Problem, SessionInfo } from '@domain';
// Values from the zod-free module, not the barrel: this store is in the initial bundle, and importing
// a value through '@domain' would pull zod and every schema into it (issue 11: +36 kB gzip).
import { hasPermission, ROLE_LABELS } from '@domain/roles';
import { AuthApi } from './auth-api.ts';
import { retryAfterSeconds, toProblem } from './problem.ts';

/** 'unknown' until the first GET /auth/me answers. */
export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out';

/** What a sign-in attempt came to; the login page decides what to show or where to go. */
export type LoginResult =
  { ok: true } | { ok: false; problem: Problem; retryAfterSeconds: number | null };

interface SessionState {
  session: SessionInfo | null;
  status: SessionStatus;
  /** Why the user was signed out, shown once on the login page. */
  signOutReason: string | null;
}

const initialState: SessionState = { session: null, status: 'unknown', signOutReason: null };

/** The signed-in user, their CSRF token and the server's idle timeout, for the whole app. */
export const SessionStore = signalStore(
  { providedIn: 'root' },
  withState(initialState),
  withComputed(({ session }) => ({
    user: computed(() => session()?.user ?? null),
    roleLabel: computed(() => {
      const role = session()?.user.role;
      return role ? ROLE_LABELS[role] : '';
    }),
    csrfToken: computed(() => session()?.csrfToken ?? null),
    idleTimeoutMinutes: computed(() => session()?.idleTimeoutMinutes ?? null),
    demoMode: computed(() => session()?.demoMode ?? false),
  })),
  withMethods((store, api = inject(AuthApi)) => {
    /** Forgets the session locally (the server has ended it or will). */
    const clear = (reason: string | null): void =>
      patchState(store, { session: null, status: 'signed-out', signOutReason: reason });

    return {
      /** Asks the server for the current session; a 401 (or no answer) means signed out. */
      async restore(): Promise<SessionStatus> {
        try {
          const session = await api.me();
          patchState(store, { session, status: 'signed-in', signOutReason: null });
        } catch {
          patchState(store, { session: null, status: 'signed-out' });
        }
        return store.status();
      },

      /** Signs in; returns the problem on failure instead of navigating. */
      async login(username: string, password: string): Promise<LoginResult> {
        try {
          const session = await api.login({ username, password });
          patchState(store, { session, status: 'signed-in', signOutReason: null });
          return { ok: true };
        } catch (error) {
          return {
            ok: false,
            problem: toProblem(error),
            retryAfterSeconds: retryAfterSeconds(error),
          };
        }
      },

      /** Ends the session on the server (best effort) and locally, remembering why. */
      async logout(reason: string | null = null): Promise<void> {
        if (store.status() === 'signed-in') {
          try {
            await api.logout();
          } catch {
            // The session may already be gone on the server; signing out locally is what matters.
          }
        }
        clear(reason);
      },

      /** Forgets the session without calling the server: it has already ended it (a 401). */
      endLocally(reason: string): void {
        clear(reason);
      },

      /** Forgets the reason once the login page has shown it. */
      clearSignOutReason(): void {
        patchState(store, { signOutReason: null });
      },

      /** True when the signed-in user's role holds `permission` (the server still decides). */
      can(permission: Permission): boolean {
        const role = store.session()?.user.role;
        return role ? hasPermission(role, permission) : false;
      },
    };
  }),
);
