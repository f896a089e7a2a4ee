import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  type Signal,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import {
  type PatientCreate,
  PatientCreateSchema,
  PatientUpdateSchema,
  type PatientView,
  type Sex,
  SEXES,
} from '@domain';
import { fieldMessage } from '../../../../shared/forms/schema-errors.ts';
import {
  DISTANCE_UNIT_LABELS,
  type DistanceUnit,
  distanceFormPath,
  kmToUnit,
  unitToKm,
} from '../../data/distance-unit-store.ts';
import type { PatientChange } from '../../data/patient-record-store.ts';
import type { WriteResult } from '../../../../core/write-result.ts';
import { DistanceUnitToggle } from '../distance-unit-toggle/distance-unit-toggle.ts';
import {
  PATIENT_FIELD_LABELS,
  type PatientField,
  patientFieldText,
  SEX_LABELS,
} from './patient-fields.ts';
import { DialogActions } from '../../../../shared/ui/dialog-actions/dialog-actions.ts';
import { confirmDiscardOnEscape } from '../../../../core/forms/confirm-discard.ts';
import { FormSubmit } from '../../../../core/forms/form-submit.ts';
import { DateTextInput } from '../../../../shared/forms/date-text-input.ts';
import { todayLocal } from '../../../../shared/format/date-format.ts';

/** Said when someone else saved the patient first; the form keeps what the user typed. */
export const PATIENT_CONFLICT_MESSAGE = 'Someone else changed this patient';

/** What the form needs from its page: the unit setting, and how to save (the store's method). */
export type PatientFormDialogData = {
  unit: Signal<DistanceUnit>;
  chooseUnit: (unit: DistanceUnit) => void;
} & (
  | {
      mode: 'register';
      save: (body: PatientCreate) => Promise<WriteResult<PatientView, PatientView>>;
    }
  | {
      mode: 'edit';
      patient: PatientView;
      save: (
        change: PatientChange,
        version: number,
      ) => Promise<WriteResult<PatientView, PatientView>>;
    }
);

/** Register or edit a patient; closes with the saved patient, or undefined when cancelled. */
@Component({
  selector: 'app-patient-form-dialog',
  imports: [
    DateTextInput,
    DialogActions,
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatButtonModule,
    DistanceUnitToggle,
  ],
  templateUrl: './patient-form-dialog.html',
  styleUrl: './patient-form-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientFormDialog {
  protected readonly data = inject<PatientFormDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<PatientFormDialog, PatientView>>(MatDialogRef);
  private readonly formBuilder = inject(NonNullableFormBuilder);

  protected readonly sexes = SEXES;
  protected readonly sexLabels = SEX_LABELS;
  protected readonly unitLabels = DISTANCE_UNIT_LABELS;
  protected readonly fieldLabels = PATIENT_FIELD_LABELS;
  protected readonly today = todayLocal();
  protected readonly fieldMessage = fieldMessage;
  protected readonly conflictMessage = PATIENT_CONFLICT_MESSAGE;

  protected readonly form = this.formBuilder.group({
    mrn: '',
    givenName: '',
    familyName: '',
    birthDate: '',
    sex: this.formBuilder.control<Sex | null>(null),
    phone: '',
    email: '',
    runner: false,
    /** In the user's unit. */
    weeklyDistance: this.formBuilder.control<number | null>(null),
  });
  protected readonly runner = signal(false);
  protected readonly submit = new FormSubmit(this.form, distanceFormPath);
  /** Escape or a click beside the dialog asks before losing typed input. */
  protected readonly requestClose = confirmDiscardOnEscape(this.form);
  /** The version the next save builds on: the one opened, or the other person's after a conflict. */
  private readonly version = signal(this.data.mode === 'edit' ? this.data.patient.version : 0);
  /** After a conflict: the other person's saved patient, and what this user tried to save. */
  private readonly conflict = signal<{ theirs: PatientView; mine: PatientChange } | null>(null);
  /** The fields where their saved value differs from this user's input. */
  protected readonly theirChanges = computed(() => {
    const conflict = this.conflict();
    if (!conflict) return [];
    const unit = this.data.unit();
    const mine = { ...conflict.theirs, ...conflict.mine } as PatientView;
    return (Object.keys(PATIENT_FIELD_LABELS) as PatientField[])
      .map((field) => ({
        field,
        label: PATIENT_FIELD_LABELS[field],
        theirs: patientFieldText(conflict.theirs, field, unit),
        yours: patientFieldText(mine, field, unit),
      }))
      .filter((row) => row.theirs !== row.yours);
  });
  protected readonly hasConflict = computed(() => this.conflict() !== null);

  constructor() {
    if (this.data.mode === 'edit') {
      const p = this.data.patient;
      this.form.setValue({
        mrn: p.mrn,
        givenName: p.givenName,
        familyName: p.familyName,
        birthDate: p.birthDate,
        sex: p.sex,
        phone: p.phone ?? '',
        email: p.email ?? '',
        runner: p.runner,
        weeklyDistance:
          p.weeklyDistanceKm === null ? null : kmToUnit(p.weeklyDistanceKm, this.data.unit()),
      });
      this.runner.set(p.runner);
    }
    this.form.controls.runner.valueChanges.subscribe((runner) => this.runner.set(runner));
  }

  /** Switches km/miles, converting a distance already typed so it keeps its meaning. */
  protected chooseUnit(unit: DistanceUnit): void {
    const value = this.form.controls.weeklyDistance.value;
    if (value !== null) {
      this.form.controls.weeklyDistance.setValue(kmToUnit(unitToKm(value, this.data.unit()), unit));
    }
    this.data.chooseUnit(unit);
  }

  protected async save(): Promise<void> {
    const fields = this.fields();
    const edit = this.data.mode === 'edit';
    const result = await this.submit.run(
      () =>
        this.submit.parse(
          edit ? PatientUpdateSchema : PatientCreateSchema,
          edit ? { ...fields, version: this.version() } : fields,
        ),
      (parsed) => {
        const { version: _version, ...body } = { version: 0, ...parsed };
        return this.data.mode === 'edit'
          ? this.data.save(body, this.version())
          : this.data.save(body as PatientCreate);
      },
      (failed) => {
        // Keep the user's input; the next save goes on top of the other person's version.
        if (failed.current) {
          this.version.set(failed.current.version);
          this.conflict.set({ theirs: failed.current, mine: fields });
        } else this.submit.showProblem(failed.problem);
      },
    );
    if (result?.ok) this.dialogRef.close(result.value);
  }

  /** The form's values as the API names them (km, nulls for empty optional fields). */
  private fields(): PatientChange {
    const v = this.form.getRawValue();
    return {
      mrn: v.mrn.trim(),
      givenName: v.givenName.trim(),
      familyName: v.familyName.trim(),
      // Empty inputs are "missing", so the schema says "is required" rather than "must be a date".
      birthDate: v.birthDate || undefined,
      sex: v.sex ?? undefined,
      phone: v.phone.trim() || null,
      email: v.email.trim() || null,
      runner: v.runner,
      weeklyDistanceKm:
        v.runner && v.weeklyDistance !== null ? unitToKm(v.weeklyDistance, this.data.unit()) : null,
    };
  }
}
