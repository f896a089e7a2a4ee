/** Calendar arithmetic on YYYY-MM-DD dates, in UTC so a day is a day wherever the code runs. */

const DAY_MS = 86_400_000;

/** Days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `date` plus `months` calendar months; the 31st lands on the last day of a shorter month. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0),
  ).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, lastDay)))
    .toISOString()
    .slice(0, 10);
}

/** The calendar date (UTC) of an ISO date-time. */
export function dateOf(isoDateTime: string): string {
  return new Date(isoDateTime).toISOString().slice(0, 10);
}

/** "12 Dec 2026" for messages. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${y}`;
}

/** The practice's time zone when none is configured: every payer date is a local calendar date. */
export const DEFAULT_TIME_ZONE = 'UTC';

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone name this runtime knows ("Europe/Madrid", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    partsIn(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock fields of an instant in a zone. */
function wallClock(
  instant: Date,
  timeZone: string,
): { date: string; minutesOfDay: number; offsetMs: number } {
  const p = Object.fromEntries(
    partsIn(timeZone)
      .formatToParts(instant)
      .map((x) => [x.type, x.value]),
  );
  const date = `${p['year']}-${p['month']}-${p['day']}`;
  const h = Number(p['hour']),
    mi = Number(p['minute']),
    s = Number(p['second']);
  const asUtc = Date.UTC(Number(p['year']), Number(p['month']) - 1, Number(p['day']), h, mi, s);
  return {
    date,
    minutesOfDay: h * 60 + mi,
    offsetMs: asUtc - Math.floor(instant.getTime() / 1000) * 1000,
  };
}

/**
 * The local calendar date (YYYY-MM-DD) of an instant in the practice's time zone: a block at 18:00 on
 * 1 Jul in UTC-7 is on 1 Jul, although it is already 2 Jul in UTC.
 */
export function localDateOf(instant: string | Date, timeZone: string): string {
  return wallClock(typeof instant === 'string' ? new Date(instant) : instant, timeZone).date;
}

/** Today's local date in the practice's time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return localDateOf(now, timeZone);
}

/**
 * The instant at which local date `date` begins (00:00 local) in `timeZone`. On a DST change the
 * day may be 23 or 25 hours long; this finds the real first instant of it.
 */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const guess = Date.parse(`${date}T00:00:00Z`);
  // The offset at the guess, then once more at the corrected instant (offsets differ across a DST edge).
  let instant = guess - wallClock(new Date(guess), timeZone).offsetMs;
  instant = guess - wallClock(new Date(instant), timeZone).offsetMs;
  return new Date(instant);
}

/**
 * The one calendar rule for "N months" (domain.md section 4: "12 months" = rolling 12 months; also
 * 3 months of pain, 6 months of relief, 2 years between RFAs): `to` has reached N calendar months
 * after `from`. Month ends clamp (31 Aug + 6 months = 28/29 Feb), so a leap day plus 12 months is 28 Feb.
 */
export function monthsHavePassed(from: string, to: string, months: number): boolean {
  return to >= addMonths(from, months);
}

/** Whether `date` lies in the N calendar months starting on `from`: from <= date < from + N months. */
export function withinMonthsOf(from: string, date: string, months: number): boolean {
  return date >= from && !monthsHavePassed(from, date, months);
}
