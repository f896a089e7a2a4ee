import { kaplanMeier, survivalAt } from './kaplan-meier.ts';
import { suppressCount, suppressRate } from './small-cells.ts';

describe('Kaplan-Meier time to loss of relief', () => {
  it('gives no steps and no estimate for an empty cohort', () => {
    expect(kaplanMeier([])).toEqual([]);
    expect(survivalAt([], 0, 90)).toBeNull();
  });

  it('without censoring equals the plain share still holding relief', () => {
    const steps = kaplanMeier([
      { days: 90, event: true },
      { days: 180, event: true },
      { days: 365, event: true },
      { days: 365, event: false },
    ]);
    expect(steps.map((s) => [s.days, s.atRisk, s.events, s.censored])).toEqual([
      [90, 4, 1, 0],
      [180, 3, 1, 0],
      [365, 2, 1, 1],
    ]);
    expect(steps.map((s) => s.survival)).toEqual([0.75, 0.5, 0.25]);
  });

  it('keeps censored subjects at risk until their censoring day (textbook example)', () => {
    // 6 subjects: events at 3, 6, 6; censored at 4, 8, 10.
    const steps = kaplanMeier([
      { days: 3, event: true },
      { days: 4, event: false },
      { days: 6, event: true },
      { days: 6, event: true },
      { days: 8, event: false },
      { days: 10, event: false },
    ]);
    expect(steps[0]!.survival).toBeCloseTo(5 / 6, 10);
    expect(steps[2]!.survival).toBeCloseTo((5 / 6) * (2 / 4), 10);
    expect(steps.at(-1)!.survival).toBeCloseTo((5 / 6) * (2 / 4), 10);
  });

  it('counts a censoring on an event day as at risk for that event', () => {
    const steps = kaplanMeier([
      { days: 30, event: true },
      { days: 30, event: false },
    ]);
    expect(steps).toEqual([{ days: 30, atRisk: 2, events: 1, censored: 1, survival: 0.5 }]);
  });

  it('reads 1 before the first event and nothing past the longest follow-up', () => {
    const subjects = [
      { days: 100, event: true },
      { days: 200, event: false },
    ];
    const steps = kaplanMeier(subjects);
    expect(survivalAt(steps, 2, 50)).toBe(1);
    expect(survivalAt(steps, 2, 150)).toBe(0.5);
    expect(survivalAt(steps, 2, 365)).toBeNull();
  });

  it('ignores subjects without a usable duration', () => {
    expect(
      kaplanMeier([
        { days: Number.NaN, event: true },
        { days: -1, event: true },
      ]),
    ).toEqual([]);
  });
});

describe('small-cell suppression', () => {
  const cases: Array<[number, number | '< 5']> = [
    [0, 0],
    [1, '< 5'],
    [4, '< 5'],
    [5, 5],
    [120, 120],
  ];
  for (const [count, shown] of cases)
    it(`shows ${count} as ${shown}`, () => expect(suppressCount(count)).toBe(shown));

  it('hides rates over groups under five patients', () => {
    expect(suppressRate(2, 2)).toBeNull();
    expect(suppressRate(0, 4)).toBeNull();
    expect(suppressRate(3, 5)).toBe(0.6);
  });
});
