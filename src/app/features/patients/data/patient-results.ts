import type { PatientView, Problem } from '@domain';
import { toProblem } from '../../../core/problem.ts';

/**
 * What a write came to. `conflict` means someone else saved first (409 version-conflict); for a
 * patient, `current` is then their saved version, for the form to show beside the user's input.
 */
export type SaveResult<T> =
  | { ok: true; value: T }
  | { ok: false; problem: Problem; conflict: boolean; current?: PatientView };

/** Runs a write and reports its outcome instead of throwing. */
export async function attempt<T>(write: () => Promise<T>): Promise<SaveResult<T>> {
  try {
    return { ok: true, value: await write() };
  } catch (error) {
    const problem = toProblem(error);
    return { ok: false, problem, conflict: problem.status === 409 && problem.code === 'version-conflict' };
  }
}
