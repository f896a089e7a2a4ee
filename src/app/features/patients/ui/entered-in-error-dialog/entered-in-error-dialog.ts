import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { EnteredInErrorSchema } from '../../../../../../domain/index.ts';
import { fieldMessage, parseForm, showProblemOnForm } from '../../../../shared/forms/schema-errors.ts';
import type { SaveResult } from '../../data/patient-results.ts';

/** Which record, and how to mark it (the page passes the store's markEnteredInError). */
export interface EnteredInErrorDialogData {
  /** What the record is, in words: "Physical therapy from 10 Jan 2026". */
  what: string;
  version: number;
  save: (reason: string) => Promise<SaveResult<void>>;
}

/**
 * The confirmation before marking a record entered in error, with the required reason.
 * Closes with true once marked; nothing is ever deleted.
 */
@Component({
  selector: 'app-entered-in-error-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatProgressSpinnerModule],
  template: `
    <h2 mat-dialog-title>Mark as entered in error?</h2>
    <form [formGroup]="form" (ngSubmit)="mark()" novalidate>
      <mat-dialog-content class="dialog-form">
        <div role="alert">
          @if (formError(); as error) {
            <p class="form-error">{{ error }}</p>
          }
        </div>
        <p>
          <strong>{{ data.what }}</strong> stays on the record, struck through with your reason, and no longer
          counts in totals.
        </p>
        <mat-form-field>
          <mat-label>Reason</mat-label>
          <textarea matInput formControlName="reason" rows="3" cdkFocusInitial></textarea>
          <mat-error>{{ fieldMessage(form.controls.reason) }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="false">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          @if (saving()) {
            <mat-progress-spinner mode="indeterminate" diameter="18" aria-label="Saving" />
          }
          Mark entered in error
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EnteredInErrorDialog {
  protected readonly data = inject<EnteredInErrorDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<EnteredInErrorDialog, boolean>>(MatDialogRef);

  protected readonly form = inject(NonNullableFormBuilder).group({ reason: '' });
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly fieldMessage = fieldMessage;

  protected async mark(): Promise<void> {
    if (this.saving()) return;
    this.formError.set(null);
    const body = parseForm(this.form, EnteredInErrorSchema, {
      version: this.data.version,
      reason: this.form.controls.reason.value.trim(),
    });
    if (!body) return;

    this.saving.set(true);
    const result = await this.data.save(body.reason);
    this.saving.set(false);
    if (result.ok) this.dialogRef.close(true);
    // Someone else changed the record: it is reloaded, so close; the page explains.
    else if (result.conflict) this.dialogRef.close(false);
    else this.formError.set(showProblemOnForm(this.form, result.problem));
  }
}
