import { formatDate, instantAt } from '../format/date-format.ts';

/**
 * Dates and times as typed and shown: day first, 24-hour clock ("02/12/2026 14:05"), the way every
 * date on screen reads ("2 Dec 2026"). Parsing is strict: what it cannot read is refused, never
 * guessed (a browser's date field turned "31021990" into 10 Mar 1990).
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** "02/12/2026 14:05" for a moment, in the practice's time zone (else this browser's). */
export function formatDateTimeText(at: Date): string {
  return formatDate(at, 'dd/MM/yyyy HH:mm');
}

/**
 * The moment typed as "DD/MM/YYYY HH:mm" (dots or dashes also separate the date; one-digit day,
 * month and hour are fine), on the practice's clock (else this browser's); null for anything else,
 * including dates that do not exist (31/02), hours past 23:59 and a time the clocks skip.
 */
export function parseDateTimeText(text: string): Date | null {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s+(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [day, month, year, hour, minute] = match.slice(1);
  return instantAt(
    `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`,
    `${hour!.padStart(2, '0')}:${minute}`,
  );
}

/** "31/12/1990" for a calendar date "1990-12-31"; anything that is not one is shown as it is. */
export function formatDateText(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/**
 * The calendar date (YYYY-MM-DD) typed day first ("31/12/1990", "1.2.1990"), or typed as
 * YYYY-MM-DD; null for anything else, including "31021990" and dates that do not exist.
 */
export function parseDateText(text: string): string | null {
  const trimmed = text.trim();
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const parts = dayFirst
    ? [dayFirst[3], dayFirst[2], dayFirst[1]]
    : iso
      ? [iso[1], iso[2], iso[3]]
      : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const at = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1 ||
    at.getUTCFullYear() !== year ||
    at.getUTCMonth() !== month - 1 ||
    at.getUTCDate() !== day
  )
    return null;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** "09:05" for a time typed "9:05" or "09:05" (24-hour); null for anything else. */
export function parseTimeText(text: string): string | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return null;
  return `${pad(Number(match[1]))}:${match[2]}`;
}

/** A server sentence with calendar dates in it ("2026-12-03 to 2026-12-04: ..."), its dates day first. */
export function dayFirstDates(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => formatDateText(iso));
}
