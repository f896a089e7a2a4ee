import type { AbstractControl, FormGroup } from '@angular/forms';
import type { z } from 'zod';

/** Error key under which a control carries a schema message. */
const SCHEMA_ERROR = 'schema';

/** One field-level message, as zod issues and problem+json `errors` both describe them. */
export interface FieldMessage {
  path: string;
  message: string;
}

/**
 * Checks `value` against a domain schema. When it fails, each issue's message is put on the control
 * its path names (shown by that field's mat-error) and null is returned; otherwise the parsed value.
 */
export function parseForm<S extends z.ZodType>(
  form: FormGroup,
  schema: S,
  value: unknown = form.getRawValue(),
): z.infer<S> | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  showFieldMessages(
    form,
    result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );
  return null;
}

/**
 * Puts messages on the named controls (first message per field wins) and marks them touched so
 * Material shows them. Returns the messages that name no control, for a form-level error area.
 */
export function showFieldMessages(form: FormGroup, messages: readonly FieldMessage[]): string[] {
  const unplaced: string[] = [];
  const placed = new Set<string>();
  for (const { path, message } of messages) {
    const control = path ? form.get(path) : null;
    if (!control) {
      unplaced.push(message);
      continue;
    }
    if (placed.has(path)) continue;
    placed.add(path);
    control.setErrors({ ...control.errors, [SCHEMA_ERROR]: message });
    control.markAsTouched();
  }
  return unplaced;
}

/** The schema message on a control, for its mat-error. */
export function fieldMessage(control: AbstractControl): string | null {
  const message: unknown = control.errors?.[SCHEMA_ERROR];
  return typeof message === 'string' ? message : null;
}
