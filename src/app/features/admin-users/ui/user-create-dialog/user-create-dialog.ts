import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
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
import { fieldMessage } from '../../../../shared/forms/schema-errors.ts';
import type { WriteResult } from '../../../../core/write-result.ts';
import { DialogActions } from '../../../../shared/ui/dialog-actions/dialog-actions.ts';
import { confirmDiscardOnEscape } from '../../../../core/forms/confirm-discard.ts';
import { FormSubmit } from '../../../../core/forms/form-submit.ts';
import { FormError } from '../../../../shared/ui/form-error/form-error.ts';

/** How the dialog saves: the page passes the store's create, so the dialog stays a widget. */
export interface UserCreateDialogData {
  save: (body: UserCreate) => Promise<WriteResult<UserView>>;
}

/** The "New user" form; closes with the created user, or undefined when cancelled. */
@Component({
  selector: 'app-user-create-dialog',
  imports: [
    FormError,
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
  protected readonly submit = new FormSubmit(this.form);
  /** Escape or a click beside the dialog asks before losing typed input. */
  protected readonly requestClose = confirmDiscardOnEscape(this.form);
  protected readonly fieldMessage = fieldMessage;

  protected async create(): Promise<void> {
    const { confirmPassword: _confirmation, ...value } = this.form.getRawValue();
    const result = await this.submit.run(
      () => {
        const body = this.submit.parse(UserCreateSchema, value);
        // Both checks run so every field shows its message at once.
        return confirmPasswordMatches(this.form) && body ? body : null;
      },
      // A taken username (409) comes with errors [{path: 'username'}]: it lands under that field.
      (body) => this.data.save(body),
    );
    if (result?.ok) this.dialogRef.close(result.value);
  }
}
