import { DOCUMENT, inject, Injectable } from '@angular/core';
import { Router } from '@angular/router';
import { AuthApi } from './auth-api.ts';
import { idleSignOutMessage } from './session-messages.ts';
import { SessionStore } from './session-store.ts';

/** User input that counts as activity (pointer movement alone does not: a bumped mouse is not use). */
/** The server counts only requests as activity, so input refreshes it at most this often. */
const HEARTBEAT_MS = 2 * 60_000;

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Automatic logoff (HIPAA 164.312(a)(2)(iii)): after the server's idle timeout without input the
 * client signs out and shows why. The server enforces the same limit on its side.
 */
@Injectable({ providedIn: 'root' })
export class IdleLogoff {
  private readonly document = inject(DOCUMENT);
  private readonly router = inject(Router);
  private readonly session = inject(SessionStore);
  private readonly api = inject(AuthApi);

  private lastActivity = 0;
  private timeoutMs = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastHeartbeat = 0;
  private readonly recordActivity = (): void => {
    const now = Date.now();
    this.lastActivity = now;
    // Someone typing a long note makes no requests; tell the server they are still here.
    if (now - this.lastHeartbeat >= HEARTBEAT_MS) {
      this.lastHeartbeat = now;
      this.api.me().catch(() => undefined); // a 401 here is handled by the next real request
    }
  };

  /** Starts watching for input; calling it again restarts the clock with the new limit. */
  start(minutes: number): void {
    this.stop();
    this.timeoutMs = minutes * 60_000;
    this.lastActivity = Date.now();
    this.lastHeartbeat = this.lastActivity;
    for (const type of ACTIVITY_EVENTS) {
      this.document.addEventListener(type, this.recordActivity, { passive: true, capture: true });
    }
    this.schedule(this.timeoutMs);
  }

  /** Stops watching (signed out, or the shell is gone). */
  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    for (const type of ACTIVITY_EVENTS) {
      this.document.removeEventListener(type, this.recordActivity, { capture: true });
    }
  }

  // One timer for the whole period rather than one per keystroke: when it fires it checks the
  // last input and sleeps again for the remainder (this also copes with a tab that was asleep).
  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => void this.check(), delayMs);
  }

  private async check(): Promise<void> {
    const idleFor = Date.now() - this.lastActivity;
    if (idleFor < this.timeoutMs) {
      this.schedule(this.timeoutMs - idleFor);
      return;
    }
    const minutes = Math.round(this.timeoutMs / 60_000);
    this.stop();
    await this.session.logout(idleSignOutMessage(minutes));
    await this.router.navigate(['/login']);
  }
}
