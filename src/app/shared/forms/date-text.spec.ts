import { formatDateTimeText, parseDateTimeText } from './date-text.ts';

describe('date and time as typed', () => {
  const refused = ['', '31021990', '31/02/2026 10:00', '2026-12-02T14:05', '02/12/2026', '02/12/2026 24:00', '02/12/2026 9:60', '13/13/2026 10:00', 'yesterday'];
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
});
