import { DatePipe } from '../../../../shared/format/format-pipes.ts';
import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { InterpretationSignSchema, type ProcedureView } from '@domain';
import { fieldMessage, parseForm } from '../../../../shared/forms/schema-errors.ts';
import { FormError } from '../../../../shared/ui/form-error/form-error.ts';

/** A signed interpretation as the API returns it. */
export type SignedInterpretation = NonNullable<ProcedureView['interpretation']>;

/**
 * The physician's signed interpretation: the current version with who and when, and (physicians)
 * a text to sign; signing again makes a new version, the earlier ones stay on record.
 */
@Component({
  selector: 'app-interpretation-panel',
  imports: [
    FormError,
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
  ],
  template: `
    <mat-card appearance="outlined">
      <mat-card-header>
        <mat-card-title><h2>Interpretation</h2></mat-card-title>
      </mat-card-header>
      <mat-card-content>
        @if (interpretation(); as signed) {
          <p class="signed">
            Version {{ signed.version }}, signed by {{ signed.signedByName }} on
            {{ signed.signedAt | date: 'd MMM y, HH:mm' }} (verdict at signing:
            {{ signed.verdict }})
          </p>
          <blockquote>{{ signed.text }}</blockquote>
        } @else {
          <p class="muted">Not interpreted yet.</p>
        }

        @if (canSign()) {
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <app-form-error [message]="error()" />
            <mat-form-field class="text">
              <mat-label>{{
                interpretation() ? 'Revised interpretation' : 'Interpretation'
              }}</mat-label>
              <textarea matInput formControlName="text" rows="4"></textarea>
              <mat-error>{{ fieldMessage(form.controls.text) }}</mat-error>
            </mat-form-field>
            <button mat-flat-button type="submit" [disabled]="signing()">
              @if (signing()) {
                <mat-progress-spinner mode="indeterminate" diameter="18" aria-label="Signing" />
              }
              {{ interpretation() ? 'Sign new version' : 'Sign interpretation' }}
            </button>
          </form>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    h2 {
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    .signed {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    blockquote {
      margin: 0 0 16px;
      padding: 8px 16px;
      border-left: 4px solid var(--mat-sys-primary);
      white-space: pre-wrap;
    }
    .text {
      width: 100%;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InterpretationPanel {
  /** The current signed version, or null. */
  readonly interpretation = input<SignedInterpretation | null>(null);
  /** Whether the user may sign (physicians). */
  readonly canSign = input(false);
  readonly signing = input(false);
  /** Why the last signing failed, or null. */
  readonly error = input<string | null>(null);
  /** The physician signs this text. */
  readonly sign = output<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({ text: '' });
  protected readonly fieldMessage = fieldMessage;

  constructor() {
    // Start a revision from the signed text; a new signed version refills it.
    effect(() => this.form.controls.text.setValue(this.interpretation()?.text ?? ''));
  }

  protected submit(): void {
    const body = parseForm(this.form, InterpretationSignSchema, {
      text: this.form.controls.text.value.trim(),
    });
    if (body) this.sign.emit(body.text);
  }
}
