import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  type EpisodeCreate,
  EpisodeCreateSchema,
  type EpisodeView,
  FACET_SIGNS,
  monthsBetween,
  type OtherCause,
  type Radiculopathy,
  type Region,
  REGIONS,
  type Side,
  SIDES,
  SUSPECTED_CAUSES,
} from '@domain';
import { fieldMessage } from '../../../../shared/forms/schema-errors.ts';
import { FieldMessage } from '../../../../shared/ui/field-message/field-message.ts';
import type { WriteResult } from '../../../../core/write-result.ts';
import { REGION_LABELS, scale, SIDE_LABELS } from '../care-labels.ts';
import { DialogActions } from '../../../../shared/ui/dialog-actions/dialog-actions.ts';
import { confirmDiscardOnEscape } from '../../../../core/forms/confirm-discard.ts';
import { FormSubmit } from '../../../../core/forms/form-submit.ts';
import { FormError } from '../../../../shared/ui/form-error/form-error.ts';
import { DateTextInput } from '../../../../shared/forms/date-text-input.ts';
import { todayLocal } from '../../../../shared/format/date-format.ts';

/** How the dialog saves: the page passes the store's openEpisode. */
export interface EpisodeFormDialogData {
  save: (body: EpisodeCreate) => Promise<WriteResult<EpisodeView>>;
}

const checklist = <T extends Record<string, string>>(labels: T) =>
  Object.entries(labels).map(([key, label]) => ({ key: key as keyof T & string, label }));

/** Opens an episode: region, side, onset, index pain, intake checklist and baseline pain. */
@Component({
  selector: 'app-episode-form-dialog',
  imports: [
    DateTextInput,
    FormError,
    DialogActions,
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatCheckboxModule,
    MatButtonToggleModule,
    MatButtonModule,
    FieldMessage,
  ],
  templateUrl: './episode-form-dialog.html',
  styleUrl: '../care-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EpisodeFormDialog {
  private readonly data = inject<EpisodeFormDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<EpisodeFormDialog, EpisodeView>>(MatDialogRef);
  private readonly formBuilder = inject(NonNullableFormBuilder);

  protected readonly regions = REGIONS;
  protected readonly regionLabels = REGION_LABELS;
  protected readonly sides = SIDES;
  protected readonly sideLabels = SIDE_LABELS;
  protected readonly signs = checklist(FACET_SIGNS);
  protected readonly causes = checklist(SUSPECTED_CAUSES);
  protected readonly nrsScale = scale(10);
  /** Intake exclusions the indication check reads (domain.md section 4). */
  protected readonly radiculopathy = [
    { value: 'none', label: 'None' },
    { value: 'treated', label: 'Present, treated' },
    { value: 'untreated', label: 'Present, untreated' },
  ] as const satisfies readonly { value: Radiculopathy; label: string }[];
  protected readonly otherCauses = [
    { value: 'none', label: 'None found' },
    { value: 'fracture', label: 'Fracture' },
    { value: 'tumor', label: 'Tumor' },
    { value: 'infection', label: 'Infection' },
    { value: 'other', label: 'Other' },
  ] as const satisfies readonly { value: OtherCause; label: string }[];
  protected readonly baselines = [
    { control: 'baselineNrsRest', label: 'Baseline pain at rest (NRS 0–10)' },
    { control: 'baselineNrsActivity', label: 'Baseline pain with activity (NRS 0–10)' },
  ] as const;
  protected readonly today = todayLocal();
  protected readonly fieldMessage = fieldMessage;

  protected readonly form = this.formBuilder.group({
    region: this.formBuilder.control<Region | null>(null),
    side: this.formBuilder.control<Side | null>(null),
    onsetDate: '',
    indexPain: '',
    signs: this.formBuilder.group(Object.fromEntries(this.signs.map((s) => [s.key, false]))),
    causes: this.formBuilder.group(Object.fromEntries(this.causes.map((c) => [c.key, false]))),
    baselineNrsRest: this.formBuilder.control<number | null>(null),
    baselineNrsActivity: this.formBuilder.control<number | null>(null),
    radiculopathy: this.formBuilder.control<Radiculopathy | null>(null),
    otherCause: this.formBuilder.control<OtherCause | null>(null),
  });
  protected readonly submit = new FormSubmit(this.form);
  /** Escape or a click beside the dialog asks before losing typed input. */
  protected readonly requestClose = confirmDiscardOnEscape(this.form);

  private readonly onsetDate = toSignal(this.form.controls.onsetDate.valueChanges, {
    initialValue: '',
  });
  /** How long the pain has lasted, from the onset date: the ">= 3 months" indication. */
  protected readonly painDuration = computed(() => {
    const onset = this.onsetDate();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(onset) || onset > this.today) return null;
    const months = monthsBetween(onset, this.today);
    return months === 1 ? 'Pain for 1 month' : `Pain for ${months} months`;
  });

  protected async open(): Promise<void> {
    const v = this.form.getRawValue();
    const chosen = (group: Record<string, boolean>) =>
      Object.keys(group).filter((key) => group[key]);
    const result = await this.submit.run(
      () =>
        this.submit.parse(EpisodeCreateSchema, {
          region: v.region ?? undefined,
          side: v.side ?? undefined,
          onsetDate: v.onsetDate || undefined,
          indexPain: v.indexPain.trim(),
          signs: chosen(v.signs),
          causes: chosen(v.causes),
          baselineNrsRest: v.baselineNrsRest,
          baselineNrsActivity: v.baselineNrsActivity,
          radiculopathy: v.radiculopathy,
          otherCause: v.otherCause,
        }),
      (body) => this.data.save(body),
    );
    if (result?.ok) this.dialogRef.close(result.value);
  }
}
