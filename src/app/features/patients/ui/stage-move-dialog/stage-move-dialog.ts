import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import {
  checkStageMove,
  CLOSING_STAGES,
  type EpisodeView,
  type MoveKind,
  nextStages,
  type Stage,
  STAGE_LABELS,
  STAGE_MOVES,
} from '@domain';
import { fieldMessage } from '../../../../shared/forms/schema-errors.ts';
import { FieldMessage } from '../../../../shared/ui/field-message/field-message.ts';
import { StageChip } from '../../../../shared/ui/stage-chip/stage-chip.ts';
import type { WriteResult } from '../../../../core/write-result.ts';
import { DialogActions } from '../../../../shared/ui/dialog-actions/dialog-actions.ts';
import { confirmDiscardOnEscape } from '../../../../core/forms/confirm-discard.ts';
import { FormSubmit } from '../../../../core/forms/form-submit.ts';
import { FormError } from '../../../../shared/ui/form-error/form-error.ts';

/** The stage the episode is in, and how to move it (the page passes the store's moveStage). */
export interface StageMoveDialogData {
  from: Stage;
  /** False hides the moves that end the pathway (a physician's decision, domain/roles.ts CLOSING_STAGES). */
  canClose?: boolean;
  save: (to: Stage, reason: string | null) => Promise<WriteResult<EpisodeView>>;
}

const KIND_HINTS: Readonly<Record<MoveKind, string>> = {
  forward: 'next step',
  back: 'back a step: give a reason',
  exit: 'leaves the pathway: give a reason',
};

/** Moves an episode along the pathway; closes with the moved episode, or undefined. */
@Component({
  selector: 'app-stage-move-dialog',
  imports: [
    FormError,
    DialogActions,
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatButtonModule,
    FieldMessage,
    StageChip,
  ],
  template: `
    <h2 mat-dialog-title>Move stage</h2>
    <form [formGroup]="form" (ngSubmit)="move()" novalidate>
      <mat-dialog-content>
        <app-form-error [message]="submit.formError()" />
        <p class="from">Now in <app-stage-chip [stage]="data.from" /></p>
        <fieldset>
          <legend id="stage-move-to">Move to</legend>
          <mat-radio-group formControlName="to" aria-labelledby="stage-move-to" class="options">
            @for (option of options; track option.stage) {
              <mat-radio-button [value]="option.stage">
                {{ option.label }} <span class="hint">({{ option.hint }})</span>
              </mat-radio-button>
            }
          </mat-radio-group>
          <app-field-message [message]="fieldMessage(form.controls.to)" />
        </fieldset>
        <mat-form-field class="reason">
          <mat-label>Reason</mat-label>
          <textarea matInput formControlName="reason" rows="3"></textarea>
          <mat-hint>{{
            reasonRequired() ? 'Required for this move' : 'Optional for a move to the next step'
          }}</mat-hint>
          <mat-error>{{ fieldMessage(form.controls.reason) }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <app-dialog-actions [saving]="submit.saving()" submitLabel="Move stage" />
    </form>
  `,
  styleUrl: '../care-dialog.scss',
  styles: `
    .options {
      display: flex;
      flex-direction: column;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    .reason {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StageMoveDialog {
  protected readonly data = inject<StageMoveDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<StageMoveDialog, EpisodeView>>(MatDialogRef);
  private readonly formBuilder = inject(NonNullableFormBuilder);

  /** The allowed moves, forward first (domain nextStages). */
  protected readonly options = nextStages(this.data.from)
    .filter((stage) => this.data.canClose !== false || !CLOSING_STAGES.includes(stage))
    .map((stage) => ({
      stage,
      label: STAGE_LABELS[stage],
      hint: KIND_HINTS[STAGE_MOVES[this.data.from][stage] ?? 'forward'],
    }));
  protected readonly form = this.formBuilder.group({
    to: this.formBuilder.control<Stage | null>(this.options[0]?.stage ?? null),
    reason: '',
  });
  protected readonly submit = new FormSubmit(this.form);
  /** Escape or a click beside the dialog asks before losing typed input. */
  protected readonly requestClose = confirmDiscardOnEscape(this.form);
  protected readonly fieldMessage = fieldMessage;

  private readonly to = toSignal(this.form.controls.to.valueChanges, {
    initialValue: this.form.controls.to.value,
  });
  protected readonly reasonRequired = computed(() => {
    const to = this.to();
    // Every option is an allowed move, so a refusal without a reason means one is needed.
    return to !== null && !checkStageMove(this.data.from, to, null).allowed;
  });

  protected async move(): Promise<void> {
    const { to, reason } = this.form.getRawValue();
    const result = await this.submit.run(
      () => {
        if (!to) {
          this.submit.show([{ path: 'to', message: 'Choose the stage to move to' }]);
          return null;
        }
        const check = checkStageMove(this.data.from, to, reason);
        if (check.allowed) return { to, reason: reason.trim() || null };
        // A reason is all that is missing when the move itself is allowed.
        this.submit.show([
          { path: STAGE_MOVES[this.data.from][to] ? 'reason' : 'to', message: check.reason },
        ]);
        return null;
      },
      (move) => this.data.save(move.to, move.reason),
      // Someone else moved the episode: this dialog's starting stage is stale, so close; the page explains.
      () => this.dialogRef.close(),
    );
    if (result?.ok) this.dialogRef.close(result.value);
  }
}
