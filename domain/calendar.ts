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

interface WallClock {
  date: string;
  minutesOfDay: number;
  offsetMs: number;
}

/** Wall-clock fields of an instant in a zone, from Intl (the exact way, about 3 µs each). */
function wallClockOfParts(instant: Date, timeZone: string): WallClock {
  const p = Object.fromEntries(
    partsIn(timeZone)
      .formatToParts(instant)
      .map((x) => [x.type, x.value]),
  );
  const h = Number(p['hour']),
    mi = Number(p['minute']),
    s = Number(p['second']);
  const asUtc = Date.UTC(Number(p['year']), Number(p['month']) - 1, Number(p['day']), h, mi, s);
  return {
    date: `${p['year']}-${p['month']}-${p['day']}`,
    minutesOfDay: h * 60 + mi,
    offsetMs: asUtc - Math.floor(instant.getTime() / 1000) * 1000,
  };
}

const HOUR_MS = 3_600_000;
/**
 * Per zone, the UTC offset through each whole UTC hour met so far, or null when the offset at the
 * hour's last millisecond differs from its first (a change falls inside it). The patient page reads
 * a few hundred instants, and Intl was 2% of the server's CPU there (issue 11). A zone changes
 * offset at most once in an hour, so equal offsets at both ends hold for the whole hour; an hour
 * with a change is worked out exactly, instant by instant. Emptied when it reaches the limit.
 */
const hourOffsets = new Map<string, Map<number, number | null>>();
const HOURS_PER_ZONE = 50_000;

function offsetThroughHour(hour: number, timeZone: string): number | null {
  let zone = hourOffsets.get(timeZone);
  const known = zone?.get(hour);
  if (known !== undefined) return known;
  const first = wallClockOfParts(new Date(hour * HOUR_MS), timeZone).offsetMs;
  const last = wallClockOfParts(new Date((hour + 1) * HOUR_MS - 1), timeZone).offsetMs;
  const offset = first === last ? first : null;
  if (!zone) hourOffsets.set(timeZone, (zone = new Map()));
  else if (zone.size >= HOURS_PER_ZONE) zone.clear();
  zone.set(hour, offset);
  return offset;
}

/** Wall-clock fields of an instant in a zone. */
function wallClock(instant: Date, timeZone: string): WallClock {
  const ms = instant.getTime();
  const offsetMs = Number.isFinite(ms)
    ? offsetThroughHour(Math.floor(ms / HOUR_MS), timeZone)
    : null;
  if (offsetMs === null) return wallClockOfParts(instant, timeZone);
  const local = new Date(Math.floor(ms / 1000) * 1000 + offsetMs);
  return {
    date: local.toISOString().slice(0, 10),
    minutesOfDay: local.getUTCHours() * 60 + local.getUTCMinutes(),
    offsetMs,
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
 * The instant at which local date `date` begins in `timeZone`: 00:00 local, or the first instant of
 * the day when a DST change skips midnight (Santiago and Havana move 00:00 to 01:00). On a DST
 * change the day may be 23 or 25 hours long; this finds its real first instant.
 */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const guess = Date.parse(`${date}T00:00:00Z`);
  // The offset at the guess, then once more at the corrected instant (offsets differ across a DST
  // edge). Across a change at midnight one of the two is still on the day before: the other is
  // the start (the change itself, when midnight was skipped).
  const first = guess - wallClock(new Date(guess), timeZone).offsetMs;
  const second = guess - wallClock(new Date(first), timeZone).offsetMs;
  const onDate = [first, second]
    .filter((t) => wallClock(new Date(t), timeZone).date === date)
    .sort((a, b) => a - b);
  return new Date(onDate[0] ?? second);
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
