import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Router } from '@angular/router';
import { LoginRequestSchema } from '@domain';
import { problemMessage } from '../../../core/problem.ts';
import type { LoginResult } from '../../../core/session-store.ts';
import { SessionStore } from '../../../core/session-store.ts';
import { fieldMessage, parseForm } from '../../../shared/forms/schema-errors.ts';
import { showProblemOnForm } from '../../../core/forms/form-submit.ts';
import { DemoBanner } from '../../../shared/ui/demo-banner/demo-banner.ts';
import { LoginStore } from '../data/login-store.ts';

/** Sign-in: username and password, with messages a user can act on. */
@Component({
  selector: 'app-login-page',
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatProgressSpinnerModule,
    DemoBanner,
  ],
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  protected readonly store = inject(LoginStore);
  protected readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly usernameInput =
    viewChild.required<ElementRef<HTMLInputElement>>('usernameInput');
  // Kept in router state by the auth guard, so ids never appear in the address bar.
  private readonly returnUrl = safeReturnUrl(
    this.router.currentNavigation()?.extras.state?.['returnUrl'],
  );

  protected readonly form = inject(NonNullableFormBuilder).group({ username: '', password: '' });
  /** The form-level error (wrong password, throttled, locked, server unreachable). */
  protected readonly formError = signal<string | null>(null);
  protected readonly fieldMessage = fieldMessage;

  constructor() {
    afterNextRender(() => this.usernameInput().nativeElement.focus());
  }

  protected async signIn(): Promise<void> {
    if (this.store.submitting()) return;
    this.formError.set(null);
    const request = parseForm(this.form, LoginRequestSchema);
    if (!request) return;
    const result = await this.store.signIn(request.username, request.password);
    if (result.ok) {
      await this.router.navigateByUrl(this.returnUrl);
      return;
    }
    this.formError.set(this.failureMessage(result));
  }

  private failureMessage(result: Extract<LoginResult, { ok: false }>): string | null {
    const { problem, retryAfterSeconds } = result;
    switch (problem.status) {
      case 401:
        return 'Wrong username or password.';
      case 429:
        return retryAfterSeconds !== null
          ? `Too many attempts. Try again in ${retryAfterSeconds} seconds.`
          : problemMessage(problem);
      case 400:
        return showProblemOnForm(this.form, problem);
      default:
        // Locked or deactivated accounts (403) and outages: the server's words are meant for users.
        return problemMessage(problem);
    }
  }
}

/** Only in-app paths, and never back to the login page itself. */
function safeReturnUrl(value: unknown): string {
  return typeof value === 'string' &&
    value.startsWith('/') &&
    !value.startsWith('//') &&
    !value.startsWith('/login')
    ? value
    : '/';
}
