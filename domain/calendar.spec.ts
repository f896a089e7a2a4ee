import fc from 'fast-check';
import {
  addDays,
  addMonths,
  daysBetween,
  isTimeZone,
  localDateOf,
  startOfLocalDay,
  todayIn,
} from './calendar.ts';

describe('calendar', () => {
  describe('addMonths at month ends and leap days', () => {
    const cases: Array<[string, number, string]> = [
      ['2025-01-31', 1, '2025-02-28'],
      ['2024-01-31', 1, '2024-02-29'],
      ['2024-02-29', 12, '2025-02-28'],
      ['2025-08-31', 6, '2026-02-28'],
      ['2025-12-03', 12, '2026-12-03'],
      ['2026-03-31', -1, '2026-02-28'],
    ];
    for (const [from, months, to] of cases) {
      it(`${from} + ${months} months = ${to}`, () => expect(addMonths(from, months)).toBe(to));
    }
  });

  it('counts calendar days across a leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });

  describe('local dates in the practice time zone', () => {
    const cases: Array<[string, string, string]> = [
      ['2026-07-02T01:00:00Z', 'America/Los_Angeles', '2026-07-01'], // 18:00 on 1 Jul at UTC-7
      ['2026-07-15T15:00:00Z', 'America/Los_Angeles', '2026-07-15'],
      ['2026-12-31T23:30:00Z', 'Europe/Madrid', '2027-01-01'],
      ['2026-12-31T23:30:00Z', 'UTC', '2026-12-31'],
      ['2026-03-29T00:59:59Z', 'Europe/London', '2026-03-29'],
    ];
    for (const [instant, zone, date] of cases) {
      it(`${instant} is ${date} in ${zone}`, () => expect(localDateOf(instant, zone)).toBe(date));
    }

    it('two blocks 14 local days apart at UTC-7 are 14 days apart, not 13', () => {
      const a = localDateOf('2026-07-02T01:00:00Z', 'America/Los_Angeles');
      const b = localDateOf('2026-07-15T15:00:00Z', 'America/Los_Angeles');
      expect(daysBetween(a, b)).toBe(14);
    });

    it('todayIn reads the local date of now', () => {
      expect(todayIn('Pacific/Auckland', new Date('2026-12-01T12:00:00Z'))).toBe('2026-12-02');
    });

    it('finds the first instant of a local day, also on DST changes', () => {
      expect(startOfLocalDay('2026-07-01', 'America/Los_Angeles').toISOString()).toBe(
        '2026-07-01T07:00:00.000Z',
      );
      expect(startOfLocalDay('2026-03-29', 'Europe/London').toISOString()).toBe(
        '2026-03-29T00:00:00.000Z',
      );
      expect(startOfLocalDay('2026-03-30', 'Europe/London').toISOString()).toBe(
        '2026-03-29T23:00:00.000Z',
      );
      expect(startOfLocalDay('2026-11-01', 'America/New_York').toISOString()).toBe(
        '2026-11-01T04:00:00.000Z',
      );
      expect(startOfLocalDay('2026-11-02', 'America/New_York').toISOString()).toBe(
        '2026-11-02T05:00:00.000Z',
      );
    });

    it('knows IANA names and refuses others', () => {
      expect(isTimeZone('Europe/Madrid')).toBeTrue();
      expect(isTimeZone('Mars/Olympus')).toBeFalse();
    });
  });

  // The offset is kept per UTC hour (calendar.ts); each reading must still be Intl's own.
  describe('local dates agree with Intl, across offset changes', () => {
    const formats = new Map<string, [Intl.DateTimeFormat, Intl.DateTimeFormat]>();
    const formatsIn = (timeZone: string) => {
      let f = formats.get(timeZone);
      if (!f) {
        f = [
          new Intl.DateTimeFormat('en-CA', {
            timeZone,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
          }),
          new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
          }),
        ];
        formats.set(timeZone, f);
      }
      return f;
    };
    const intlDate = (instant: Date, timeZone: string) => formatsIn(timeZone)[0].format(instant);
    // Zones whose changes fall on odd UTC times: half-hour shifts (Lord Howe), 45-minute offsets
    // (Chatham, Kathmandu), -3:30 (St John's), a zone that skipped a whole day (Apia, end of 2011).
    const months: Array<[string, string]> = [
      ['Europe/London', '2026-03'],
      ['Europe/London', '2026-10'],
      ['America/New_York', '2026-03'],
      ['America/New_York', '2026-11'],
      ['Australia/Lord_Howe', '2026-04'],
      ['Australia/Lord_Howe', '2026-10'],
      ['Pacific/Chatham', '2026-04'],
      ['Pacific/Chatham', '2026-09'],
      ['America/St_Johns', '2026-03'],
      ['Asia/Kathmandu', '2026-06'],
      ['Pacific/Apia', '2011-12'],
    ];
    const intlOffsetMs = (ms: number, timeZone: string) => {
      const p = Object.fromEntries(
        formatsIn(timeZone)[1]
          .formatToParts(new Date(ms))
          .map((x) => [x.type, Number(x.value)]),
      );
      const second = Math.floor(ms / 1000) * 1000;
      return (
        Date.UTC(p['year']!, p['month']! - 1, p['day'], p['hour'], p['minute'], p['second']) -
        second
      );
    };
    /** The first millisecond at the new offset, between `a` (old offset) and `b` (new). */
    const changeBetween = (a: number, b: number, zone: string) => {
      const old = intlOffsetMs(a, zone);
      while (b - a > 1) {
        const mid = Math.floor((a + b) / 2);
        if (intlOffsetMs(mid, zone) === old) a = mid;
        else b = mid;
      }
      return b;
    };
    for (const [zone, month] of months) {
      it(`${zone} through ${month}: every 7 min 13 s, and 1 ms either side of each change`, () => {
        const from = Date.parse(`${month}-01T00:00:00Z`) - 86_400_000;
        const to = from + 33 * 86_400_000;
        const instants: number[] = [];
        for (let ms = from; ms < to; ms += 433_000) instants.push(ms);
        let changes = 0;
        for (let ms = from; ms < to; ms += 900_000) {
          if (intlOffsetMs(ms, zone) === intlOffsetMs(ms + 900_000, zone)) continue;
          const at = changeBetween(ms, ms + 900_000, zone);
          instants.push(at - 1, at, at + 1);
          changes++;
        }
        const wrong = instants
          .filter((t) => localDateOf(new Date(t), zone) !== intlDate(new Date(t), zone))
          .map((t) => new Date(t).toISOString());
        expect(wrong).toEqual([]);
        expect(changes).toBe(zone === 'Asia/Kathmandu' ? 0 : 1);
      });
    }

    const dayStarts: Array<[string, string]> = [
      ...months,
      ['America/Santiago', '2026-04'],
      ['America/Santiago', '2026-09'],
      ['America/Havana', '2026-03'],
      ['Asia/Beirut', '2026-03'],
    ];
    for (const [zone, month] of dayStarts) {
      it(`each local day of ${month} in ${zone} starts at its first instant`, () => {
        const wrong: string[] = [];
        for (let day = 1; day <= 28; day++) {
          const date = `${month}-${String(day).padStart(2, '0')}`;
          const start = startOfLocalDay(date, zone).getTime();
          if (
            intlDate(new Date(start), zone) !== date ||
            intlDate(new Date(start - 1), zone) === date
          )
            wrong.push(`${date}: ${new Date(start).toISOString()}`);
        }
        expect(wrong).toEqual([]);
      });
    }

    it('for any instant from 1900 to 2100 in any of these zones', () => {
      const zones = [...new Set(months.map(([zone]) => zone)), 'UTC', 'America/Los_Angeles'];
      fc.assert(
        fc.property(
          fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
          fc.constantFrom(...zones),
          (ms, zone) => localDateOf(new Date(ms), zone) === intlDate(new Date(ms), zone),
        ),
        { numRuns: 5000 },
      );
    });
  });
});
