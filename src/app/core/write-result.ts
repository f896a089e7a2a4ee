import type { Problem } from '@domain';
import { toProblem } from './problem.ts';

/**
 * What a write came to; the page decides what to show or where to go. `conflict` means someone else
 * saved first (409 version-conflict); `current` is then, where the store reads it (type `Current`),
 * their saved version of the record, for a form to show beside the user's input.
 */
export type WriteResult<T, Current = never> =
  { ok: true; value: T } | { ok: false; problem: Problem; conflict: boolean; current?: Current };

/** Runs a write and reports its outcome instead of throwing. */
export async function attempt<T>(write: () => Promise<T>): Promise<WriteResult<T>> {
  try {
    return { ok: true, value: await write() };
  } catch (error) {
    const problem = toProblem(error);
    return { ok: false, problem, conflict: isVersionConflict(problem) };
  }
}

/** True for the 409 the server sends when a write was based on an outdated version. */
export function isVersionConflict(problem: Problem): boolean {
  return problem.status === 409 && problem.code === 'version-conflict';
}

/** The answer to a write attempted before its record was loaded. */
export function notLoaded<T>(what: string): WriteResult<T> {
  return {
    ok: false,
    conflict: false,
    problem: { status: 0, title: 'Not loaded', detail: `${what} is not loaded yet.` },
  };
}
