import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialog,
  MatDialogModule,
  MatDialogRef,
} from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { firstValueFrom } from 'rxjs';
import { EnteredInErrorSchema } from '@domain';
import { fieldMessage } from '../../shared/forms/schema-errors.ts';
import { FormSubmit } from '../forms/form-submit.ts';
import type { WriteResult } from '../write-result.ts';
import { FormError } from '../../shared/ui/form-error/form-error.ts';

/** What the dialog asks and how it saves, e.g. "Mark the 30 min score (3) entered in error?". */
export interface ReasonDialogData {
  title: string;
  /** What happens to the record, naming it: "Physical therapy from 10 Jan 2026 stays on the record…". */
  message: string;
  confirmLabel: string;
  /**
   * Saves with the reason (the page passes a store method); the dialog shows a failure in place.
   * A conflict means the record changed under the user: the dialog closes and the page explains.
   */
  save: (reason: string) => Promise<WriteResult<unknown, unknown>>;
}

/** Only the reason is the dialog's business; the store adds the version it holds. */
const ReasonSchema = EnteredInErrorSchema.pick({ reason: true });

/**
 * Confirms a correction that needs a reason (entered in error: records are never deleted; the
 * reason is kept with who and when). Closes with true once saved, false when cancelled or when
 * someone else changed the record first.
 */
@Component({
  selector: 'app-reason-dialog',
  imports: [
    FormError,
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
  ],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
      <mat-dialog-content class="dialog-form">
        <app-form-error [message]="submit.formError()" />
        <p>{{ data.message }}</p>
        <mat-form-field>
          <mat-label>Reason</mat-label>
          <textarea matInput formControlName="reason" rows="3" cdkFocusInitial></textarea>
          <mat-error>{{ fieldMessage(form.controls.reason) }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="false">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="submit.saving()">
          @if (submit.saving()) {
            <mat-progress-spinner mode="indeterminate" diameter="18" aria-label="Saving" />
          }
          {{ data.confirmLabel }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReasonDialog {
  protected readonly data = inject<ReasonDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ReasonDialog, boolean>>(MatDialogRef);

  protected readonly form = inject(NonNullableFormBuilder).group({ reason: '' });
  protected readonly submit = new FormSubmit(this.form);
  protected readonly fieldMessage = fieldMessage;

  protected async confirm(): Promise<void> {
    const result = await this.submit.run(
      () => this.submit.parse(ReasonSchema, { reason: this.form.controls.reason.value.trim() }),
      ({ reason }) => this.data.save(reason),
      // Someone else changed the record: it is reloaded, so close; the page explains.
      () => this.dialogRef.close(false),
    );
    if (result?.ok) this.dialogRef.close(true);
  }
}

/** Opens the dialog and resolves to true once the reasoned write is saved. */
export async function askReason(dialog: MatDialog, data: ReasonDialogData): Promise<boolean> {
  const ref = dialog.open<ReasonDialog, ReasonDialogData, boolean>(ReasonDialog, {
    data,
    width: '560px',
    maxWidth: '95vw',
    autoFocus: 'first-tabbable',
  });
  return (await firstValueFrom(ref.afterClosed())) === true;
}
