/** The post-block pain diary schedule (domain.md section 2). */

export type TimePointStatus = 'done' | 'due' | 'overdue' | 'upcoming';

export interface DiaryTimePoint {
  /** Minutes after the block; 0 is the baseline just before it. */
  minutesAfter: number;
  status: TimePointStatus;
}

/**
 * Status of each time point (baseline first) at `now`: done when a score exists at that point; due
 * from its time until the next point's time; overdue after that (the last point stays due a day).
 */
export function diarySchedule(
  diaryMinutes: readonly number[],
  performedAt: Date,
  recordedMinutes: readonly number[],
  now: Date,
): DiaryTimePoint[] {
  const points = [0, ...[...diaryMinutes].sort((a, b) => a - b)];
  const done = new Set(recordedMinutes.map((m) => (m <= 0 ? 0 : m)));
  const elapsed = (now.getTime() - performedAt.getTime()) / 60_000;
  return points.map((minutesAfter, i) => {
    if (done.has(minutesAfter)) return { minutesAfter, status: 'done' };
    if (minutesAfter === 0) return { minutesAfter, status: elapsed <= 0 ? 'due' : 'overdue' };
    const next = points[i + 1] ?? minutesAfter + 24 * 60;
    const status: TimePointStatus =
      elapsed < minutesAfter ? 'upcoming' : elapsed < next ? 'due' : 'overdue';
    return { minutesAfter, status };
  });
}

/**
 * The point a nurse should record next: the one due now (today's score belongs there, domain.md
 * section 2), else the latest overdue one (closest to now, so a back-filled score is least stale),
 * else the next upcoming. Older overdue points stay one pick away in the schedule.
 */
export function nextDiaryPoint(schedule: readonly DiaryTimePoint[]): DiaryTimePoint | null {
  return (
    schedule.find((p) => p.status === 'due') ??
    [...schedule].reverse().find((p) => p.status === 'overdue') ??
    schedule.find((p) => p.status === 'upcoming') ??
    null
  );
}

/** Whether an entry is late: entered `lateEntryMinutes` or more after the time it describes. */
export function isLateEntry(describesAt: Date, enteredAt: Date, lateEntryMinutes: number): boolean {
  return (enteredAt.getTime() - describesAt.getTime()) / 60_000 >= lateEntryMinutes;
}
