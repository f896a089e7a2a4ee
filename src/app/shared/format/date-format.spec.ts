import {
  type DatePattern,
  formatDate,
  instantAt,
  localNow,
  setDisplayTimeZone,
  todayLocal,
} from './date-format.ts';
import { DatePipe, LowerCasePipe, TitleCasePipe, UpperCasePipe } from './format-pipes.ts';

describe('formatDate', () => {
  afterEach(() => setDisplayTimeZone(undefined));

  const cases: [string, string | Date, DatePattern, string | undefined, string][] = [
    // Calendar dates are that day in any zone (a birth date must not move a day east of UTC).
    ['calendar date', '1990-12-31', 'd MMM y', undefined, '31 Dec 1990'],
    ['calendar date, UTC asked', '1990-12-31', 'd MMM y', 'UTC', '31 Dec 1990'],
    ['calendar date, far west', '2026-03-01', 'EEE d MMM y', 'Pacific/Honolulu', 'Sun 1 Mar 2026'],
    ['leap day', '2028-02-29', 'EEEE d MMM y', undefined, 'Tuesday 29 Feb 2028'],
    ['calendar date as ISO', '2026-01-05', 'yyyy-MM-dd', undefined, '2026-01-05'],
    // Moments read in the zone asked.
    ['moment in UTC', '2026-12-03T09:05:00Z', 'd MMM y, HH:mm', 'UTC', '3 Dec 2026, 09:05'],
    ['midnight is 00', '2026-12-03T00:00:00Z', 'HH:mm', 'UTC', '00:00'],
    [
      'month end crosses east',
      '2026-01-31T23:30:00Z',
      'd MMM y, HH:mm',
      'Europe/Berlin',
      '1 Feb 2026, 00:30',
    ],
    [
      'year end crosses west',
      '2027-01-01T03:00:00Z',
      'yyyy-MM-dd',
      'America/New_York',
      '2026-12-31',
    ],
    ['summer time', '2026-07-01T12:00:00Z', 'HH:mm', 'America/New_York', '08:00'],
    ['a Date', new Date(Date.UTC(2026, 8, 9, 14, 7)), 'EEE d MMM y', 'UTC', 'Wed 9 Sep 2026'],
    ['not a date', 'soon', 'd MMM y', undefined, 'soon'],
  ];
  for (const [name, value, pattern, zone, expected] of cases) {
    it(`${name}: ${String(value)} as '${pattern}' -> ${expected}`, () => {
      expect(formatDate(value, pattern, zone)).toBe(expected);
    });
  }

  it("reads a moment in the browser's zone when none is asked or set", () => {
    setDisplayTimeZone(undefined);
    const at = new Date(2026, 4, 7, 6, 3); // local 7 May 2026 06:03
    expect(formatDate(at.toISOString(), 'd MMM y, HH:mm')).toBe('7 May 2026, 06:03');
  });

  it("reads a moment in the practice's zone once the session sets it", () => {
    setDisplayTimeZone('America/Los_Angeles');
    // 18:00 on 1 Jul at UTC-7, although it is already 2 Jul in UTC (domain.md: local dates).
    expect(formatDate('2026-07-02T01:00:00Z', 'd MMM y, HH:mm')).toBe('1 Jul 2026, 18:00');
    expect(formatDate('2026-07-02T01:00:00Z', 'yyyy-MM-dd')).toBe('2026-07-01');
    // A zone asked for still wins, and a calendar date stays its day.
    expect(formatDate('2026-07-02T01:00:00Z', 'HH:mm', 'UTC')).toBe('01:00');
    expect(formatDate('2026-07-02', 'd MMM y')).toBe('2 Jul 2026');
    expect(new DatePipe().transform('2026-12-03T09:05:00Z', 'HH:mm')).toBe('01:05');
  });
});

describe("the practice's clock: today, now and the instant of a local time", () => {
  afterEach(() => setDisplayTimeZone(undefined));
  const iso = (date: string, time: string) => instantAt(date, time)?.toISOString() ?? null;

  const cases: [string, string, string, string, string | null][] = [
    [
      'summer evening west of UTC',
      'America/Los_Angeles',
      '2026-07-01',
      '18:00',
      '2026-07-02T01:00:00.000Z',
    ],
    ['winter morning', 'America/Los_Angeles', '2026-01-05', '09:00', '2026-01-05T17:00:00.000Z'],
    ['skipped when clocks go forward', 'America/Los_Angeles', '2026-03-08', '02:30', null],
    [
      'first of two when clocks go back',
      'America/Los_Angeles',
      '2026-11-01',
      '01:30',
      '2026-11-01T08:30:00.000Z',
    ],
    [
      'first of two, east of UTC',
      'Europe/Madrid',
      '2026-10-25',
      '02:30',
      '2026-10-25T00:30:00.000Z',
    ],
    ['midnight skipped (Santiago)', 'America/Santiago', '2026-09-06', '00:00', null],
    ['a quarter-hour zone', 'Asia/Kathmandu', '2026-12-03', '00:00', '2026-12-02T18:15:00.000Z'],
    ['a date that does not exist', 'UTC', '2026-02-31', '10:00', null],
    ['an hour that does not exist', 'UTC', '2026-02-03', '24:00', null],
  ];
  for (const [name, zone, date, time, expected] of cases) {
    it(`${name}: ${date} ${time} in ${zone} -> ${expected}`, () => {
      setDisplayTimeZone(zone);
      expect(iso(date, time)).toBe(expected);
    });
  }

  it("gives today's date and the time as the practice's clock shows them", () => {
    const now = new Date('2026-07-02T01:00:00Z');
    setDisplayTimeZone('America/Los_Angeles');
    expect(todayLocal(now)).toBe('2026-07-01');
    expect(localNow(now)).toEqual({ date: '2026-07-01', time: '18:00' });
    setDisplayTimeZone('Pacific/Auckland');
    expect(todayLocal(now)).toBe('2026-07-02');
  });

  it("uses the browser's clock before anyone signs in", () => {
    const at = new Date(2026, 4, 7, 6, 3);
    expect(instantAt('2026-05-07', '06:03')?.getTime()).toBe(at.getTime());
  });
});

describe('format pipes', () => {
  it('show nothing for an empty value', () => {
    expect(new DatePipe().transform(null, 'd MMM y')).toBeNull();
    expect(new DatePipe().transform('', 'd MMM y')).toBeNull();
    expect(new TitleCasePipe().transform(undefined)).toBeNull();
  });

  it('change case as the templates expect', () => {
    expect(new DatePipe().transform('2026-12-03', 'EEE d MMM y')).toBe('Thu 3 Dec 2026');
    expect(new TitleCasePipe().transform('lumbar')).toBe('Lumbar');
    expect(new TitleCasePipe().transform('MUCH better now')).toBe('Much Better Now');
    expect(new UpperCasePipe().transform('nrs')).toBe('NRS');
    expect(new LowerCasePipe().transform('Left')).toBe('left');
  });
});
