/**
 * How long relief lasted after a treatment (domain.md section 2 "duration of relief"; section 4 repeat
 * RFA >= 50% for >= 6 months, therapeutic IA >= 50% for >= 3 months). Read from follow-up scores only:
 * the post-block diary shows the anesthetic phase, not the months a treatment holds.
 */
import { baselineScore } from './diary-entry.ts';
import { meetsThreshold, percentRelief, type DiaryScore, type PainContext } from './relief.ts';

/** Half relief: the long-term bar of the LCD's repeat rules (domain.md section 4 [5][12]). */
export const DURABLE_RELIEF_PERCENT = 50;

export interface DurableRelief {
  /** ended: a follow-up score fell below the bar; holding: still at or above it at the last score. */
  status: 'ended' | 'holding' | 'not-assessable';
  /** Whole days relief is documented at or above the bar ("at least N" while holding). */
  days: number | null;
  reason: string;
}

/** A score is a follow-up score when it lies after the diary's last time point, or is marked as one. */
export function isFollowUpScore(
  score: Pick<DiaryScore, 'minutesAfter' | 'followUp'>,
  diaryMinutes: readonly number[],
): boolean {
  return score.followUp === true || score.minutesAfter > Math.max(0, ...diaryMinutes);
}

const days = (minutes: number) => Math.floor(minutes / 1440);

/**
 * Relief lasts until the first follow-up score below 50%: the last score at or above 50% before it
 * is how long it is documented. Dips later do not come back (a return after a dip is a new story).
 */
export function durableRelief(
  scores: readonly DiaryScore[],
  diaryMinutes: readonly number[],
  side: 'left' | 'right' | null = null,
): DurableRelief {
  const bar = { positiveThresholdPercent: DURABLE_RELIEF_PERCENT, thresholdExclusive: false };
  const readings: DurableRelief[] = [];
  for (const context of ['activity', 'rest'] as PainContext[]) {
    const own = scores.filter(
      (s) => !s.enteredInError && s.context === context && (s.side ?? null) === side,
    );
    // A side read on its own falls back to the scores not split by side.
    const series =
      own.length || side === null
        ? own
        : scores.filter(
            (s) => !s.enteredInError && s.context === context && (s.side ?? null) === null,
          );
    if (!series.length) continue;
    const baseline = baselineScore(series, context, series[0]!.side ?? null);
    const posts = series
      .filter((s) => s.minutesAfter > 0)
      .sort((a, b) => a.minutesAfter - b.minutesAfter);
    const followUps = posts.filter((s) => isFollowUpScore(s, diaryMinutes));
    if (baseline === null || baseline === 0) {
      readings.push({
        status: 'not-assessable',
        days: null,
        reason: baseline === null ? 'no baseline score' : 'baseline pain is 0',
      });
      continue;
    }
    if (!followUps.length) {
      readings.push({
        status: 'not-assessable',
        days: null,
        reason: 'no follow-up score after the diary yet',
      });
      continue;
    }
    const holds = (s: DiaryScore) => meetsThreshold(percentRelief(baseline, s.score)!, bar);
    const firstBelow = followUps.find((s) => !holds(s));
    if (!firstBelow) {
      const last = followUps.at(-1)!;
      readings.push({
        status: 'holding',
        days: days(last.minutesAfter),
        reason: `≥ 50% relief still holding at the last follow-up (at least ${days(last.minutesAfter)} days)`,
      });
      continue;
    }
    const held = posts.filter((s) => s.minutesAfter < firstBelow.minutesAfter && holds(s)).at(-1);
    const d = held ? days(held.minutesAfter) : 0;
    readings.push({
      status: 'ended',
      days: d,
      reason: `≥ 50% relief for ${d} days; below 50% by day ${days(firstBelow.minutesAfter)}`,
    });
  }
  return (
    readings.find((r) => r.status !== 'not-assessable') ??
    readings[0] ?? { status: 'not-assessable', days: null, reason: 'no pain scores recorded' }
  );
}

/** "≥ 50% relief for 120 days" / "at least 90 days so far" / "not known yet", for evidence and sentences. */
export function durableReliefText(r: DurableRelief): string {
  if (r.status === 'not-assessable' || r.days === null)
    return 'not known yet (no follow-up score after the diary)';
  return r.status === 'holding' ? `at least ${r.days} days (still holding)` : `${r.days} days`;
}
