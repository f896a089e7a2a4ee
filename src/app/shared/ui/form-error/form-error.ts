import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The form-level error above a form's fields (messages that name no field, a refused save). The
 * live region is always there, so screen readers announce a message when it appears.
 */
@Component({
  selector: 'app-form-error',
  template: `
    <div role="alert">
      @if (message(); as message) {
        <p class="form-error">{{ message }}</p>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormError {
  /** The sentence to show, or null for none. */
  readonly message = input.required<string | null>();
}
