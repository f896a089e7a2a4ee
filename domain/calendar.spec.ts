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
});
