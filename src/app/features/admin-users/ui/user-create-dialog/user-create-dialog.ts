import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  PASSWORD_MIN_LENGTH,
  type Role,
  ROLE_LABELS,
  ROLES,
  type UserCreate,
  UserCreateSchema,
  type UserView,
} from '@domain';
import { confirmPasswordMatches } from '../../../../shared/forms/password-confirmation.ts';
import { fieldMessage, parseForm, showProblemOnForm } from '../../../../shared/forms/schema-errors.ts';
import type { WriteResult } from '../../../../core/write-result.ts';
import { DialogActions } from '../../../../shared/ui/dialog-actions/dialog-actions.ts';

/** How the dialog saves: the page passes the store's create, so the dialog stays a widget. */
export interface UserCreateDialogData {
  save: (body: UserCreate) => Promise<WriteResult<UserView>>;
}

/** The "New user" form; closes with the created user, or undefined when cancelled. */
@Component({
  selector: 'app-user-create-dialog',
  imports: [
    DialogActions,
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
  ],
  templateUrl: './user-create-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserCreateDialog {
  private readonly data = inject<UserCreateDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<UserCreateDialog, UserView>>(MatDialogRef);

  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  private readonly formBuilder = inject(NonNullableFormBuilder);
  protected readonly form = this.formBuilder.group({
    username: '',
    name: '',
    // No default: an admin must choose the role on purpose.
    role: this.formBuilder.control<Role | null>(null),
    password: '',
    confirmPassword: '',
  });
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly fieldMessage = fieldMessage;

  protected async create(): Promise<void> {
    if (this.saving()) return;
    this.formError.set(null);
    const { confirmPassword: _confirmation, ...value } = this.form.getRawValue();
    const body = parseForm(this.form, UserCreateSchema, value);
    const confirmed = confirmPasswordMatches(this.form);
    if (!body || !confirmed) return;

    this.saving.set(true);
    const result = await this.data.save(body);
    this.saving.set(false);
    if (result.ok) {
      this.dialogRef.close(result.value);
      return;
    }
    // A taken username (409) comes with errors [{path: 'username'}]: it lands under that field.
    this.formError.set(showProblemOnForm(this.form, result.problem));
  }
}
