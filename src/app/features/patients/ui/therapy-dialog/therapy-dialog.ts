import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  THERAPY_KINDS,
  THERAPY_LABELS,
  THERAPY_RESPONSES,
  type TherapyCreate,
  TherapyCreateSchema,
  type TherapyKind,
  type TherapyResponse,
  type TherapyView,
} from '@domain';
import { fieldMessage } from '../../../../shared/forms/schema-errors.ts';
import type { WriteResult } from '../../../../core/write-result.ts';
import { RESPONSE_LABELS } from '../care-labels.ts';
import { DialogActions } from '../../../../shared/ui/dialog-actions/dialog-actions.ts';
import { confirmDiscardOnEscape } from '../../../../core/forms/confirm-discard.ts';
import { FormSubmit } from '../../../../core/forms/form-submit.ts';
import { FormError } from '../../../../shared/ui/form-error/form-error.ts';
import { DateTextInput } from '../../../../shared/forms/date-text-input.ts';
import { todayLocal } from '../../../../shared/format/date-format.ts';

/** How the dialog saves: the page passes the store's addTherapy. */
export interface TherapyDialogData {
  save: (body: TherapyCreate) => Promise<WriteResult<TherapyView>>;
}

/** Records one conservative-care therapy: kind, start, end (empty = ongoing), response, notes. */
@Component({
  selector: 'app-therapy-dialog',
  imports: [
    DateTextInput,
    FormError,
    DialogActions,
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
  ],
  template: `
    <h2 mat-dialog-title>Add therapy</h2>
    <form [formGroup]="form" (ngSubmit)="add()" novalidate>
      <mat-dialog-content>
        <app-form-error [message]="submit.formError()" />
        <div class="fields">
          <mat-form-field class="wide">
            <mat-label>Therapy</mat-label>
            <mat-select formControlName="kind">
              @for (kind of kinds; track kind) {
                <mat-option [value]="kind">{{ kindLabels[kind] }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ fieldMessage(form.controls.kind) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Start date</mat-label>
            <input matInput appDateText formControlName="startDate" />
            <mat-error>{{ fieldMessage(form.controls.startDate) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>End date</mat-label>
            <input matInput appDateText formControlName="endDate" />
            <mat-hint>Leave empty while ongoing</mat-hint>
            <mat-error>{{ fieldMessage(form.controls.endDate) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Response</mat-label>
            <mat-select formControlName="response">
              <mat-option [value]="null">Not known yet</mat-option>
              @for (response of responses; track response) {
                <mat-option [value]="response">{{ responseLabels[response] }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ fieldMessage(form.controls.response) }}</mat-error>
          </mat-form-field>
          <mat-form-field class="wide">
            <mat-label>Notes</mat-label>
            <textarea matInput formControlName="notes" rows="2"></textarea>
            <mat-error>{{ fieldMessage(form.controls.notes) }}</mat-error>
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <app-dialog-actions [saving]="submit.saving()" submitLabel="Add therapy" />
    </form>
  `,
  styleUrl: '../care-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TherapyDialog {
  private readonly data = inject<TherapyDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<TherapyDialog, TherapyView>>(MatDialogRef);
  private readonly formBuilder = inject(NonNullableFormBuilder);

  protected readonly kinds = THERAPY_KINDS;
  protected readonly kindLabels = THERAPY_LABELS;
  protected readonly responses = THERAPY_RESPONSES;
  protected readonly responseLabels = RESPONSE_LABELS;
  protected readonly today = todayLocal();
  protected readonly fieldMessage = fieldMessage;

  protected readonly form = this.formBuilder.group({
    kind: this.formBuilder.control<TherapyKind | null>(null),
    startDate: '',
    endDate: '',
    response: this.formBuilder.control<TherapyResponse | null>(null),
    notes: '',
  });
  protected readonly submit = new FormSubmit(this.form);
  /** Escape or a click beside the dialog asks before losing typed input. */
  protected readonly requestClose = confirmDiscardOnEscape(this.form);

  protected async add(): Promise<void> {
    const v = this.form.getRawValue();
    const result = await this.submit.run(
      () =>
        this.submit.parse(TherapyCreateSchema, {
          kind: v.kind ?? undefined,
          startDate: v.startDate || undefined,
          endDate: v.endDate || null,
          response: v.response,
          notes: v.notes.trim() || null,
        }),
      (body) => this.data.save(body),
    );
    if (result?.ok) this.dialogRef.close(result.value);
  }
}
