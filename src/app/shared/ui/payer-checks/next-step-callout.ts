import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { NextStep } from '@domain';

/** The episode's next step in one sentence, from the payer-rule checks; actions are projected beside it. */
@Component({
  selector: 'app-next-step-callout',
  imports: [MatIconModule],
  template: `
    <section class="next-step" aria-labelledby="next-step-heading" [attr.data-step]="nextStep().id">
      <mat-icon class="icon" aria-hidden="true">flag</mat-icon>
      <div class="body">
        <h2 id="next-step-heading">Next step</h2>
        <p class="message">{{ nextStep().message }}</p>
        @if (ruleSetName()) {
          <p class="rule-set">Under {{ ruleSetName() }}</p>
        }
      </div>
      <div class="actions"><ng-content /></div>
    </section>
  `,
  styles: `
    .next-step {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 12px 16px;
      padding: 16px;
      border-radius: 12px;
      border-left: 6px solid var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .icon {
      flex: none;
      margin-top: 2px;
    }
    .body {
      flex: 1 1 320px;
      min-width: 0;
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-label-large);
      text-transform: uppercase;
      letter-spacing: 0.06em;
    }
    .message {
      margin: 4px 0 0;
      font: var(--mat-sys-title-large);
    }
    .rule-set {
      margin: 4px 0 0;
      font: var(--mat-sys-body-medium);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .actions:empty {
      display: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NextStepCallout {
  readonly nextStep = input.required<NextStep>();
  /** "Medicare LCD v1": the rule set the step is read under. */
  readonly ruleSetName = input<string | null>(null);
}
