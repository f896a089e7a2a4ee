import type { PainScoreView } from '@domain';
import { CONTEXT_LABELS, percentText, SIDE_LABELS, timePointLabel } from './procedure-labels.ts';

/** Column headings of a diary's table of scores (the procedure page's chart table); Side only when bilateral. */
export function scoreColumns(bilateral: boolean): string[] {
  return [
    'Time',
    'Context',
    ...(bilateral ? ['Side'] : []),
    'Score (NRS)',
    'Relief (from NRS)',
    'Reported relief',
    'Entered by',
    'Entry',
  ];
}

/** How a score's entry reads: on time, late, or entered in error (with why). */
export function entryNote(score: PainScoreView): string {
  if (score.enteredInError) return `Entered in error: ${score.enteredInError.reason}`;
  return score.late ? 'Entered late' : 'On time';
}

/** One score as the cells under scoreColumns(bilateral). */
export function scoreCells(score: PainScoreView, bilateral: boolean): string[] {
  return [
    timePointLabel(score.minutesAfter),
    CONTEXT_LABELS[score.context],
    ...(bilateral ? [score.side ? SIDE_LABELS[score.side] : 'Both'] : []),
    String(score.score),
    percentText(score.reliefPercent),
    percentText(score.reportedReliefPercent),
    score.recordedByName,
    entryNote(score),
  ];
}
