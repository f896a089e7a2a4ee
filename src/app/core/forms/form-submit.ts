import { signal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import type { z } from 'zod';
import type { Problem } from '@domain';
import { type FieldMessage, showFieldMessages } from '../../shared/forms/schema-errors.ts';
import { problemMessage } from '../problem.ts';
import type { WriteResult } from '../write-result.ts';

/**
 * Shows a failed request's field messages on their controls. Returns the sentence for the
 * form-level error area, or null when every message found its field.
 */
export function showProblemOnForm(form: FormGroup, problem: Problem): string | null {
  const errors = problem.errors ?? [];
  const unplaced = showFieldMessages(form, errors);
  if (errors.length && !unplaced.length) return null;
  return unplaced.length ? unplaced.join(' ') : problemMessage(problem);
}

/**
 * The save loop every form repeats, written once: one save at a time, the form-level error cleared,
 * the body checked against its domain schema (messages under their fields), the write, and its
 * problem shown on the form. The caller decides what success means (close, navigate, announce).
 */
export class FormSubmit {
  private readonly busy = signal(false);
  private readonly error = signal<string | null>(null);
  /** True while a write is on its way (the submit button shows progress and does nothing). */
  readonly saving = this.busy.asReadonly();
  /** The sentence above the form for messages that name no field, or null. */
  readonly formError = this.error.asReadonly();

  /**
   * @param formPath maps a request-body path ("settings.x", "weeklyDistanceKm") to the form control
   *   that shows it, where the two differ.
   */
  constructor(
    private readonly form: FormGroup,
    private readonly formPath: (path: string) => string = (path) => path,
  ) {}

  /** Checks `value` against a domain schema; on failure shows its messages and returns null. */
  parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> | null {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    this.show(
      result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
    return null;
  }

  /** Puts messages under their fields; those that name no field go above the form. */
  show(messages: readonly FieldMessage[]): void {
    const unplaced = showFieldMessages(
      this.form,
      messages.map(({ path, message }) => ({ path: this.formPath(path), message })),
    );
    if (unplaced.length) this.error.set(unplaced.join(' '));
  }

  /** Shows a refused write: field messages under their fields, the rest (or the problem) above. */
  showProblem(problem: Problem): void {
    this.error.set(
      showProblemOnForm(this.form, { ...problem, errors: problem.errors?.map(this.mapMessage) }),
    );
  }

  /**
   * Runs one submit. Returns null when nothing was sent (a save is already running, or `parse`
   * returned null after showing its messages), else the write's result. A failure is shown on the
   * form, except a version conflict when `onConflict` is given (a dialog that closes on it, say).
   */
  async run<B, T, C = never>(
    parse: () => B | null,
    save: (body: B) => Promise<WriteResult<T, C>>,
    onConflict?: (result: WriteResult<T, C> & { ok: false }) => void,
  ): Promise<WriteResult<T, C> | null> {
    if (this.busy()) return null;
    this.error.set(null);
    const body = parse();
    if (body === null) return null;
    const result = await this.during(() => save(body));
    if (!result.ok) {
      if (result.conflict && onConflict) onConflict(result);
      else this.showProblem(result.problem);
    }
    return result;
  }

  /** Marks the form as saving while `work` runs (for flows with more than one request). */
  async during<R>(work: () => Promise<R>): Promise<R> {
    this.busy.set(true);
    try {
      return await work();
    } finally {
      this.busy.set(false);
    }
  }

  /** Starts a submit by hand (for flows that do not fit `run`): false when one is already running. */
  begin(): boolean {
    if (this.busy()) return false;
    this.error.set(null);
    return true;
  }

  private readonly mapMessage = ({ path, message }: FieldMessage): FieldMessage => ({
    path: this.formPath(path),
    message,
  });
}
