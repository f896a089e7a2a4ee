import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * A field's message for controls that have no mat-form-field (toggle groups, checkbox lists):
 * the same colour and place as a mat-error, announced when it appears.
 */
@Component({
  selector: 'app-field-message',
  template: `
    <div aria-live="polite">
      @if (message(); as text) {
        <p class="form-error field-message">{{ text }}</p>
      }
    </div>
  `,
  styles: `
    .field-message {
      margin: 4px 0 0;
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FieldMessage {
  /** The message to show, or null for none (pass `fieldMessage(control)`). */
  readonly message = input<string | null>(null);
}
