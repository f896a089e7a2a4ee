import { DatePipe } from '../../../../shared/format/format-pipes.ts';
import { ChangeDetectionStrategy, Component, inject, type Signal, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  FACET_LEVELS,
  type Intent,
  INTENTS,
  PlannedProcedureCreateSchema,
  type PlannedProcedureCreate,
  type PlannedProcedureView,
  PROCEDURE_KINDS,
  PROCEDURE_LABELS,
  type ProcedureKind,
  type Region,
  type Side,
} from '@domain';
import { confirmDiscardOnEscape } from '../../../../core/forms/confirm-discard.ts';
import { FormSubmit } from '../../../../core/forms/form-submit.ts';
import type { WriteResult } from '../../../../core/write-result.ts';
import { DateTextInput } from '../../../../shared/forms/date-text-input.ts';
import { fieldMessage } from '../../../../shared/forms/schema-errors.ts';
import { FormError } from '../../../../shared/ui/form-error/form-error.ts';

/** The episode a booking is for, who may perform it, and how the dialog checks and saves. */
export interface BookingDialogData {
  region: Region;
  side: Side;
  /** Who may perform it (a signal: the list may still be loading when the dialog opens). */
  performers: Signal<{ id: string; name: string }[]>;
  /** The signed-in physician books for themself by default. */
  defaultPerformerId: string | null;
  check: (body: PlannedProcedureCreate) => Promise<WriteResult<PlannedProcedureView['checks']>>;
  save: (body: PlannedProcedureCreate) => Promise<WriteResult<PlannedProcedureView>>;
}

/**
 * Books a procedure for a day (issue 12): kind, intent, levels, side, performer, date. The payer-rule
 * dry run shows in the dialog before and after booking, so problems are seen days ahead; once saved,
 * the dialog confirms what was booked.
 */
@Component({
  selector: 'app-booking-dialog',
  imports: [
    DatePipe,
    DateTextInput,
    FormError,
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
  ],
  templateUrl: './booking-dialog.html',
  styleUrls: ['../care-dialog.scss', './booking-dialog.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BookingDialog {
  protected readonly data = inject<BookingDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef =
    inject<MatDialogRef<BookingDialog, PlannedProcedureView>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly kinds = PROCEDURE_KINDS;
  protected readonly kindLabels = PROCEDURE_LABELS;
  protected readonly intents = INTENTS;
  protected readonly levels = FACET_LEVELS[this.data.region];
  protected readonly sides = ['left', 'right', 'bilateral'] as const;
  protected readonly fieldMessage = fieldMessage;

  protected readonly form = this.fb.group({
    kind: this.fb.control<ProcedureKind>('mbb'),
    intent: this.fb.control<Intent>('diagnostic'),
    levels: this.fb.control<string[]>([]),
    side: this.fb.control<Side>(this.data.side),
    performerId: this.fb.control<string | null>(this.data.defaultPerformerId),
    plannedDate: '',
    notes: '',
  });
  protected readonly submit = new FormSubmit(this.form);
  protected readonly requestClose = confirmDiscardOnEscape(this.form);
  /** The dry run's checks not met (null: not run since the last change). */
  protected readonly checks = signal<PlannedProcedureView['checks'] | null>(null);
  /** The saved booking, once booked: the dialog then confirms it. */
  protected readonly booked = signal<PlannedProcedureView | null>(null);

  constructor() {
    // A changed form makes the last dry run stale.
    this.form.valueChanges.subscribe(() => this.checks.set(null));
    // The usual intent of each kind: a block is diagnostic, an ablation treats (the physician may change it).
    this.form.controls.kind.valueChanges.subscribe((kind) =>
      this.form.controls.intent.setValue(kind === 'rfa' ? 'therapeutic' : 'diagnostic'),
    );
  }

  protected performerName(id: string | null): string {
    return this.data.performers().find((p) => p.id === id)?.name ?? 'the physician';
  }

  private body(): PlannedProcedureCreate | null {
    const v = this.form.getRawValue();
    return this.submit.parse(PlannedProcedureCreateSchema, {
      kind: v.kind,
      intent: v.intent,
      levels: v.levels,
      side: v.side,
      performerId: v.performerId ?? undefined,
      plannedDate: v.plannedDate || undefined,
      notes: v.notes.trim() || null,
    });
  }

  /** The payer-rule dry run for what is filled in; nothing is saved. */
  protected async checkRules(): Promise<void> {
    const result = await this.submit.run(
      () => this.body(),
      (body) => this.data.check(body),
    );
    if (result?.ok) this.checks.set(result.value);
  }

  protected async book(): Promise<void> {
    const result = await this.submit.run(
      () => this.body(),
      (body) => this.data.save(body),
    );
    if (result?.ok) {
      this.form.markAsPristine();
      this.booked.set(result.value);
    }
  }

  protected done(): void {
    this.dialogRef.close(this.booked() ?? undefined);
  }
}
