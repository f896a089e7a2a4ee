import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PASSWORD_MIN_LENGTH, PasswordResetSchema, type UserView } from '@domain';
import { confirmPasswordMatches } from '../../../../shared/forms/password-confirmation.ts';
import { fieldMessage } from '../../../../shared/forms/schema-errors.ts';
import type { WriteResult } from '../../../../core/write-result.ts';
import { DialogActions } from '../../../../shared/ui/dialog-actions/dialog-actions.ts';
import { FormSubmit } from '../../../../core/forms/form-submit.ts';
import { FormError } from '../../../../shared/ui/form-error/form-error.ts';

/** Whose password, and how to save it (the page passes the store's method). */
export interface PasswordResetDialogData {
  user: UserView;
  save: (password: string) => Promise<WriteResult<UserView>>;
}

/** Sets a new password for a user; closes with the saved user, or undefined when cancelled. */
@Component({
  selector: 'app-password-reset-dialog',
  imports: [
    FormError,
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
        <app-form-error [message]="submit.formError()" />
        <mat-form-field>
          <mat-label>New password</mat-label>
          <input matInput type="password" formControlName="password" autocomplete="new-password" />
          <mat-hint>At least {{ passwordMinLength }} characters</mat-hint>
          <mat-error>{{ fieldMessage(form.controls.password) }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Repeat new password</mat-label>
          <input
            matInput
            type="password"
            formControlName="confirmPassword"
            autocomplete="new-password"
          />
          <mat-error>{{ fieldMessage(form.controls.confirmPassword) }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <app-dialog-actions [saving]="submit.saving()" submitLabel="Set password" />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordResetDialog {
  protected readonly data = inject<PasswordResetDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<PasswordResetDialog, UserView>>(MatDialogRef);

  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: '',
    confirmPassword: '',
  });
  protected readonly submit = new FormSubmit(this.form);
  protected readonly fieldMessage = fieldMessage;

  protected async save(): Promise<void> {
    const { password } = this.form.getRawValue();
    const result = await this.submit.run(
      () => {
        const body = this.submit.parse(PasswordResetSchema, {
          version: this.data.user.version,
          password,
        });
        // Both checks run so every field shows its message at once.
        return confirmPasswordMatches(this.form) && body ? body : null;
      },
      (body) => this.data.save(body.password),
      // Someone else changed the user: this form's version is stale, so close; the page explains.
      () => this.dialogRef.close(),
    );
    if (result?.ok) this.dialogRef.close(result.value);
  }
}
