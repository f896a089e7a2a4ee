import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { BlockVerdict } from '@domain';
import { VERDICT_DISPLAY } from '../procedure-labels.ts';

/** A block verdict as icon plus words, tinted by verdict (the words carry the meaning). */
@Component({
  selector: 'app-verdict-chip',
  imports: [MatIconModule],
  template: `
    <span class="verdict" [class]="'verdict-' + verdict()" [attr.data-verdict]="verdict()">
      <mat-icon aria-hidden="true">{{ display().icon }}</mat-icon>
      <span class="label">{{ display().label }}</span>
    </span>
  `,
  styles: `
    .verdict {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 10px 2px 6px;
      border-radius: 16px;
      font: var(--mat-sys-label-large);
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    mat-icon {
      font-size: 20px;
      width: 20px;
      height: 20px;
    }
    .verdict-positive {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .verdict-grey-zone {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .verdict-negative {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VerdictChip {
  readonly verdict = input.required<BlockVerdict>();
  protected readonly display = computed(() => VERDICT_DISPLAY[this.verdict()]);
}
