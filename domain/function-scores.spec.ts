import {
  isMeaningfulImprovement,
  NDI_SECTIONS,
  ODI_SECTIONS,
  scoreFunction,
  type SectionScores,
} from './function-scores.ts';

const fill = (names: readonly string[], values: (number | null)[]): SectionScores =>
  Object.fromEntries(names.map((n, i) => [n, values[i] ?? null]));

describe('ODI scoring (domain.md section 5)', () => {
  const table: [string, (number | null)[], number | null, string | null][] = [
    ['all zero', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'minimal'],
    ['20% is still minimal', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 20, 'minimal'],
    ['22% is moderate', [1, 1, 1, 1, 1, 1, 1, 1, 1, 2], 22, 'moderate'],
    ['40% moderate', [2, 2, 2, 2, 2, 2, 2, 2, 2, 2], 40, 'moderate'],
    ['60% severe', [3, 3, 3, 3, 3, 3, 3, 3, 3, 3], 60, 'severe'],
    ['80% crippled', [4, 4, 4, 4, 4, 4, 4, 4, 4, 4], 80, 'crippled'],
    ['100% bed-bound', [5, 5, 5, 5, 5, 5, 5, 5, 5, 5], 100, 'bed-bound'],
    ['one skipped: 18 / 45', [2, 2, 2, 2, 2, 2, 2, 2, 2, null], 40, 'moderate'],
    ['two skipped: 17 / 40 = 42.5', [3, 2, 2, 2, 2, 2, 2, 2, null, null], 42.5, 'severe'],
    ['three skipped: not assessable', [3, 3, 3, 3, 3, 3, 3, null, null, null], null, null],
  ];
  for (const [name, values, total, band] of table) {
    it(`${name} -> ${total ?? 'not assessable'}`, () => {
      const result = scoreFunction('odi', fill(ODI_SECTIONS, values));
      if (total === null) {
        expect(result.assessable).toBeFalse();
      } else {
        expect(result).toEqual(
          jasmine.objectContaining({ assessable: true, total, band, unit: '%' }),
        );
      }
    });
  }

  it('ignores sections that are not ODI sections', () => {
    const result = scoreFunction('odi', {
      ...fill(ODI_SECTIONS, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
      headaches: 5,
    });
    expect(result.assessable && result.total).toBe(0);
  });
});

describe('NDI scoring (domain.md section 5)', () => {
  const table: [string, (number | null)[], number, string, number][] = [
    ['raw 4 is none', [1, 1, 1, 1, 0, 0, 0, 0, 0, 0], 4, 'none', 8],
    ['raw 5 is mild', [1, 1, 1, 1, 1, 0, 0, 0, 0, 0], 5, 'mild', 10],
    ['raw 14 mild, 15 moderate', [2, 2, 2, 2, 1, 1, 1, 1, 1, 2], 15, 'moderate', 30],
    ['raw 34 severe', [4, 4, 4, 4, 3, 3, 3, 3, 3, 3], 34, 'severe', 68],
    ['raw 35 complete', [4, 4, 4, 4, 4, 3, 3, 3, 3, 3], 35, 'complete', 70],
    [
      'a skipped item takes the mean: 27 / 9 x 10 = 30',
      [3, 3, 3, 3, 3, 3, 3, 3, 3, null],
      30,
      'severe',
      60,
    ],
    ['raw 50 complete', [5, 5, 5, 5, 5, 5, 5, 5, 5, 5], 50, 'complete', 100],
  ];
  for (const [name, values, raw, band, percent] of table) {
    it(`${name}`, () => {
      expect(scoreFunction('ndi', fill(NDI_SECTIONS, values))).toEqual(
        jasmine.objectContaining({ assessable: true, total: raw, band, percent, unit: 'points' }),
      );
    });
  }
});

describe('meaningful improvement', () => {
  it('ODI: 8 points or 18% relative', () => {
    expect(isMeaningfulImprovement('odi', 40, 32)).toBeTrue(); // 8 points
    expect(isMeaningfulImprovement('odi', 30, 25)).toBeFalse(); // 5 points, 16.7%
    expect(isMeaningfulImprovement('odi', 20, 16)).toBeTrue(); // 4 points but 20%
  });
  it('NDI: 5 points', () => {
    expect(isMeaningfulImprovement('ndi', 20, 15)).toBeTrue();
    expect(isMeaningfulImprovement('ndi', 20, 16)).toBeFalse();
  });
});
