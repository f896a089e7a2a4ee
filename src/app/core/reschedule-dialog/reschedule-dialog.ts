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
import { firstValueFrom } from 'rxjs';
import * as z from 'zod';
import { dateField, PlannedRescheduleSchema } from '@domain';
import { DateTextInput } from '../../shared/forms/date-text-input.ts';
import { fieldMessage } from '../../shared/forms/schema-errors.ts';
import { DialogActions } from '../../shared/ui/dialog-actions/dialog-actions.ts';
import { FormError } from '../../shared/ui/form-error/form-error.ts';
import { FormSubmit } from '../forms/form-submit.ts';
import type { WriteResult } from '../write-result.ts';

/** What is moved and how it saves: a follow-up's due date or a booking's day (issue 12). */
export interface RescheduleDialogData {
  /** "Reschedule the 2 weeks call". */
  title: string;
  /** The label of the date field: "Due date", "Day of the procedure". */
  dateLabel: string;
  /** The current date (YYYY-MM-DD), shown as the starting value. */
  current: string;
  /** Saves with the new date and the reason; the field messages of a refusal show in place. */
  save: (date: string, reason: string) => Promise<WriteResult<unknown, unknown>>;
}

const Schema = z.object({
  date: dateField('Date'),
  reason: PlannedRescheduleSchema.shape.reason,
});

/**
 * Moves a follow-up or a booking to another day with a reason; the old date and the reason stay in
 * its history. Closes with true once saved, false when cancelled or when someone changed it first.
 */
@Component({
  selector: 'app-reschedule-dialog',
  imports: [
    DateTextInput,
    DialogActions,
    FormError,
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
  ],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
      <mat-dialog-content class="dialog-form">
        <app-form-error [message]="submit.formError()" />
        <mat-form-field>
          <mat-label>{{ data.dateLabel }}</mat-label>
          <input matInput appDateText formControlName="date" cdkFocusInitial />
          <mat-error>{{ fieldMessage(form.controls.date) }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Reason</mat-label>
          <textarea matInput formControlName="reason" rows="2"></textarea>
          <mat-error>{{ fieldMessage(form.controls.reason) }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <app-dialog-actions [saving]="submit.saving()" submitLabel="Reschedule" />
    </form>
  `,
  styles: `
    .dialog-form {
      display: flex;
      flex-direction: column;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RescheduleDialog {
  protected readonly data = inject<RescheduleDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<RescheduleDialog, boolean>>(MatDialogRef);
  protected readonly form = inject(NonNullableFormBuilder).group({
    date: this.data.current,
    reason: '',
  });
  // The server names the date field of its resource (dueDate, plannedDate): it shows under this one.
  protected readonly submit = new FormSubmit(this.form, (path) =>
    path === 'dueDate' || path === 'plannedDate' ? 'date' : path,
  );
  protected readonly fieldMessage = fieldMessage;

  protected async confirm(): Promise<void> {
    const v = this.form.getRawValue();
    const result = await this.submit.run(
      () => this.submit.parse(Schema, { date: v.date || undefined, reason: v.reason.trim() }),
      ({ date, reason }) => this.data.save(date, reason),
      () => this.dialogRef.close(false),
    );
    if (result?.ok) this.dialogRef.close(true);
  }
}

/** Opens the dialog and resolves to true once the move is saved. */
export async function askReschedule(
  dialog: MatDialog,
  data: RescheduleDialogData,
): Promise<boolean> {
  const ref = dialog.open<RescheduleDialog, RescheduleDialogData, boolean>(RescheduleDialog, {
    data,
    width: '480px',
    maxWidth: '95vw',
    autoFocus: 'first-tabbable',
  });
  return (await firstValueFrom(ref.afterClosed())) === true;
}
