import type { FormGroup } from '@angular/forms';
import { showFieldMessages } from './schema-errors.ts';

/** The one password rule that is the form's, not the API's: both entries must be the same. */
export const PASSWORDS_DIFFER = 'The two passwords do not match';

/**
 * Checks that `confirmPassword` repeats `password` and, if not, shows the message under the
 * confirmation field. Returns true when they match.
 */
export function confirmPasswordMatches(form: FormGroup): boolean {
  const password: unknown = form.get('password')?.value;
  const confirmation: unknown = form.get('confirmPassword')?.value;
  if (password === confirmation) return true;
  showFieldMessages(form, [{ path: 'confirmPassword', message: PASSWORDS_DIFFER }]);
  return false;
}
