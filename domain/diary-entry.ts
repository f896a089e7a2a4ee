/**
 * Rules for entering and reading diary scores (domain.md section 2): which score is the baseline,
 * when a score may be entered, and whether the same pain scale was used before and after a block.
 */
import type { DiaryScore, PainContext } from './relief.ts';

/** A baseline may be recorded up to 24 h before the block ("just before the block", domain.md section 2). */
export const BASELINE_WINDOW_MINUTES = 1440;
/** Clock drift allowed between a device and the server before a score counts as "in the future". */
export const FUTURE_TOLERANCE_MINUTES = 5;

/**
 * The baseline of one series (context x side): the latest valid score at or before the block (a
 * corrected baseline replaces an earlier one). Null when there is none.
 */
export function baselineScore(
  scores: readonly Pick<
    DiaryScore,
    'minutesAfter' | 'score' | 'context' | 'side' | 'enteredInError'
  >[],
  context: PainContext,
  side: 'left' | 'right' | null,
): number | null {
  const candidates = scores
    .filter(
      (s) =>
        !s.enteredInError &&
        s.minutesAfter <= 0 &&
        s.context === context &&
        (s.side ?? null) === side,
    )
    .sort((a, b) => a.minutesAfter - b.minutesAfter);
  return candidates.length ? candidates.at(-1)!.score : null;
}

export interface DiaryEntryFacts {
  /** Minutes after the block the new score describes. */
  minutesAfter: number;
  side: 'left' | 'right' | null;
  /** The procedure's side: left and right scores are for bilateral procedures only. */
  procedureSide: 'left' | 'right' | 'bilateral';
  /** Minutes from the block to now (negative before the block). */
  minutesNow: number;
  /** The same series' current baseline time, if one is recorded. */
  baselineMinutes: number | null;
}

/** The field problem of a new diary score, or null when it may be recorded. `timeField` is the field the client sent. */
export function diaryEntryProblem(
  f: DiaryEntryFacts,
  timeField: 'minutesAfter' | 'recordedAt',
): { path: string; message: string } | null {
  if (f.minutesAfter < -BASELINE_WINDOW_MINUTES)
    return { path: timeField, message: 'A baseline must be within 24 hours before the block' };
  if (f.minutesAfter > f.minutesNow + FUTURE_TOLERANCE_MINUTES)
    return { path: timeField, message: 'A score cannot describe a time in the future' };
  if (f.side && f.procedureSide !== 'bilateral')
    return { path: 'side', message: 'Left and right scores are for bilateral procedures only' };
  // A score timed before this series' baseline would change what the baseline means.
  if (f.baselineMinutes !== null && f.minutesAfter < f.baselineMinutes) {
    return {
      path: timeField,
      message:
        'This time is before the recorded baseline; mark the baseline entered in error first if it is wrong',
    };
  }
  return null;
}

/**
 * Documentation: the same pain scale before and after (domain.md section 4). True when some series
 * (same context, same side) has both a baseline and a later score; false when scores after the block
 * exist only in series with no baseline; null when nothing after the block is recorded yet.
 */
export function sameScaleBeforeAndAfter(scores: readonly DiaryScore[]): boolean | null {
  const valid = scores.filter((s) => !s.enteredInError);
  const posts = valid.filter((s) => s.minutesAfter > 0);
  if (!posts.length) return null;
  return posts.some((p) =>
    valid.some(
      (b) =>
        b.minutesAfter <= 0 && b.context === p.context && (b.side ?? null) === (p.side ?? null),
    ),
  );
}
