import { HttpErrorResponse } from '@angular/common/http';
import { ErrorHandler, inject, Injectable, Injector } from '@angular/core';

/** What the user sees for an unexpected error: what it means for them, never a stack trace. */
export const UNEXPECTED_ERROR_MESSAGE =
  'Something went wrong. Your last action may not have been saved.';

/** Logs unexpected errors for developers and tells the user, in plain words, that something failed. */
@Injectable()
export class AppErrorHandler implements ErrorHandler {
  // Looked up lazily: the snack bar needs services that may themselves be failing at start-up.
  private readonly injector = inject(Injector);

  /** Resolves once the user has been told (the snack bar and its overlay load on first use). */
  async handleError(error: unknown): Promise<void> {
    console.error(error);
    // A 401 has already sent the user to the login page with the reason (api-interceptor).
    if (error instanceof HttpErrorResponse && error.status === 401) return;
    // Imported on demand: the snack bar pulls in the CDK overlay, which the login page does not need.
    const { MatSnackBar } = await import('@angular/material/snack-bar');
    this.injector.get(MatSnackBar).open(UNEXPECTED_ERROR_MESSAGE, 'Dismiss', { duration: 8000 });
  }
}
