import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { type FormControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  DEFAULT_FOLLOW_UP_SETTINGS,
  formatFollowUpPoints,
  parseFollowUpPoints,
  type RuleSetSettings,
  RuleSetSettingsSchema,
  type RuleSetView,
  citedSources,
} from '@domain';
import { fieldMessage } from '../../../../shared/forms/schema-errors.ts';
import type { WriteResult } from '../../../../core/write-result.ts';
import { DialogActions } from '../../../../shared/ui/dialog-actions/dialog-actions.ts';
import { FormSubmit } from '../../../../core/forms/form-submit.ts';
import { FormError } from '../../../../shared/ui/form-error/form-error.ts';

/** The rule set to edit and how to save the new version (the page passes the store's method). */
export interface RuleSetEditDialogData {
  ruleSet: RuleSetView;
  save: (settings: RuleSetSettings) => Promise<WriteResult<RuleSetView>>;
  /** Only shows the settings (a built-in rule set, or an older version): nothing can be saved. */
  readOnly?: boolean;
}

type NumberSetting = Exclude<
  keyof RuleSetSettings,
  'thresholdExclusive' | 'diaryMinutes' | 'followUpPoints' | 'diagnosticFollowUpPoints'
>;

/** The numeric settings, in the order a reviewer reads them. */
const NUMBER_FIELDS: readonly { key: NumberSetting; label: string; hint?: string }[] = [
  { key: 'positiveThresholdPercent', label: 'Positive threshold (%)' },
  { key: 'greyZoneLowerPercent', label: 'Grey zone from (%)', hint: 'Empty for no grey zone' },
  {
    key: 'anestheticPhaseMinutes',
    label: 'Anesthetic phase (minutes)',
    hint: 'Peak relief is read in this window',
  },
  { key: 'lateEntryMinutes', label: 'Late entry after (minutes)' },
  {
    key: 'moderatePainMinNrs',
    label: 'Moderate pain from (NRS)',
    hint: 'Baseline needed for the indication check',
  },
  { key: 'blocksRequiredBeforeRfa', label: 'Positive blocks before RFA' },
  { key: 'minDaysBetweenBlocks', label: 'Days between blocks' },
  { key: 'conservativeCareMinDays', label: 'Conservative care (days)' },
  { key: 'maxDiagnosticSessionsPer12Months', label: 'Diagnostic sessions per 12 months' },
  { key: 'maxTherapeuticIaSessionsPer12Months', label: 'Therapeutic IA sessions per 12 months' },
  { key: 'maxRfaSessionsPer12Months', label: 'RFA sessions per 12 months' },
  { key: 'followUpWindowDays', label: 'Follow-up window (± days)' },
  { key: 'followUpMaxAttempts', label: 'Unanswered calls before missed' },
];

/** "15, 30, 60" as numbers; anything that is not a number stays NaN so the schema names it. */
export function parseMinuteList(text: string): number[] {
  return text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((part) => (/^-?\d+(\.\d+)?$/.test(part) ? Number(part) : Number.NaN));
}

/** Schema paths ("settings.diaryMinutes.3") name the form's controls ("diaryMinutes"). */
function formPath(path: string): string {
  const bare = path.replace(/^settings\./, '');
  for (const list of ['diaryMinutes', 'followUpPoints', 'diagnosticFollowUpPoints'])
    if (bare.startsWith(list)) return list;
  return bare;
}

/** Edits a practice rule set's settings; saving creates a new version. Closes with it, or undefined. */
@Component({
  selector: 'app-rule-set-edit-dialog',
  imports: [
    FormError,
    DialogActions,
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
  ],
  templateUrl: './rule-set-edit-dialog.html',
  styleUrl: './rule-set-edit-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RuleSetEditDialog {
  protected readonly data = inject<RuleSetEditDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<RuleSetEditDialog, RuleSetView>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly settings = this.data.ruleSet.settings;
  /** The source's citations ("[23]") with their full references (domain.md "Sources"). */
  protected readonly sources = citedSources(this.data.ruleSet.source ?? '');

  protected readonly numberFields = NUMBER_FIELDS;
  protected readonly form = this.fb.group({
    ...(Object.fromEntries(
      NUMBER_FIELDS.map(({ key }) => [
        key,
        this.fb.control<number | null>(this.settings[key] ?? null),
      ]),
    ) as Record<NumberSetting, FormControl<number | null>>),
    thresholdExclusive: this.settings.thresholdExclusive,
    diaryMinutes: (this.settings.diaryMinutes ?? []).join(', '),
    followUpPoints: formatFollowUpPoints(
      this.settings.followUpPoints ?? DEFAULT_FOLLOW_UP_SETTINGS.followUpPoints,
    ),
    diagnosticFollowUpPoints: formatFollowUpPoints(
      this.settings.diagnosticFollowUpPoints ?? DEFAULT_FOLLOW_UP_SETTINGS.diagnosticFollowUpPoints,
    ),
  });
  protected readonly submit = new FormSubmit(this.form, formPath);
  protected readonly fieldMessage = fieldMessage;

  constructor() {
    if (this.data.readOnly) this.form.disable();
  }

  protected async save(): Promise<void> {
    const value = this.form.getRawValue();
    const result = await this.submit.run(
      // Settings this form does not show keep their current values.
      () =>
        this.submit.parse(RuleSetSettingsSchema, {
          ...this.settings,
          ...value,
          diaryMinutes: parseMinuteList(value.diaryMinutes),
          followUpPoints: parseFollowUpPoints(value.followUpPoints),
          diagnosticFollowUpPoints: parseFollowUpPoints(value.diagnosticFollowUpPoints),
        }),
      (settings) => this.data.save(settings),
    );
    if (result?.ok) this.dialogRef.close(result.value);
  }
}
