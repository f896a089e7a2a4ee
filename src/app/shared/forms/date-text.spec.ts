import {
  dayFirstDates,
  formatDateText,
  formatDateTimeText,
  parseDateText,
  parseDateTimeText,
  parseTimeText,
} from './date-text.ts';
import { setDisplayTimeZone } from '../format/date-format.ts';

describe('date and time as typed', () => {
  const refused = [
    '',
    '31021990',
    '31/02/2026 10:00',
    '2026-12-02T14:05',
    '02/12/2026',
    '02/12/2026 24:00',
    '02/12/2026 9:60',
    '13/13/2026 10:00',
    'yesterday',
  ];
  for (const text of refused) {
    it(`refuses "${text}" instead of guessing`, () => expect(parseDateTimeText(text)).toBeNull());
  }

  it('reads day first, 24-hour, with one-digit parts and other separators', () => {
    expect(parseDateTimeText('02/12/2026 14:05')).toEqual(new Date(2026, 11, 2, 14, 5));
    expect(parseDateTimeText(' 2.12.2026 9:05 ')).toEqual(new Date(2026, 11, 2, 9, 5));
    expect(parseDateTimeText('29-02-2028 00:00')).toEqual(new Date(2028, 1, 29, 0, 0));
  });

  it('formats what it parses back to the same text', () => {
    const at = new Date(2026, 0, 5, 7, 3);
    expect(formatDateTimeText(at)).toBe('05/01/2026 07:03');
    expect(parseDateTimeText(formatDateTimeText(at))).toEqual(at);
  });

  it("reads and writes on the practice's clock once the session sets its zone", () => {
    setDisplayTimeZone('America/Los_Angeles');
    try {
      const at = parseDateTimeText('01/07/2026 18:00'); // UTC-7 in summer
      expect(at?.toISOString()).toBe('2026-07-02T01:00:00.000Z');
      expect(formatDateTimeText(at!)).toBe('01/07/2026 18:00');
      expect(parseDateTimeText('08/03/2026 02:30')).toBeNull(); // the clocks skip 02:00-03:00
    } finally {
      setDisplayTimeZone(undefined);
    }
  });

  describe('calendar dates', () => {
    for (const text of [
      '31021990',
      '31/02/1990',
      '1990-2-3',
      '12/31/1990',
      '00/01/1990',
      '01/01/0000',
      'today',
    ]) {
      it(`refuses "${text}"`, () => expect(parseDateText(text)).toBeNull());
    }
    it('reads day first, or YYYY-MM-DD as stored', () => {
      expect(parseDateText('31/12/1990')).toBe('1990-12-31');
      expect(parseDateText('1.2.1990')).toBe('1990-02-01');
      expect(parseDateText('29/02/2028')).toBe('2028-02-29');
      expect(parseDateText('1990-04-01')).toBe('1990-04-01');
    });
    it('shows a stored date day first, and anything else as it is', () => {
      expect(formatDateText('1990-12-31')).toBe('31/12/1990');
      expect(formatDateText('')).toBe('');
    });
  });

  describe('times', () => {
    it('reads 24-hour times and pads the hour', () => {
      expect(parseTimeText('9:05')).toBe('09:05');
      expect(parseTimeText('23:59')).toBe('23:59');
    });
    for (const text of ['24:00', '3:29 AM', '0930', '12:5']) {
      it(`refuses "${text}"`, () => expect(parseTimeText(text)).toBeNull());
    }
  });

  it('shows the ISO dates inside a server sentence day first, leaving the rest', () => {
    expect(dayFirstDates('2026-12-03 to 2026-12-04: patient asked')).toBe(
      '03/12/2026 to 04/12/2026: patient asked',
    );
    expect(dayFirstDates('Due 2026-3-4, ref 12026-12-031')).toBe('Due 2026-3-4, ref 12026-12-031');
  });
});
