import { assessBlock } from '../assessment.ts';
import type { DiaryScore } from '../relief.ts';
import { BUILT_IN_RULE_SETS } from '../rule-sets.ts';
import { readBlock, reliefHolds, type SeriesSummary } from './block-reading.ts';

const lcd = BUILT_IN_RULE_SETS.find((r) => r.key === 'medicare-lcd')!.settings;
const lumbar = BUILT_IN_RULE_SETS.find((r) => r.key === 'lumbar-consensus-2020')!.settings;
const s = (
  context: 'rest' | 'activity',
  side: 'left' | 'right' | null,
  baseline: number | null,
  lowest: number | null,
  reported: number | null = null,
): SeriesSummary => ({ context, side, baseline, lowest, reported });

describe('reading a block from series summaries', () => {
  const cases: [string, SeriesSummary[], 'left' | 'bilateral', string, number | null][] = [
    ['no series at all', [], 'left', 'not-assessable', null],
    ['no baseline', [s('activity', null, null, 2)], 'left', 'not-assessable', null],
    ['baseline 0', [s('activity', null, 0, 0)], 'left', 'not-assessable', null],
    ['no score in the phase', [s('activity', null, 8, null)], 'left', 'not-assessable', null],
    ['80% exactly is positive under the LCD', [s('activity', null, 10, 2)], 'left', 'positive', 80],
    ['62.5% is grey under the LCD', [s('activity', null, 8, 3)], 'left', 'grey-zone', 62.5],
    ['worse than baseline is negative', [s('activity', null, 5, 6)], 'left', 'negative', -20],
    [
      'activity before rest',
      [s('rest', null, 8, 0), s('activity', null, 8, 6)],
      'left',
      'negative',
      25,
    ],
    [
      'rest when activity has no verdict',
      [s('activity', null, null, 1), s('rest', null, 8, 0)],
      'left',
      'positive',
      100,
    ],
    [
      'a side series counts only for a bilateral block',
      [s('activity', 'left', 8, 0)],
      'left',
      'not-assessable',
      null,
    ],
    [
      'left series of a bilateral block',
      [s('activity', 'left', 8, 0)],
      'bilateral',
      'positive',
      100,
    ],
  ];
  for (const [name, series, side, verdict, peak] of cases) {
    it(name, () => {
      const r = readBlock(series, side, lcd);
      expect(r.verdict).toBe(verdict as never);
      expect(r.peakReliefPercent).toBe(peak);
    });
  }

  it('agrees with assessBlock on the same diary', () => {
    const diary: DiaryScore[] = [
      { minutesAfter: -5, score: 8, context: 'activity' },
      { minutesAfter: 30, score: 3, context: 'activity', reportedReliefPercent: 70 },
      { minutesAfter: 60, score: 2, context: 'activity', reportedReliefPercent: 75 },
      { minutesAfter: 600, score: 0, context: 'activity' },
    ];
    for (const rules of [lcd, lumbar]) {
      const full = assessBlock(diary, rules, {
        side: 'left',
        sedation: 'none',
        agent: 'lidocaine',
      });
      const summary = readBlock([s('activity', null, 8, 2, 75)], 'left', rules);
      expect(summary).toEqual({
        peakReliefPercent: full.peakReliefPercent,
        reportedPeakReliefPercent: full.reportedPeakReliefPercent,
        verdict: full.verdict,
      });
    }
  });

  it('reads durability at 50% relief', () => {
    expect(reliefHolds(8, 4)).toBeTrue();
    expect(reliefHolds(8, 5)).toBeFalse();
    expect(reliefHolds(0, 0)).toBeFalse();
  });
});
