import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import type { AuditVerifyResult } from '@domain';

/** The "Check integrity" button and what the last check found. */
@Component({
  selector: 'app-integrity-panel',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, MatProgressSpinnerModule],
  templateUrl: './integrity-panel.html',
  styleUrl: './integrity-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IntegrityPanel {
  readonly result = input<AuditVerifyResult | null>(null);
  readonly checking = input(false);
  /** Why the check could not run, or null. */
  readonly error = input<string | null>(null);
  /** Share of a full check done (0 to 1), or null. */
  readonly progress = input<number | null>(null);
  /** Quick check: from the last checkpoint. */
  readonly check = output<void>();
  /** Full check: the whole chain, in chunks. */
  readonly fullCheck = output<void>();

  protected readonly percent = computed(() => Math.round((this.progress() ?? 0) * 100));

  protected readonly tone = computed(() => {
    if (this.error()) return 'error';
    const result = this.result();
    if (!result) return 'none';
    return result.ok ? 'ok' : 'broken';
  });

  protected readonly summary = computed(() => {
    const error = this.error();
    if (error) return `The check could not run: ${error}`;
    const result = this.result();
    if (!result) return null;
    return result.ok
      ? `Chain intact: ${result.checked} events checked`
      : `Chain broken at event #${result.firstBrokenId ?? '?'}: ${result.reason ?? 'no reason given'}`;
  });
}
