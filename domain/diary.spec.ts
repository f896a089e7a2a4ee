import { diarySchedule, isLateEntry, nextDiaryPoint } from './diary.ts';

describe('diary schedule', () => {
  const at = new Date('2026-11-25T10:00:00Z');
  const minutes = [15, 30, 60, 120];
  const after = (m: number) => new Date(at.getTime() + m * 60_000);
  const statuses = (recorded: number[], nowMinutes: number) =>
    diarySchedule(minutes, at, recorded, after(nowMinutes)).map(
      (p) => `${p.minutesAfter}:${p.status}`,
    );

  it('before the block: the baseline is due, every point upcoming', () => {
    expect(statuses([], -10)).toEqual([
      '0:due',
      '15:upcoming',
      '30:upcoming',
      '60:upcoming',
      '120:upcoming',
    ]);
  });
  it('at 20 min with baseline done: 15 is due, the rest upcoming (boundary: due from its own time)', () => {
    expect(statuses([-5], 20)).toEqual([
      '0:done',
      '15:due',
      '30:upcoming',
      '60:upcoming',
      '120:upcoming',
    ]);
    expect(statuses([-5], 15)).toContain('15:due');
    expect(statuses([-5], 14.9)).toContain('15:upcoming');
  });
  it('a point becomes overdue when the next one comes due', () => {
    expect(statuses([-5], 30)).toEqual([
      '0:done',
      '15:overdue',
      '30:due',
      '60:upcoming',
      '120:upcoming',
    ]);
  });
  it('the last point stays due for a day', () => {
    expect(statuses([-5, 15, 30, 60], 120 + 24 * 60 - 1)).toContain('120:due');
    expect(statuses([-5, 15, 30, 60], 120 + 24 * 60)).toContain('120:overdue');
  });
  it('a missed baseline is overdue once the block is done', () => {
    expect(statuses([], 5)[0]).toBe('0:overdue');
  });
  // Issue 14 changed this: the diary used to open on the oldest overdue point while one was due now.
  const next = (recorded: number[], nowMinutes: number) =>
    nextDiaryPoint(diarySchedule(minutes, at, recorded, after(nowMinutes)));
  it('the next point is the one due now, even when older points are overdue', () => {
    expect(next([-5, 30], 65)).toEqual({ minutesAfter: 60, status: 'due' });
    expect(next([], 130)).toEqual({ minutesAfter: 120, status: 'due' });
  });
  it('with nothing due now, the latest overdue point comes next, then the next upcoming', () => {
    expect(next([-5], 120 + 24 * 60)).toEqual({ minutesAfter: 120, status: 'overdue' });
    expect(next([-5, 15, 30, 60, 120], 500)).toBeNull();
    expect(next([-5], 10)).toEqual({ minutesAfter: 15, status: 'upcoming' });
    expect(next([], -10)).toEqual({ minutesAfter: 0, status: 'due' });
  });
  it('flags a late entry at the threshold, not before', () => {
    expect(isLateEntry(at, after(119), 120)).toBeFalse();
    expect(isLateEntry(at, after(120), 120)).toBeTrue();
  });
});
