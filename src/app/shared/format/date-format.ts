import { displayZone } from './display-zone.ts';

export { setDisplayTimeZone } from './display-zone.ts';

/**
 * Dates as every screen shows them ("3 Dec 2026", "Thu 3 Dec 2026", "3 Dec 2026, 14:05"), read off
 * the browser's Intl. FacetTrack's own, in place of @angular/common's formatDate and DatePipe: the
 * build puts everything of that module any screen uses into the chunk the first page loads, and
 * its date formatting with its locale tables was a tenth of that first download (issue 11, part 5).
 */

/** The patterns in use; each token as in @angular/common (y, yyyy, MM, MMM, d, dd, EEE, EEEE, HH, mm). */
export type DatePattern =
  | 'd MMM y'
  | 'EEE d MMM y'
  | 'EEEE d MMM y'
  | 'd MMM y, HH:mm'
  | 'HH:mm'
  | 'yyyy-MM-dd'
  | 'dd/MM/yyyy HH:mm';

interface Parts {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAY_INDEX = new Map(WEEKDAYS.map((name, i) => [name, i]));
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'long',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(key, found);
  }
  return found;
}

function momentParts(at: Date, timeZone: string | undefined): Parts {
  const got: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(at)) got[part.type] = part.value;
  return {
    year: Number(got['year']),
    month: Number(got['month']),
    day: Number(got['day']),
    weekday: WEEKDAY_INDEX.get(got['weekday'] ?? '') ?? 0,
    hour: Number(got['hour']) % 24,
    minute: Number(got['minute']),
  };
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TOKENS = /yyyy|y|MMM|MM|dd|d|EEEE|EEE|HH|mm/g;

/**
 * `value` in `pattern`. A calendar date ("1990-12-31": a birth date, a planned day) is that day
 * wherever the browser is; a moment (an ISO timestamp or a Date) is read in `timeZone`, else the
 * practice's (setDisplayTimeZone), else the browser's. Text that is neither comes back as it is.
 */
export function formatDate(value: string | Date, pattern: DatePattern, timeZone?: string): string {
  let parts: Parts;
  const calendar = typeof value === 'string' ? CALENDAR_DATE.exec(value) : null;
  if (calendar) {
    const [year, month, day] = calendar.slice(1).map(Number) as [number, number, number];
    const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
    parts = { year, month, day, weekday, hour: 0, minute: 0 };
  } else {
    const at = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(at.getTime())) return String(value);
    parts = momentParts(at, timeZone ?? displayZone());
  }
  return pattern.replace(TOKENS, (token) => {
    switch (token) {
      case 'yyyy':
        return pad(parts.year, 4);
      case 'y':
        return String(parts.year);
      case 'MMM':
        return MONTHS[parts.month - 1]!;
      case 'MM':
        return pad(parts.month);
      case 'dd':
        return pad(parts.day);
      case 'd':
        return String(parts.day);
      case 'EEEE':
        return WEEKDAYS[parts.weekday]!;
      case 'EEE':
        return WEEKDAYS[parts.weekday]!.slice(0, 3);
      case 'HH':
        return pad(parts.hour);
      default:
        return pad(parts.minute);
    }
  });
}

/** Today's date (YYYY-MM-DD) in the practice's zone while signed in, else the browser's. */
export function todayLocal(now: Date = new Date()): string {
  return formatDate(now, 'yyyy-MM-dd');
}

/** The date and time of `now` in the practice's zone (else the browser's), for date and time inputs. */
export function localNow(now: Date = new Date()): { date: string; time: string } {
  return { date: formatDate(now, 'yyyy-MM-dd'), time: formatDate(now, 'HH:mm') };
}

const MINUTE_MS = 60_000;
const TIME = /^(\d{2}):(\d{2})$/;

/**
 * The instant a clock in the practice's zone (else the browser's) shows `time` ("HH:mm") on `date`
 * ("YYYY-MM-DD"); null when that date or time does not exist there (31 Feb, or 02:30 on the night
 * the clocks go forward). When it shows it twice (the night they go back), the first.
 */
export function instantAt(date: string, time: string): Date | null {
  const d = CALENDAR_DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const [year, month, day] = d.slice(1).map(Number) as [number, number, number];
  const [hour, minute] = t.slice(1).map(Number) as [number, number];
  if (hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  const shows = (ms: number) => {
    const p = momentParts(new Date(ms), displayZone());
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) === wall;
  };
  // The zone's offset at a guess, then at the corrected instant (they differ across a change);
  // a candidate an hour earlier catches the first of a time shown twice.
  const offsetAt = (ms: number) => {
    const p = momentParts(new Date(ms), displayZone());
    return (
      Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) -
      Math.floor(ms / MINUTE_MS) * MINUTE_MS
    );
  };
  const first = wall - offsetAt(wall);
  const second = wall - offsetAt(first);
  const candidates = [first, second, Math.min(first, second) - 3_600_000].filter(shows);
  return candidates.length ? new Date(Math.min(...candidates)) : null;
}
