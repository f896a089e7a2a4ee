import { computed, Injectable, inject, signal } from '@angular/core';
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

/**
 * The signed-in user, their CSRF token and the server's idle timeout, for the whole app.
 *
 * Plain signals rather than an NgRx signalStore like the features' stores (ADR 0009): this store is
 * in the bundle the first page loads, and it was the only thing there that needed @ngrx/signals.
 * State is read-only from outside, as a signalStore's is.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly api = inject(AuthApi);
  private readonly state = signal<{
    session: SessionInfo | null;
    status: SessionStatus;
    /** Why the user was signed out, shown once on the login page. */
    signOutReason: string | null;
  }>({ session: null, status: 'unknown', signOutReason: null });

  readonly session = computed(() => this.state().session);
  readonly status = computed(() => this.state().status);
  readonly signOutReason = computed(() => this.state().signOutReason);
  readonly user = computed(() => this.session()?.user ?? null);
  readonly roleLabel = computed(() => {
    const role = this.session()?.user.role;
    return role ? ROLE_LABELS[role] : '';
  });
  readonly csrfToken = computed(() => this.session()?.csrfToken ?? null);
  readonly idleTimeoutMinutes = computed(() => this.session()?.idleTimeoutMinutes ?? null);
  readonly demoMode = computed(() => this.session()?.demoMode ?? false);

  /** Asks the server for the current session; a 401 (or no answer) means signed out. */
  async restore(): Promise<SessionStatus> {
    try {
      const session = await this.api.me();
      this.state.set({ session, status: 'signed-in', signOutReason: null });
    } catch {
      this.state.update((s) => ({ ...s, session: null, status: 'signed-out' }));
    }
    return this.status();
  }

  /** Signs in; returns the problem on failure instead of navigating. */
  async login(username: string, password: string): Promise<LoginResult> {
    try {
      const session = await this.api.login({ username, password });
      this.state.set({ session, status: 'signed-in', signOutReason: null });
      return { ok: true };
    } catch (error) {
      return { ok: false, problem: toProblem(error), retryAfterSeconds: retryAfterSeconds(error) };
    }
  }

  /** Ends the session on the server (best effort) and locally, remembering why. */
  async logout(reason: string | null = null): Promise<void> {
    if (this.status() === 'signed-in') {
      try {
        await this.api.logout();
      } catch {
        // The session may already be gone on the server; signing out locally is what matters.
      }
    }
    this.clear(reason);
  }

  /** Forgets the session without calling the server: it has already ended it (a 401). */
  endLocally(reason: string): void {
    this.clear(reason);
  }

  /** Forgets the reason once the login page has shown it. */
  clearSignOutReason(): void {
    this.state.update((s) => ({ ...s, signOutReason: null }));
  }

  /** True when the signed-in user's role holds `permission` (the server still decides). */
  can(permission: Permission): boolean {
    const role = this.session()?.user.role;
    return role ? hasPermission(role, permission) : false;
  }

  /** Forgets the session locally (the server has ended it or will). */
  private clear(reason: string | null): void {
    this.state.set({ session: null, status: 'signed-out', signOutReason: reason });
  }
}
