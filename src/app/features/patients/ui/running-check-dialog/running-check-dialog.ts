import { ChangeDetectionStrategy, Component, inject, type Signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import {
  RUNNING_STATUSES,
  RunningCheckCreateSchema,
  type RunningCheckView,
  type RunningStatus,
} from '@domain';
import { fieldMessage } from '../../../../shared/forms/schema-errors.ts';
import { FieldMessage } from '../../../../shared/ui/field-message/field-message.ts';
import {
  DISTANCE_UNIT_LABELS,
  type DistanceUnit,
  distanceFormPath,
  kmToUnit,
  unitToKm,
} from '../../data/distance-unit-store.ts';
import type { WriteResult } from '../../../../core/write-result.ts';
import type { RunningCheckCreate } from '../../data/patients-api.ts';
import { RUNNING_STATUS_LABELS } from '../care-labels.ts';
import { DistanceUnitToggle } from '../distance-unit-toggle/distance-unit-toggle.ts';
import { DialogActions } from '../../../../shared/ui/dialog-actions/dialog-actions.ts';
import { confirmDiscardOnEscape } from '../../../../core/forms/confirm-discard.ts';
import { FormSubmit } from '../../../../core/forms/form-submit.ts';
import { FormError } from '../../../../shared/ui/form-error/form-error.ts';
import { DateTextInput } from '../../../../shared/forms/date-text-input.ts';
import { todayLocal } from '../../../../shared/format/date-format.ts';

/** The unit setting and how to save (the store's addRunningCheck). */
export interface RunningCheckDialogData {
  unit: Signal<DistanceUnit>;
  chooseUnit: (unit: DistanceUnit) => void;
  save: (body: RunningCheckCreate) => Promise<WriteResult<RunningCheckView>>;
}

/** Records return to running: fully, partly or not, and the weekly distance now. */
@Component({
  selector: 'app-running-check-dialog',
  imports: [
    DateTextInput,
    FormError,
    DialogActions,
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatButtonModule,
    FieldMessage,
    DistanceUnitToggle,
  ],
  template: `
    <h2 mat-dialog-title>Record return to running</h2>
    <form [formGroup]="form" (ngSubmit)="record()" novalidate>
      <mat-dialog-content>
        <app-form-error [message]="submit.formError()" />
        <div class="fields">
          <mat-form-field>
            <mat-label>Date</mat-label>
            <input matInput appDateText formControlName="takenOn" />
            <mat-error>{{ fieldMessage(form.controls.takenOn) }}</mat-error>
          </mat-form-field>
        </div>
        <fieldset>
          <legend id="running-status">Back to running?</legend>
          <mat-radio-group formControlName="status" aria-labelledby="running-status">
            @for (status of statuses; track status) {
              <mat-radio-button [value]="status">{{ statusLabels[status] }}</mat-radio-button>
            }
          </mat-radio-group>
          <app-field-message [message]="fieldMessage(form.controls.status)" />
        </fieldset>
        <div class="inline-fields">
          <mat-form-field>
            <mat-label>Weekly distance ({{ unitLabels[data.unit()] }})</mat-label>
            <input
              matInput
              type="number"
              inputmode="decimal"
              min="0"
              step="0.1"
              formControlName="weeklyDistance"
            />
            <mat-error>{{ fieldMessage(form.controls.weeklyDistance) }}</mat-error>
          </mat-form-field>
          <app-distance-unit-toggle [unit]="data.unit()" (unitChange)="chooseUnit($event)" />
        </div>
      </mat-dialog-content>
      <app-dialog-actions [saving]="submit.saving()" submitLabel="Record" />
    </form>
  `,
  styleUrl: '../care-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RunningCheckDialog {
  protected readonly data = inject<RunningCheckDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef =
    inject<MatDialogRef<RunningCheckDialog, RunningCheckView>>(MatDialogRef);
  private readonly formBuilder = inject(NonNullableFormBuilder);

  protected readonly statuses = RUNNING_STATUSES;
  protected readonly statusLabels = RUNNING_STATUS_LABELS;
  protected readonly unitLabels = DISTANCE_UNIT_LABELS;
  protected readonly today = todayLocal();
  protected readonly fieldMessage = fieldMessage;

  protected readonly form = this.formBuilder.group({
    takenOn: this.today,
    status: this.formBuilder.control<RunningStatus | null>(null),
    weeklyDistance: this.formBuilder.control<number | null>(null),
  });
  protected readonly submit = new FormSubmit(this.form, distanceFormPath);
  /** Escape or a click beside the dialog asks before losing typed input. */
  protected readonly requestClose = confirmDiscardOnEscape(this.form);

  /** Switches km/miles, converting a distance already typed so it keeps its meaning. */
  protected chooseUnit(unit: DistanceUnit): void {
    const value = this.form.controls.weeklyDistance.value;
    if (value !== null)
      this.form.controls.weeklyDistance.setValue(kmToUnit(unitToKm(value, this.data.unit()), unit));
    this.data.chooseUnit(unit);
  }

  protected async record(): Promise<void> {
    const v = this.form.getRawValue();
    const result = await this.submit.run(
      () =>
        this.submit.parse(RunningCheckCreateSchema, {
          takenOn: v.takenOn || undefined,
          status: v.status ?? undefined,
          weeklyDistanceKm:
            v.weeklyDistance === null ? null : unitToKm(v.weeklyDistance, this.data.unit()),
        }),
      (body) => this.data.save(body),
    );
    if (result?.ok) this.dialogRef.close(result.value);
  }
}
