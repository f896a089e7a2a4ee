import fc from 'fast-check';
import { sql } from 'kysely';
import pg from 'pg';
import { parseTimestamptz } from '../db/type-parsers.ts';
import { createTestApp, type TestApp } from './test-app.ts';

/** node-postgres's own reading, which the fast path must agree with. */
const library = pg.types.getTypeParser(1184, 'text') as (text: string) => Date;
const time = (d: Date) => d.getTime();

/**
 * Issue 11: timestamptz texts are read without node-postgres's regular expressions
 * (db/type-parsers.ts); every text must give the very instant it names.
 */
describe('parseTimestamptz', () => {
  const cases: [string, string][] = [
    ['2026-12-03 15:39:08+00', '2026-12-03T15:39:08.000Z'],
    ['2026-12-03 15:39:08.1+00', '2026-12-03T15:39:08.100Z'],
    ['2026-12-03 15:39:08.12+00', '2026-12-03T15:39:08.120Z'],
    ['2026-12-03 15:39:08.123+00', '2026-12-03T15:39:08.123Z'],
    ['2026-12-03 15:39:08.123999+00', '2026-12-03T15:39:08.123Z'], // truncated, never rounded up
    ['2026-12-31 23:59:59.999999+00', '2026-12-31T23:59:59.999Z'],
    ['2025-06-18 02:30:00-07', '2025-06-18T09:30:00.000Z'],
    ['2026-12-04 04:37:00+13', '2026-12-03T15:37:00.000Z'],
    ['2026-03-01 05:15:00+05:45', '2026-02-28T23:30:00.000Z'], // Kathmandu, over a month end
    ['2024-02-29 20:00:00-03:30', '2024-02-29T23:30:00.000Z'], // St John's, leap day
    ['2028-01-01 00:00:00.5-09:30', '2028-01-01T09:30:00.500Z'],
    ['1000-01-01 00:00:00+00', '1000-01-01T00:00:00.000Z'],
    ['9999-12-31 23:59:59+00', '9999-12-31T23:59:59.000Z'],
  ];
  for (const [text, instant] of cases)
    it(`reads ${text} as ${instant}`, () => {
      expect(parseTimestamptz(text).toISOString()).toBe(instant);
    });

  it('leaves the texts it does not read to node-postgres, with the same answer', () => {
    for (const text of [
      '0099-06-01 12:00:00+00', // a two-digit year: Date.UTC would read 1999
      '0001-01-01 00:00:00+00 BC',
      '10000-01-01 00:00:00+00',
      '1890-01-01 00:00:00+00:53:28', // an offset with seconds (local mean time)
    ])
      expect(time(parseTimestamptz(text)))
        .withContext(text)
        .toBe(time(library(text)));
    expect(parseTimestamptz('infinity') as unknown).toBe(Infinity);
    expect(parseTimestamptz('-infinity') as unknown).toBe(-Infinity);
  });

  it('agrees with the ISO reading of every instant and offset (fuzzed)', () => {
    const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1000-01-02T00:00:00Z'),
          max: new Date('9999-12-30T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 999_999 }),
        fc.integer({ min: -15 * 60, max: 15 * 60 }).map((m) => m - (m % 15)),
        fc.integer({ min: 0, max: 6 }),
        (date, micros, offsetMinutes, digits) => {
          const local = new Date(date.getTime() + offsetMinutes * 60_000);
          const fraction = digits ? `.${pad(micros, 6).slice(0, digits)}` : '';
          const sign = offsetMinutes < 0 ? '-' : '+';
          const hours = pad(Math.trunc(offsetMinutes / 60));
          const offset = offsetMinutes % 60 ? `${hours}:${pad(offsetMinutes % 60)}` : hours;
          const text = `${local.toISOString().slice(0, 19).replace('T', ' ')}${fraction}${sign}${offset}`;
          const ms = digits ? pad(micros, 6).slice(0, Math.min(digits, 3)).padEnd(3, '0') : '000';
          const expected = Date.parse(
            `${text.slice(0, 10)}T${text.slice(11, 19)}.${ms}${sign}${hours}:${pad(offsetMinutes % 60)}`,
          );
          expect(time(parseTimestamptz(text)))
            .withContext(text)
            .toBe(expected);
        },
      ),
      { numRuns: 5000 },
    );
  });

  describe('on the database', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(async () => t.close());

    it('reads back the instant stored, whatever zone the session prints in', async () => {
      const instants = [
        '2026-12-03T15:39:08.123Z',
        '2025-03-09T10:00:00.000Z', // Los Angeles springs forward
        '2026-04-05T02:59:59.999Z', // Sydney falls back
        '2026-02-28T23:30:00.001Z',
      ];
      for (const zone of ['UTC', 'America/Los_Angeles', 'Asia/Kathmandu', 'America/St_Johns']) {
        const rows = await t.db.kysely.connection().execute(async (db) => {
          await sql`SELECT set_config('TimeZone', ${zone}, false)`.execute(db);
          const read = await sql<{ at: Date }>`
            SELECT unnest(${instants}::timestamptz[]) AS at`.execute(db);
          await sql`RESET TimeZone`.execute(db);
          return read.rows;
        });
        expect(rows.map((r) => r.at.toISOString()))
          .withContext(zone)
          .toEqual(instants);
      }
    });
  });
});
