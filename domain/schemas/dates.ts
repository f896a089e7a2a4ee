import * as z from 'zod';

/** Today's calendar date in UTC (YYYY-MM-DD). */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A calendar date field with a label for its messages. */
export function dateField(label: string) {
  return z.iso
    .date({
      error: (issue) =>
        issue.input === undefined ? `${label} is required` : `${label} must be a date (YYYY-MM-DD)`,
    })
    .refine((value) => !value.startsWith('0000'), `${label} must be in year 1 or later`); // PostgreSQL has no year 0
}

/** A calendar date that is not after today (onset, birth). Tomorrow in UTC is allowed for time-zone slack. */
export function pastDateField(label: string) {
  return dateField(label).refine(
    (value) => value <= todayIso(new Date(Date.now() + 86_400_000)),
    `${label} cannot be in the future`,
  );
}

/** An ISO date-time with offset, e.g. 2026-11-25T09:30:00Z. */
export function dateTimeField(label: string) {
  return z.iso
    .datetime({
      offset: true,
      error: (issue) =>
        issue.input === undefined ? `${label} is required` : `${label} must be a date and time`,
    })
    .refine((value) => !value.startsWith('0000'), `${label} must be in year 1 or later`);
}
