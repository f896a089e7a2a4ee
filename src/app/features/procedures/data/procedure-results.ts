import type { Problem } from '@domain';
import { toProblem } from '../../../core/problem.ts';

/** What a write came to; the page decides what to show or where to go. */
export type WriteResult<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** Runs a write and turns a failure into a Problem instead of throwing. */
export async function attempt<T>(write: () => Promise<T>): Promise<WriteResult<T>> {
  try {
    return { ok: true, value: await write() };
  } catch (error) {
    return { ok: false, problem: toProblem(error) };
  }
}

/** The answer to a write attempted before its record was loaded. */
export function notLoaded<T>(what: string): WriteResult<T> {
  return { ok: false, problem: { status: 0, title: 'Not loaded', detail: `${what} is not loaded yet.` } };
}
