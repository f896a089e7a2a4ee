import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';

/**
 * The footer every form dialog shares: Cancel closes the dialog, the submit button submits the
 * surrounding form and shows a spinner while saving. Place it inside the dialog's <form>.
 */
@Component({
  selector: 'app-dialog-actions',
  imports: [MatButtonModule, MatDialogModule, MatProgressSpinnerModule],
  template: `
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button mat-flat-button type="submit" [disabled]="saving()">
        @if (saving()) {
          <mat-progress-spinner mode="indeterminate" diameter="18" aria-label="Saving" />
        }
        {{ submitLabel() }}
      </button>
    </mat-dialog-actions>
  `,
  // No box of its own: the actions stay a direct part of the dialog's layout.
  styles: ':host { display: contents; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DialogActions {
  /** True while the save is under way: the submit button is disabled and shows a spinner. */
  readonly saving = input(false);
  /** The submit button's words, e.g. "Add therapy". */
  readonly submitLabel = input.required<string>();
}
