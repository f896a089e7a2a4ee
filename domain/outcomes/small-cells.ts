/**
 * Small-cell suppression for the practice dashboard (issue 13): a manager sees aggregates only, and
 * a group of fewer than `minimum` patients could identify someone, so its count is shown as "< 5".
 */
export const SMALL_CELL_MINIMUM = 5;

/** A count as a manager may see it: the number, or the suppression mark. */
export type SuppressedCount = number | '< 5';

/** `count` when it is 0 or at least `minimum`, else the suppression mark (0 identifies nobody). */
export function suppressCount(count: number, minimum = SMALL_CELL_MINIMUM): SuppressedCount {
  return count === 0 || count >= minimum ? count : '< 5';
}

/**
 * A rate whose denominator is a group of patients: null (not shown) when the group is small, so a
 * "100% of 2" never reveals the two.
 */
export function suppressRate(
  numerator: number,
  denominator: number,
  minimum = SMALL_CELL_MINIMUM,
): number | null {
  if (denominator < minimum) return null;
  return numerator / denominator;
}
