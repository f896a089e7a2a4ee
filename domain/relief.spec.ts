import {
  assessSeries,
  type DiaryScore,
  formatMinutes,
  meetsThreshold,
  nrsAtRelief,
  percentRelief,
  verdictFor,
} from './relief.ts';
import { BUILT_IN_RULE_SETS, type RuleSetSettings } from './rule-sets.ts';

const rules = (key: string): RuleSetSettings =>
  BUILT_IN_RULE_SETS.find((r) => r.key === key)!.settings;
const LCD = rules('medicare-lcd');
const LUMBAR = rules('lumbar-consensus-2020');
const CERVICAL = rules('cervical-consensus-2021');
const ASIPP = rules('asipp');

describe('percent relief (domain.md section 2)', () => {
  const table: [number, number, number | null][] = [
    [8, 1, 87.5],
    [8, 8, 0],
    [10, 0, 100],
    [5, 1, 80],
    [4, 6, -50],
    [0, 0, null],
    [0, 3, null],
  ];
  for (const [baseline, post, expected] of table) {
    it(`baseline ${baseline}, post ${post} -> ${expected ?? 'not assessable'}`, () =>
      expect(percentRelief(baseline, post)).toBe(expected));
  }
  it('the NRS at a relief threshold, for chart lines', () => {
    expect(nrsAtRelief(8, 80)).toBeCloseTo(1.6, 6);
    expect(nrsAtRelief(8, 50)).toBe(4);
  });
});

describe('verdicts per rule set (domain.md section 3)', () => {
  const table: [string, RuleSetSettings, number | null, string][] = [
    ['LCD', LCD, 80.0, 'positive'],
    ['LCD', LCD, 79.9, 'grey-zone'],
    ['LCD', LCD, 79.96, 'positive'], // rounds to 80.0
    ['LCD', LCD, 50, 'grey-zone'],
    ['LCD', LCD, 49.9, 'negative'],
    ['LCD', LCD, -25, 'negative'],
    ['LCD', LCD, null, 'not-assessable'],
    ['lumbar 2020', LUMBAR, 50, 'positive'],
    ['lumbar 2020', LUMBAR, 49.9, 'negative'],
    ['cervical 2021', CERVICAL, 50, 'negative'], // "> 50%": the threshold itself is not enough
    ['cervical 2021', CERVICAL, 50.1, 'positive'],
    ['ASIPP', ASIPP, 75, 'positive'],
    ['ASIPP', ASIPP, 74.9, 'negative'],
  ];
  for (const [name, settings, relief, verdict] of table) {
    it(`${name}: ${relief ?? 'no'} % -> ${verdict}`, () =>
      expect(verdictFor(relief, settings)).toBe(verdict));
  }
  it('threshold comparison is exact at 80.0 and strict where the rule set says ">"', () => {
    expect(meetsThreshold(80, LCD)).toBeTrue();
    expect(meetsThreshold(50, CERVICAL)).toBeFalse();
  });
});

describe('assessing a diary series', () => {
  const s = (minutesAfter: number, score: number, extra: Partial<DiaryScore> = {}): DiaryScore => ({
    minutesAfter,
    score,
    context: 'activity',
    ...extra,
  });

  it('the issue journey: baseline 8, 1 at 30 min, 2 at 2 h, 7 at 6 h is positive under the LCD, peak 87.5%', () => {
    const a = assessSeries([s(-5, 8), s(30, 1), s(120, 2), s(360, 7)], LCD, 'activity', null);
    expect(a.verdict).toBe('positive');
    expect(a.peakReliefPercent).toBe(87.5);
    expect(a.peakAtMinutes).toBe(30);
    expect(a.reliefDurationMinutes).toBe(30); // 75% at 2 h is below 80%
    expect(a.reasons[0]).toContain(
      'peak relief 87.5% at 30 min (baseline 8, lowest 1); threshold ≥ 80%',
    );
  });

  it('the same diary is positive for 2 h under the lumbar consensus (50%)', () => {
    const a = assessSeries([s(-5, 8), s(30, 1), s(120, 2), s(360, 7)], LUMBAR, 'activity', null);
    expect(a.reliefDurationMinutes).toBe(120);
  });

  it('baseline 0 is not assessable, with the reason', () => {
    const a = assessSeries([s(0, 0), s(30, 0)], LCD, 'activity', null);
    expect(a.verdict).toBe('not-assessable');
    expect(a.reasons[0]).toContain('baseline pain is 0');
  });

  it('no baseline is not assessable', () => {
    expect(assessSeries([s(30, 1)], LCD, 'activity', null).reasons[0]).toContain('no baseline');
  });

  it('no score inside the anesthetic phase is not assessable', () => {
    const a = assessSeries([s(-1, 7), s(24 * 60, 2)], LCD, 'activity', null);
    expect(a.verdict).toBe('not-assessable');
    expect(a.reasons[0]).toContain('first 8 h');
  });

  it('pain rising above baseline is negative relief, said so', () => {
    const a = assessSeries([s(-1, 4), s(30, 6), s(60, 5)], LCD, 'activity', null);
    expect(a.peakReliefPercent).toBe(-25);
    expect(a.verdict).toBe('negative');
    expect(a.reasons.join(' ')).toContain('worse than baseline');
  });

  it('relief that dips and returns: duration runs to the last point at or above the threshold', () => {
    const a = assessSeries(
      [s(-1, 10), s(30, 1), s(60, 5), s(120, 2), s(240, 6)],
      LCD,
      'activity',
      null,
    );
    expect(a.reliefDurationMinutes).toBe(120);
  });

  it('the peak is read only inside the anesthetic phase (8 h), duration beyond it', () => {
    const a = assessSeries(
      [s(-1, 10), s(60, 5), s(480, 4), s(481, 0), s(1440, 1)],
      LCD,
      'activity',
      null,
    );
    expect(a.peakReliefPercent).toBe(60);
    expect(a.reliefDurationMinutes).toBe(1440);
  });

  it('ignores entered-in-error scores, other contexts and other sides; the latest baseline counts', () => {
    const scores = [
      s(-30, 9),
      s(-5, 8),
      s(30, 0, { enteredInError: true }),
      s(30, 4),
      s(30, 0, { context: 'rest' }),
      s(30, 0, { side: 'left' }),
    ];
    const a = assessSeries(scores, LCD, 'activity', null);
    expect(a.baseline).toBe(8);
    expect(a.peakReliefPercent).toBe(50);
  });

  it('assesses left and right separately for a bilateral block', () => {
    const scores = [
      s(-1, 8, { side: 'left' }),
      s(-1, 6, { side: 'right' }),
      s(30, 1, { side: 'left' }),
      s(30, 4, { side: 'right' }),
    ];
    expect(assessSeries(scores, LCD, 'activity', 'left').verdict).toBe('positive');
    expect(assessSeries(scores, LCD, 'activity', 'right').verdict).toBe('negative');
  });

  it('keeps the patient-reported relief beside the NRS-derived one [24]', () => {
    const a = assessSeries(
      [s(-1, 8), s(30, 2, { reportedReliefPercent: 60 }), s(60, 3, { reportedReliefPercent: 90 })],
      LCD,
      'activity',
      null,
    );
    expect(a.peakReliefPercent).toBe(75);
    expect(a.reportedPeakReliefPercent).toBe(90);
  });
});

describe('formatMinutes', () => {
  const table: [number, string][] = [
    [15, '15 min'],
    [60, '1 h'],
    [90, '1 h 30 min'],
    [1440, '1 day'],
    [2880, '2 days'],
  ];
  for (const [m, text] of table) it(`${m} -> ${text}`, () => expect(formatMinutes(m)).toBe(text));
});
