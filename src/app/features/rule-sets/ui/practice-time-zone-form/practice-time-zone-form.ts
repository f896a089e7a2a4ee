import { ChangeDetectionStrategy, Component, effect, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type PracticeSettingsView, PracticeSettingsUpdateSchema } from '@domain';

/**
 * The practice's IANA time zone: every payer date, "today" and window edge is a local date in it.
 * Validated with the same schema as the server, so the message is the server's.
 */
@Component({
  selector: 'app-practice-time-zone-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <section class="time-zone" aria-labelledby="time-zone-title">
      <h2 id="time-zone-title">Practice time zone</h2>
      <p class="hint">
        Payer dates (the 14 days between blocks, 12-month windows) are counted in local calendar
        days of this zone.
        @if (settings()?.timeZoneIsDefault) {
          Not chosen yet: the server's zone applies.
        }
      </p>
      <form class="row" [formGroup]="form" (ngSubmit)="submit()">
        <mat-form-field appearance="outline">
          <mat-label>IANA time zone</mat-label>
          <input
            matInput
            formControlName="timeZone"
            placeholder="America/Denver"
            autocomplete="off"
          />
          @if (error(); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="saving()">Save time zone</button>
      </form>
    </section>
  `,
  styles: `
    .time-zone {
      margin-top: 24px;
      max-width: 72ch;
    }
    .hint {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .row {
      display: flex;
      gap: 16px;
      align-items: baseline;
      flex-wrap: wrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PracticeTimeZoneForm {
  /** The current settings, or null while loading. */
  readonly settings = input<PracticeSettingsView | null>(null);
  /** True while a save is in flight. */
  readonly saving = input(false);
  /** A valid IANA zone to save. */
  readonly save = output<string>();

  protected readonly zone = new FormControl('', { nonNullable: true });
  protected readonly form = new FormGroup({ timeZone: this.zone });
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const current = this.settings();
      if (current) this.zone.setValue(current.timeZone);
    });
  }

  protected submit(): void {
    const parsed = PracticeSettingsUpdateSchema.safeParse({ timeZone: this.zone.value.trim() });
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? 'Time zone is not valid';
      this.error.set(message);
      this.zone.setErrors({ schema: message });
      this.zone.markAsTouched();
      return;
    }
    this.error.set(null);
    this.save.emit(parsed.data.timeZone);
  }
}
