import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  type FormControl,
  type FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  type FunctionInstrument,
  FunctionScoreCreateSchema,
  type FunctionScoreView,
  INSTRUMENT_LABELS,
  INSTRUMENT_SECTIONS,
  type Region,
} from '@domain';
import { fieldMessage } from '../../../../shared/forms/schema-errors.ts';
import { FieldMessage } from '../../../../shared/ui/field-message/field-message.ts';
import type { WriteResult } from '../../../../core/write-result.ts';
import type { FunctionScoreCreate } from '../../data/patients-api.ts';
import { scale, sectionLabel } from '../care-labels.ts';
import { DialogActions } from '../../../../shared/ui/dialog-actions/dialog-actions.ts';
import { confirmDiscardOnEscape } from '../../../../core/forms/confirm-discard.ts';
import { FormSubmit } from '../../../../core/forms/form-submit.ts';
import { FormError } from '../../../../shared/ui/form-error/form-error.ts';
import { DateTextInput } from '../../../../shared/forms/date-text-input.ts';
import { todayLocal } from '../../../../shared/format/date-format.ts';

/** The episode's region (which questionnaires fit) and how to save (the store's addFunctionScore). */
export interface FunctionScoreDialogData {
  region: Region;
  save: (body: FunctionScoreCreate) => Promise<WriteResult<FunctionScoreView>>;
}

/** ODI for the low back, NDI for the neck; either for the thoracic spine (domain.md section 5). */
const INSTRUMENTS_FOR: Readonly<Record<Region, readonly FunctionInstrument[]>> = {
  lumbar: ['odi'],
  cervical: ['ndi'],
  thoracic: ['odi', 'ndi'],
};

type SectionControls = FormGroup<Record<string, FormControl<number | null>>>;

/** Records ODI or NDI section scores 0-5 by section name; the server computes total and band. */
@Component({
  selector: 'app-function-score-dialog',
  imports: [
    DateTextInput,
    FormError,
    DialogActions,
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonToggleModule,
    MatButtonModule,
    FieldMessage,
  ],
  templateUrl: './function-score-dialog.html',
  styleUrl: '../care-dialog.scss',
  styles: `
    .section {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 4px 16px;
      padding: 4px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FunctionScoreDialog {
  protected readonly data = inject<FunctionScoreDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef =
    inject<MatDialogRef<FunctionScoreDialog, FunctionScoreView>>(MatDialogRef);
  private readonly formBuilder = inject(NonNullableFormBuilder);

  protected readonly instruments = INSTRUMENTS_FOR[this.data.region];
  protected readonly instrumentLabels = INSTRUMENT_LABELS;
  protected readonly sectionScale = scale(5);
  protected readonly sectionLabel = sectionLabel;
  protected readonly today = todayLocal();
  protected readonly fieldMessage = fieldMessage;

  protected readonly form = this.formBuilder.group({
    instrument: this.formBuilder.control<FunctionInstrument>(this.instruments[0]!),
    takenOn: this.today,
    sections: this.sectionControls(this.instruments[0]!),
  });
  /** The section names of the chosen questionnaire. */
  protected readonly sections = signal<readonly string[]>(
    INSTRUMENT_SECTIONS[this.instruments[0]!],
  );
  protected readonly submit = new FormSubmit(this.form);
  /** Escape or a click beside the dialog asks before losing typed input. */
  protected readonly requestClose = confirmDiscardOnEscape(this.form);

  constructor() {
    this.form.controls.instrument.valueChanges.subscribe((instrument) => {
      this.form.setControl('sections', this.sectionControls(instrument));
      this.sections.set(INSTRUMENT_SECTIONS[instrument]);
    });
  }

  protected sectionControl(name: string): FormControl<number | null> {
    return this.form.controls.sections.controls[name]!;
  }

  protected async record(): Promise<void> {
    const result = await this.submit.run(
      () =>
        this.submit.parse(FunctionScoreCreateSchema, {
          ...this.form.getRawValue(),
          takenOn: this.form.controls.takenOn.value || undefined,
        }),
      (body) => this.data.save(body),
    );
    if (result?.ok) this.dialogRef.close(result.value);
  }

  private sectionControls(instrument: FunctionInstrument): SectionControls {
    return this.formBuilder.group(
      Object.fromEntries(
        INSTRUMENT_SECTIONS[instrument].map((name) => [
          name,
          this.formBuilder.control<number | null>(null),
        ]),
      ),
    );
  }
}
