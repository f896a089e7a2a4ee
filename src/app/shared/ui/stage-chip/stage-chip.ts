import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
// The zod-free module: the chip appears on many screens and needs no schemas.
import { type Stage, STAGE_LABELS } from '@domain';

/** An icon per stage, so the stage reads without colour (WCAG 1.4.1). */
const STAGE_ICONS: Readonly<Record<Stage, string>> = {
  intake: 'assignment_ind',
  'conservative-care': 'self_improvement',
  'diagnostic-blocks': 'syringe',
  treatment: 'bolt',
  'follow-up': 'event_repeat',
  discharged: 'task_alt',
  'not-facet-mediated': 'block',
};

/** An episode's pathway stage as a small, non-interactive chip: icon, label and a tint per stage. */
@Component({
  selector: 'app-stage-chip',
  imports: [MatIconModule],
  template: `
    <span class="stage-chip" [class]="'stage-' + stage()" [attr.data-stage]="stage()">
      <mat-icon aria-hidden="true">{{ icon() }}</mat-icon>
      <span class="label">{{ label() }}</span>
    </span>
  `,
  styles: `
    :host {
      display: inline-flex;
      vertical-align: middle;
    }
    .stage-chip {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 10px 2px 6px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 8px;
      font: var(--mat-sys-label-large);
      white-space: nowrap;
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface);
    }
    mat-icon {
      font-size: 18px;
      width: 18px;
      height: 18px;
    }
    // Tints are a second cue only; every pair keeps text contrast above 4.5:1.
    .stage-conservative-care,
    .stage-diagnostic-blocks,
    .stage-treatment {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
      border-color: var(--mat-sys-primary);
    }
    .stage-follow-up {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      border-color: var(--mat-sys-tertiary);
    }
    .stage-discharged,
    .stage-not-facet-mediated {
      border-style: dashed;
      color: var(--mat-sys-on-surface-variant);
      background: transparent;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StageChip {
  readonly stage = input.required<Stage>();

  protected readonly label = computed(() => STAGE_LABELS[this.stage()]);
  protected readonly icon = computed(() => STAGE_ICONS[this.stage()]);
}
