import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import { EnteredInErrorSchema } from '../../../../../../domain/index.ts';
import { fieldMessage, parseForm } from '../../../../shared/forms/schema-errors.ts';

/** What the dialog asks, e.g. "Mark the 30 min score entered in error?". */
export interface ReasonDialogData {
  title: string;
  message: string;
  confirmLabel: string;
}

/**
 * Confirms marking a record entered in error and asks why (records are never deleted; the reason
 * is kept with who and when). Closes with the reason, or undefined when cancelled.
 */
@Component({
  selector: 'app-reason-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
      <mat-dialog-content class="dialog-form">
        <p>{{ data.message }}</p>
        <mat-form-field>
          <mat-label>Reason</mat-label>
          <textarea matInput formControlName="reason" rows="2" cdkFocusInitial></textarea>
          <mat-error>{{ fieldMessage(form.controls.reason) }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit">{{ data.confirmLabel }}</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReasonDialog {
  protected readonly data = inject<ReasonDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ReasonDialog, string>>(MatDialogRef);
  protected readonly form = inject(NonNullableFormBuilder).group({ reason: '' });
  protected readonly fieldMessage = fieldMessage;

  protected confirm(): void {
    const reason = this.form.controls.reason.value.trim();
    // The version is the store's business; the schema here only checks the reason.
    const parsed = parseForm(this.form, EnteredInErrorSchema, { version: 1, reason });
    if (parsed) this.dialogRef.close(parsed.reason);
  }
}

/** Opens the dialog and resolves to the reason, or null when the user cancelled. */
export async function askReason(dialog: MatDialog, data: ReasonDialogData): Promise<string | null> {
  const ref = dialog.open<ReasonDialog, ReasonDialogData, string>(ReasonDialog, { data, autoFocus: 'first-tabbable' });
  return (await firstValueFrom(ref.afterClosed())) ?? null;
}
