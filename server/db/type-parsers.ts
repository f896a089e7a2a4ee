import pg from 'pg';

/** node-postgres's own reading of a timestamptz, for the texts the fast path below leaves alone. */
const parseAnyTimestamptz = pg.types.getTypeParser(1184, 'text') as (text: string) => Date;

const digit = (text: string, at: number): number => {
  const d = text.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
};
const two = (text: string, at: number): number => digit(text, at) * 10 + digit(text, at + 1);

/**
 * A timestamptz as PostgreSQL prints it ('2026-12-03 15:39:08.123456+00', '… 09:30:00-08',
 * '… 12:00:00+05:30') as the Date of that instant, without the regular expressions node-postgres
 * runs on each (issue 11: reading the patient page's timestamps cost its server more than any
 * clinical rule). Milliseconds are truncated, as node-postgres does. Anything else (a year before
 * 1000 or after 9999, BC, infinity, an offset with seconds) goes to node-postgres's parser.
 */
export function parseTimestamptz(text: string): Date {
  const n = text.length;
  if (n >= 22 && text.charCodeAt(4) === 45 && text.charCodeAt(10) === 32 && text[0] !== '0') {
    let at = 19;
    let ms = 0;
    if (text.charCodeAt(at) === 46) {
      at++;
      for (
        let scale = 100;
        at < n && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57;
        at++
      ) {
        ms += digit(text, at) * scale;
        scale /= 10;
      }
      ms = Math.floor(ms);
    }
    const sign = text[at] === '+' ? 1 : text[at] === '-' ? -1 : 0;
    const end = at + 3 === n ? 0 : at + 6 === n && text[at + 3] === ':' ? two(text, at + 4) : NaN;
    const offset = sign * (two(text, at + 1) * 60 + end);
    const utc = Date.UTC(
      two(text, 0) * 100 + two(text, 2),
      two(text, 5) - 1,
      two(text, 8),
      two(text, 11),
      two(text, 14),
      two(text, 17),
      ms,
    );
    const time = utc - offset * 60_000;
    if (sign && Number.isFinite(time) && text[13] === ':' && text[16] === ':')
      return new Date(time);
  }
  return parseAnyTimestamptz(text);
}

/**
 * Column types read the same way on both drivers: int8 ids stay strings (api.md: ids are strings),
 * calendar dates stay 'YYYY-MM-DD' strings (no time-zone shift), numeric becomes a number, and a
 * timestamptz the Date of its instant.
 */
export const TYPE_PARSERS: Record<number, (value: string) => unknown> = {
  20: (value) => value, // int8
  1082: (value) => value, // date
  1184: parseTimestamptz, // timestamptz
  1700: (value) => Number(value), // numeric
};
