import {
  conservativeCareDays,
  meetsConservativeCareMinimum,
  type TherapyPeriod,
} from './conservative-care.ts';

describe('conservative-care duration: overlaps counted once', () => {
  const asOf = '2026-06-30';
  const table: [string, TherapyPeriod[], number][] = [
    ['nothing tried', [], 0],
    [
      'one day (start = end) counts as one',
      [{ startDate: '2026-03-01', endDate: '2026-03-01' }],
      1,
    ],
    ['March 1-31 is 31 days', [{ startDate: '2026-03-01', endDate: '2026-03-31' }], 31],
    [
      'two overlapping therapies count the union',
      [
        { startDate: '2026-03-01', endDate: '2026-03-31' },
        { startDate: '2026-03-15', endDate: '2026-04-14' },
      ],
      45,
    ],
    [
      'one inside another adds nothing',
      [
        { startDate: '2026-03-01', endDate: '2026-03-31' },
        { startDate: '2026-03-10', endDate: '2026-03-12' },
      ],
      31,
    ],
    [
      'a gap is not counted',
      [
        { startDate: '2026-03-01', endDate: '2026-03-10' },
        { startDate: '2026-03-21', endDate: '2026-03-30' },
      ],
      20,
    ],
    [
      'touching periods (end + 1 = start) join',
      [
        { startDate: '2026-03-01', endDate: '2026-03-10' },
        { startDate: '2026-03-11', endDate: '2026-03-20' },
      ],
      20,
    ],
    ['ongoing runs to the as-of date', [{ startDate: '2026-06-01' }], 30],
    [
      'ongoing plus an overlapping closed one',
      [{ startDate: '2026-06-01' }, { startDate: '2026-05-25', endDate: '2026-06-05' }],
      37,
    ],
    [
      'days after the as-of date are cut off',
      [{ startDate: '2026-06-20', endDate: '2026-07-20' }],
      11,
    ],
    ['starting after the as-of date counts nothing', [{ startDate: '2026-07-01' }], 0],
    [
      'entered in error does not count',
      [{ startDate: '2026-03-01', endDate: '2026-03-31', enteredInError: true }],
      0,
    ],
    [
      'unsorted input',
      [
        { startDate: '2026-05-01', endDate: '2026-05-10' },
        { startDate: '2026-04-01', endDate: '2026-05-05' },
      ],
      40,
    ],
    ['across a leap day', [{ startDate: '2028-02-28', endDate: '2028-03-01' }], 3],
  ];
  for (const [name, therapies, days] of table) {
    it(`${name}: ${days} days`, () => {
      expect(conservativeCareDays(therapies, name.includes('leap') ? '2028-12-31' : asOf)).toBe(
        days,
      );
    });
  }

  it('meets a 42-day (6-week) minimum at 42 days, not at 41', () => {
    expect(
      meetsConservativeCareMinimum([{ startDate: '2026-01-01', endDate: '2026-02-11' }], asOf, 42),
    ).toEqual({ met: true, days: 42, minimumDays: 42 });
    expect(
      meetsConservativeCareMinimum([{ startDate: '2026-01-01', endDate: '2026-02-10' }], asOf, 42)
        .met,
    ).toBeFalse();
  });
});
