import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  PASSWORD_MIN_LENGTH,
  PasswordResetSchema,
  type UserView,
} from '@domain';
import { confirmPasswordMatches } from '../../../../shared/forms/password-confirmation.ts';
import { fieldMessage, parseForm, showProblemOnForm } from '../../../../shared/forms/schema-errors.ts';
import type { WriteResult } from '../../../../core/write-result.ts';
import { DialogActions } from '../../../../shared/ui/dialog-actions/dialog-actions.ts';

/** Whose password, and how to save it (the page passes the store's method). */
export interface PasswordResetDialogData {
  user: UserView;
  save: (password: string) => Promise<WriteResult<UserView>>;
}

/** Sets a new password for a user; closes with the saved user, or undefined when cancelled. */
@Component({
  selector: 'app-password-reset-dialog',
  imports: [
    DialogActions,
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
  ],
  template: `
    <h2 mat-dialog-title>Reset password for {{ data.user.name }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="dialog-form">
        <div role="alert">
          @if (formError(); as error) {
            <p class="form-error">{{ error }}</p>
          }
        </div>
        <mat-form-field>
          <mat-label>New password</mat-label>
          <input matInput type="password" formControlName="password" autocomplete="new-password" />
          <mat-hint>At least {{ passwordMinLength }} characters</mat-hint>
          <mat-error>{{ fieldMessage(form.controls.password) }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Repeat new password</mat-label>
          <input matInput type="password" formControlName="confirmPassword" autocomplete="new-password" />
          <mat-error>{{ fieldMessage(form.controls.confirmPassword) }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <app-dialog-actions [saving]="saving()" submitLabel="Set password" />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordResetDialog {
  protected readonly data = inject<PasswordResetDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<PasswordResetDialog, UserView>>(MatDialogRef);

  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({ password: '', confirmPassword: '' });
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly fieldMessage = fieldMessage;

  protected async save(): Promise<void> {
    if (this.saving()) return;
    this.formError.set(null);
    const { password } = this.form.getRawValue();
    const body = parseForm(this.form, PasswordResetSchema, { version: this.data.user.version, password });
    const confirmed = confirmPasswordMatches(this.form);
    if (!body || !confirmed) return;

    this.saving.set(true);
    const result = await this.data.save(body.password);
    this.saving.set(false);
    if (result.ok) this.dialogRef.close(result.value);
    // Someone else changed the user: this form's version is stale, so close; the page explains.
    else if (result.conflict) this.dialogRef.close();
    else this.formError.set(showProblemOnForm(this.form, result.problem));
  }
}
