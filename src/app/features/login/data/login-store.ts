import { inject } from '@angular/core';
import { patchState, signalStore, withHooks, withMethods, withState } from '@ngrx/signals';
import { type LoginResult, SessionStore } from '../../../core/session-store.ts';
import { LoginApi } from './login-api.ts';

interface LoginState {
  /** From GET /api/v1/config, so the banner shows before anyone signs in. */
  demoMode: boolean;
  submitting: boolean;
}

/** The login page's state: demo mode and whether a sign-in is in flight. */
export const LoginStore = signalStore(
  withState<LoginState>({ demoMode: false, submitting: false }),
  withMethods((store, api = inject(LoginApi), session = inject(SessionStore)) => ({
    /** Reads demo mode; without an answer the banner stays hidden (sign-in will report the outage). */
    async loadConfig(): Promise<void> {
      try {
        const config = await api.config();
        patchState(store, { demoMode: config.demoMode });
      } catch {
        patchState(store, { demoMode: false });
      }
    },

    /** Signs in through the session; the page decides what to show or where to go. */
    async signIn(username: string, password: string): Promise<LoginResult> {
      patchState(store, { submitting: true });
      try {
        return await session.login(username, password);
      } finally {
        patchState(store, { submitting: false });
      }
    },
  })),
  withHooks({
    onInit(store) {
      void store.loadConfig();
    },
  }),
);
