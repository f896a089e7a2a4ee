import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RuleSetCopySchema, type RuleSetView } from '@domain';
import { fieldMessage } from '../../../../shared/forms/schema-errors.ts';
import type { WriteResult } from '../../../../core/write-result.ts';
import { DialogActions } from '../../../../shared/ui/dialog-actions/dialog-actions.ts';
import { FormSubmit } from '../../../../core/forms/form-submit.ts';
import { FormError } from '../../../../shared/ui/form-error/form-error.ts';

/** Which rule set to copy and how to save the copy (the page passes the store's method). */
export interface RuleSetCopyDialogData {
  from: RuleSetView;
  save: (name: string) => Promise<WriteResult<RuleSetView>>;
}

/** Names a copy of a rule set; closes with the new rule set, or undefined when cancelled. */
@Component({
  selector: 'app-rule-set-copy-dialog',
  imports: [
    FormError,
    DialogActions,
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
  ],
  template: `
    <h2 mat-dialog-title>Copy {{ data.from.name }} v{{ data.from.version }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="dialog-form">
        <app-form-error [message]="submit.formError()" />
        <p>The copy starts with the same settings; you can then edit it.</p>
        <mat-form-field>
          <mat-label>Name of the copy</mat-label>
          <input matInput formControlName="name" autocomplete="off" />
          <mat-error>{{ fieldMessage(form.controls.name) }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <app-dialog-actions [saving]="submit.saving()" submitLabel="Copy" />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RuleSetCopyDialog {
  protected readonly data = inject<RuleSetCopyDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<RuleSetCopyDialog, RuleSetView>>(MatDialogRef);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: `${this.data.from.name} (practice)`,
  });
  protected readonly submit = new FormSubmit(this.form);
  protected readonly fieldMessage = fieldMessage;

  protected async save(): Promise<void> {
    const result = await this.submit.run(
      () =>
        this.submit.parse(RuleSetCopySchema, {
          fromId: this.data.from.id,
          name: this.form.controls.name.value.trim(),
        }),
      (body) => this.data.save(body.name),
    );
    if (result?.ok) this.dialogRef.close(result.value);
  }
}
