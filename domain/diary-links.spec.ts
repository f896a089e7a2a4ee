import {
  diaryLinkExpiresAt,
  diaryLinkStatus,
  isDuplicateEntry,
  isTimePointComplete,
} from './diary-links.ts';

describe('diary links', () => {
  const at = new Date('2026-11-25T10:00:00Z');
  const hours = (h: number) => new Date(at.getTime() + h * 3_600_000);

  it('expires after the last time point plus the grace hours; an empty diary expires after the grace alone', () => {
    const table: [number[], number, Date][] = [
      [[15, 30, 14 * 1440], 48, hours(14 * 24 + 48)],
      [[14 * 1440, 15], 0, hours(14 * 24)],
      [[], 24, hours(24)],
    ];
    for (const [minutes, grace, expected] of table)
      expect(diaryLinkExpiresAt(at, minutes, grace))
        .withContext(`${minutes} +${grace}h`)
        .toEqual(expected);
  });

  it('status: revoked wins over expired; expiry is exclusive at its instant', () => {
    const table: [Date | null, Date, string][] = [
      [null, hours(1), 'active'],
      [null, hours(2), 'expired'],
      [null, hours(3), 'expired'],
      [hours(0), hours(1), 'revoked'],
      [hours(0), hours(3), 'revoked'],
    ];
    for (const [revokedAt, now, expected] of table)
      expect(diaryLinkStatus({ expiresAt: hours(2), revokedAt }, now))
        .withContext(`${revokedAt} ${now.toISOString()}`)
        .toBe(expected);
  });

  it('the same time point, context and side twice is a duplicate; another context or side is not', () => {
    const existing = [{ minutesAfter: 30, context: 'activity', side: 'left' }] as const;
    const table: [number, 'rest' | 'activity', 'left' | 'right' | null, boolean][] = [
      [30, 'activity', 'left', true],
      [30, 'rest', 'left', false],
      [30, 'activity', 'right', false],
      [30, 'activity', null, false],
      [60, 'activity', 'left', false],
    ];
    for (const [minutesAfter, context, side, expected] of table)
      expect(isDuplicateEntry(existing, { minutesAfter, context, side }))
        .withContext(`${minutesAfter} ${context} ${side}`)
        .toBe(expected);
    expect(isDuplicateEntry([], { minutesAfter: 30, context: 'rest', side: null })).toBeFalse();
  });

  it('a bilateral time point is complete only with both sides rated', () => {
    expect(isTimePointComplete([], false)).toBeFalse();
    expect(isTimePointComplete([{ context: 'rest', side: null }], false)).toBeTrue();
    expect(isTimePointComplete([{ context: 'rest', side: 'left' }], true)).toBeFalse();
    expect(
      isTimePointComplete(
        [
          { context: 'rest', side: 'left' },
          { context: 'activity', side: 'right' },
        ],
        true,
      ),
    ).toBeTrue();
  });
});
