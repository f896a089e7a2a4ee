import { assessBlock } from './assessment.ts';
import { addMonths, localDateOf, monthsHavePassed, withinMonthsOf } from './calendar.ts';
import { baselineScore, diaryEntryProblem, sameScaleBeforeAndAfter } from './diary-entry.ts';
import { nextStep } from './next-step.ts';
import { type CheckInput, type CheckProcedure, payerChecks } from './payer-checks.ts';
import {
  asksRfaReason,
  kindIntentProblem,
  procedureLabels,
  sedationNeedsReason,
} from './procedures.ts';
import { durableRelief, isFollowUpScore } from './relief-duration.ts';
import type { DiaryScore } from './relief.ts';
import { BUILT_IN_RULE_SETS } from './rule-sets.ts';
import { ProcedureCreateSchema } from './schemas/procedures.ts';
import { RuleSetSettingsSchema } from './schemas/rule-sets.ts';

const LCD = BUILT_IN_RULE_SETS[0]!.settings;
const DAY = 1440;
const s = (minutesAfter: number, score: number, extra: Partial<DiaryScore> = {}): DiaryScore => ({
  minutesAfter,
  score,
  context: 'activity',
  ...extra,
});

describe('item 5: relief lasts until the first follow-up score below 50%', () => {
  const diary = LCD.diaryMinutes; // last point: day 14
  const table: [string, DiaryScore[], string, number | null][] = [
    [
      'only the 14-day diary: not yet assessable',
      [s(-5, 8), s(60, 1), s(14 * DAY, 2)],
      'not-assessable',
      null,
    ],
    [
      'scores 2, 7, 7, 3 at 2 w, 6 w, 3 and 6 months: ends at the first dip',
      [s(-5, 8), s(15 * DAY, 2), s(42 * DAY, 7), s(91 * DAY, 7), s(182 * DAY, 3)],
      'ended',
      15,
    ],
    [
      'still holding at the last score: at least N days',
      [s(-5, 8), s(42 * DAY, 3), s(91 * DAY, 4)],
      'holding',
      91,
    ],
    ['exactly 50% holds', [s(-5, 8), s(42 * DAY, 4)], 'holding', 42],
    [
      'the first follow-up already below 50%: days of the last holding diary score',
      [s(-5, 8), s(7 * DAY, 2), s(42 * DAY, 6)],
      'ended',
      7,
    ],
    [
      'a score marked as a follow-up counts inside the diary',
      [s(-5, 8), s(10 * DAY, 2, { followUp: true })],
      'holding',
      10,
    ],
    ['baseline 0: not assessable', [s(-5, 0), s(42 * DAY, 0)], 'not-assessable', null],
    [
      'an entry in error is ignored',
      [s(-5, 8), s(42 * DAY, 7, { enteredInError: true }), s(91 * DAY, 2)],
      'holding',
      91,
    ],
  ];
  for (const [name, scores, status, days] of table) {
    it(name, () => {
      const r = durableRelief(scores, diary);
      expect(r.status).toBe(status);
      expect(r.days).toBe(days);
    });
  }
  it('a follow-up score lies after the last diary point', () => {
    expect(isFollowUpScore({ minutesAfter: 14 * DAY }, diary)).toBeFalse();
    expect(isFollowUpScore({ minutesAfter: 14 * DAY + 1 }, diary)).toBeTrue();
  });
  it('per side: the left holds while the right has ended', () => {
    const scores = [
      s(-5, 8, { side: 'left' }),
      s(91 * DAY, 2, { side: 'left' }),
      s(-5, 8, { side: 'right' }),
      s(91 * DAY, 7, { side: 'right' }),
    ];
    expect(durableRelief(scores, diary, 'left').status).toBe('holding');
    expect(durableRelief(scores, diary, 'right').status).toBe('ended');
  });
});

describe('item 6: one calendar rule for months', () => {
  const table: [string, string, number, string, boolean][] = [
    ['12 months to the day has passed', '2025-12-03', 12, '2026-12-03', true],
    ['a day before has not', '2025-12-03', 12, '2026-12-02', false],
    ['a leap day plus 12 months is 28 Feb', '2024-02-29', 12, '2025-02-28', true],
    ['31 Aug plus 6 months is 28 Feb', '2025-08-31', 6, '2026-02-28', true],
    ['... not 27 Feb', '2025-08-31', 6, '2026-02-27', false],
    ['31 Jan plus 1 month in a leap year is 29 Feb', '2024-01-31', 1, '2024-02-29', true],
    ['2 years is 24 months', '2023-03-01', 24, '2025-03-01', true],
  ];
  for (const [name, from, months, to, passed] of table) {
    it(name, () => {
      expect(monthsHavePassed(from, to, months)).toBe(passed);
      expect(withinMonthsOf(from, to, months)).toBe(!passed);
    });
  }
  it("the cap's next-session date is the day the oldest session leaves the window (no day late)", () => {
    const dates = ['2025-12-03', '2026-03-01', '2026-06-01', '2026-09-01'];
    const levels = ['L1-L2', 'L2-L3', 'L3-L4', 'L4-L5'];
    const procs = dates.map((date, i) => proc({ id: String(i + 1), date, levels: [levels[i]!] }));
    const i = input(procs, { asOf: '2026-11-01' });
    expect(nextStep(i, payerChecks(i)).message).toContain('next from 3 Dec 2026');
    expect(addMonths('2025-12-03', 12)).toBe('2026-12-03');
  });
});

describe('item 7: kind and intent', () => {
  const table: [string, 'mbb' | 'ia' | 'rfa', 'diagnostic' | 'therapeutic', boolean][] = [
    ['a diagnostic RFA is refused', 'rfa', 'diagnostic', false],
    ['a therapeutic RFA is fine', 'rfa', 'therapeutic', true],
    [
      'a therapeutic MBB is allowed (and capped as a therapeutic injection)',
      'mbb',
      'therapeutic',
      true,
    ],
    ['a diagnostic IA is fine', 'ia', 'diagnostic', true],
  ];
  for (const [name, kind, intent, ok] of table)
    it(name, () => expect(kindIntentProblem(kind, intent) === null).toBe(ok));
  it('the create schema gives a field message on intent', () => {
    const r = ProcedureCreateSchema.safeParse({
      kind: 'rfa',
      intent: 'diagnostic',
      performedAt: '2026-01-05T09:00:00Z',
      levels: ['L4-L5'],
      side: 'left',
      anesthetic: { agent: 'lidocaine', concentrationPercent: 1, volumeMl: 1 },
      guidance: 'fluoroscopy',
      sedation: 'none',
    });
    expect(r.success).toBeFalse();
    expect(r.error!.issues.map((x) => [x.path.join('.'), x.message])).toEqual([
      ['intent', kindIntentProblem('rfa', 'diagnostic')!],
    ]);
  });
  it('a therapeutic MBB counts toward the therapeutic-injection cap', () => {
    const procs = ['2026-01-10', '2026-03-10', '2026-05-10', '2026-07-10', '2026-09-10'].map(
      (date) => proc({ date, intent: 'therapeutic', rfaNotPossibleReason: 'x' }),
    );
    expect(payerChecks(input(procs)).find((c) => c.id === 'frequency')!.message).toContain(
      '5 therapeutic injection sessions',
    );
  });
  it('asks why RFA is not possible for a repeat therapeutic injection only', () => {
    expect(asksRfaReason('ia', 'therapeutic', 1)).toBeTrue();
    expect(asksRfaReason('ia', 'therapeutic', 0)).toBeFalse();
    expect(asksRfaReason('rfa', 'therapeutic', 3)).toBeFalse();
  });
});

let n = 100;
function proc(over: Partial<CheckProcedure> & { date: string }): CheckProcedure {
  n += 1;
  return {
    id: String(n),
    label: `MBB #${n}`,
    kind: 'mbb',
    intent: 'diagnostic',
    levels: ['L4-L5'],
    side: 'left',
    guidance: 'fluoroscopy',
    sedation: 'none',
    sedationReason: null,
    intervalExceptionReason: null,
    rfaNotPossibleReason: null,
    verdict: 'positive',
    peakReliefPercent: 87.5,
    daysAtHalfRelief: null,
    sameScaleBeforeAfter: true,
    ...over,
  };
}
function input(procedures: CheckProcedure[], over: Partial<CheckInput> = {}): CheckInput {
  return {
    asOf: '2026-12-31',
    region: 'lumbar',
    onsetDate: '2025-01-15',
    baselineNrs: 7,
    intake: { radiculopathy: 'none', otherCause: 'none' },
    therapies: [
      {
        id: 't1',
        label: 'Physical therapy',
        startDate: '2025-09-01',
        endDate: '2025-11-30',
        response: 'none',
      },
    ],
    functionScores: [{ id: 'f1', instrument: 'odi', takenOn: '2025-11-01', total: 42 }],
    procedures,
    regionProcedures: procedures,
    rules: LCD,
    ...over,
  };
}
const check = (i: CheckInput, id: string) => payerChecks(i).find((c) => c.id === id)!;

describe('item 8: failed conservative care, intake exclusions, functional deficit, the window', () => {
  const pt = (
    response: 'none' | 'partial' | 'good' | null,
    startDate = '2026-01-01',
    endDate = '2026-04-01',
  ) => [{ id: 't', label: 'PT', startDate, endDate, response }];
  const table: [string, Partial<CheckInput>, string, string][] = [
    [
      '91 days of PT with a good response is not a failure',
      { therapies: pt('good') },
      'conservative-care',
      'not-met',
    ],
    ['... nor an indication', { therapies: pt('good') }, 'indication', 'not-met'],
    ['91 days with no response is met', { therapies: pt('none') }, 'conservative-care', 'met'],
    [
      '91 days with a partial response is met',
      { therapies: pt('partial') },
      'conservative-care',
      'met',
    ],
    [
      'the response not recorded is not assessable',
      { therapies: pt(null) },
      'conservative-care',
      'not-assessable',
    ],
    [
      'care that ended more than 6 months before the first block is outside the window',
      { therapies: pt('none', '2025-06-01', '2025-09-30') },
      'conservative-care',
      'not-met',
    ],
    [
      'untreated radiculopathy is not met',
      { intake: { radiculopathy: 'untreated', otherCause: 'none' } },
      'indication',
      'not-met',
    ],
    [
      'treated radiculopathy is fine',
      { intake: { radiculopathy: 'treated', otherCause: 'none' } },
      'indication',
      'met',
    ],
    [
      'a fracture is another cause',
      { intake: { radiculopathy: 'none', otherCause: 'fracture' } },
      'indication',
      'not-met',
    ],
    [
      'intake not recorded is not assessable',
      { intake: { radiculopathy: null, otherCause: null } },
      'indication',
      'not-assessable',
    ],
    [
      'ODI 18 (minimal) shows no functional deficit',
      { functionScores: [{ id: 'f', instrument: 'odi', takenOn: '2026-01-10', total: 18 }] },
      'indication',
      'not-met',
    ],
    [
      'NDI 5 (mild) is a deficit',
      { functionScores: [{ id: 'f', instrument: 'ndi', takenOn: '2026-01-10', total: 5 }] },
      'indication',
      'met',
    ],
  ];
  for (const [name, over, id, expected] of table) {
    it(name, () =>
      expect(
        check(input([proc({ date: '2026-05-01' })], { therapies: pt('none'), ...over }), id).status,
      ).toBe(expected),
    );
  }
  it('the window is a setting (none = any time)', () => {
    const rules = { ...LCD, conservativeCareWindowMonths: null };
    expect(
      check(
        input([proc({ date: '2026-05-01' })], {
          therapies: pt('none', '2025-06-01', '2025-09-30'),
          rules,
        }),
        'conservative-care',
      ).status,
    ).toBe('met');
    expect(
      RuleSetSettingsSchema.safeParse({
        ...LCD,
        conservativeCareWindowMonths: 1,
        conservativeCareMinDays: 42,
      }).error?.issues[0]?.message,
    ).toBe('The conservative-care days must fit in its window');
  });
});

describe('item 9: dates are local to the practice', () => {
  it('blocks on 1 Jul 18:00 and 15 Jul 08:00 at UTC-7 are 14 local days apart', () => {
    const tz = 'America/Phoenix';
    const a = localDateOf('2026-07-02T01:00:00Z', tz);
    const b = localDateOf('2026-07-15T15:00:00Z', tz);
    expect([a, b]).toEqual(['2026-07-01', '2026-07-15']);
    const procs = [proc({ date: a }), proc({ date: b })];
    expect(check(input(procs), 'second-block').status).toBe('met');
  });
});

describe('item 10: levels per session, one region per session', () => {
  const table: [string, CheckProcedure[], CheckInput['otherRegionProcedures'], string][] = [
    [
      'left L3-L4 + L4-L5 and right L5-S1 the same morning: three levels',
      [
        proc({ date: '2026-06-01', levels: ['L3-L4', 'L4-L5'] }),
        proc({ date: '2026-06-01', side: 'right', levels: ['L5-S1'] }),
      ],
      [],
      'not-met',
    ],
    [
      'bilateral at one level is one level',
      [proc({ date: '2026-06-01', side: 'bilateral', levels: ['L4-L5', 'L5-S1'] })],
      [],
      'met',
    ],
    [
      'the same levels on two days are two sessions',
      [
        proc({ date: '2026-06-01', levels: ['L3-L4', 'L4-L5'] }),
        proc({ date: '2026-06-20', levels: ['L5-S1'] }),
      ],
      [],
      'met',
    ],
    [
      'a cervical block the same day is a second region',
      [proc({ date: '2026-06-01' })],
      [{ id: 'c', label: 'MBB #1', date: '2026-06-01', region: 'cervical' }],
      'not-met',
    ],
  ];
  for (const [name, procs, other, expected] of table)
    it(name, () =>
      expect(check(input(procs, { otherRegionProcedures: other }), 'levels').status).toBe(expected),
    );
});

describe('item 11: every later diagnostic block has the interval check', () => {
  const table: [string, string[], string][] = [
    ['third block 10 days after the second', ['2026-06-01', '2026-06-15', '2026-06-25'], 'not-met'],
    ['third block 14 days after the second', ['2026-06-01', '2026-06-15', '2026-06-29'], 'met'],
    [
      'fourth block 13 days after the third',
      ['2026-06-01', '2026-06-15', '2026-06-29', '2026-07-12'],
      'not-met',
    ],
  ];
  for (const [name, dates, expected] of table)
    it(name, () =>
      expect(check(input(dates.map((date) => proc({ date }))), 'second-block').status).toBe(
        expected,
      ),
    );
});

describe('item 12: sedation, same scale, late entries, answered sections', () => {
  const table: [string, Parameters<typeof sedationNeedsReason>, boolean][] = [
    ['minimal sedation on a diagnostic block needs a reason', ['diagnostic', 'minimal'], true],
    ['minimal sedation on a treatment does not', ['therapeutic', 'minimal'], false],
    ['moderate on a treatment does', ['therapeutic', 'moderate'], true],
    ['none never does', ['diagnostic', 'none'], false],
  ];
  for (const [name, args, expected] of table)
    it(name, () => expect(sedationNeedsReason(...args)).toBe(expected));
  it('minimal sedation is flagged on the block', () => {
    const a = assessBlock([s(-5, 8), s(30, 1)], LCD, {
      side: 'left',
      sedation: 'minimal',
      agent: 'lidocaine',
    });
    expect(a.confounded).toBeTrue();
  });
  const scale: [string, DiaryScore[], boolean | null][] = [
    ['nothing after the block yet', [s(-5, 8)], null],
    [
      'baseline at rest, after only with activity',
      [s(-5, 8, { context: 'rest' }), s(30, 2)],
      false,
    ],
    ['same context before and after', [s(-5, 8), s(30, 2)], true],
    [
      'a left baseline does not cover a right score',
      [s(-5, 8, { side: 'left' }), s(30, 2, { side: 'right' })],
      false,
    ],
  ];
  for (const [name, scores, expected] of scale)
    it(`same scale: ${name}`, () => expect(sameScaleBeforeAndAfter(scores)).toBe(expected));
  it('the documentation check flags a block without the same scale before and after', () => {
    expect(
      check(input([proc({ date: '2026-06-01', sameScaleBeforeAfter: false })]), 'documentation')
        .status,
    ).toBe('not-met');
  });
  it('the assessment says when its peak rests on late entries', () => {
    const a = assessBlock([s(-5, 8), s(30, 1, { late: true }), s(60, 3)], LCD, {
      side: 'left',
      sedation: 'none',
      agent: 'lidocaine',
    });
    expect(a.peakRestsOnLateEntries).toBeTrue();
    expect(a.reasons.join(' ')).toContain('late entr');
    expect(
      assessBlock([s(-5, 8), s(30, 1), s(60, 3, { late: true })], LCD, {
        side: 'left',
        sedation: 'none',
        agent: 'lidocaine',
      }).peakRestsOnLateEntries,
    ).toBeFalse();
  });
  it('the minimum answered ODI/NDI sections is a rule-set setting', () =>
    expect(LCD.minAnsweredSections).toBe(8));
});

describe('rules moved into domain/', () => {
  it('baseline: the latest valid score at or before the block, per series', () => {
    const scores = [
      s(-30, 6),
      s(-5, 8),
      s(0, 7, { enteredInError: true }),
      s(-5, 3, { side: 'left' }),
    ];
    expect(baselineScore(scores, 'activity', null)).toBe(8);
    expect(baselineScore(scores, 'activity', 'left')).toBe(3);
    expect(baselineScore(scores, 'rest', null)).toBeNull();
  });
  const entry: [string, Parameters<typeof diaryEntryProblem>[0], string | null][] = [
    [
      'a baseline more than 24 h before',
      {
        minutesAfter: -1441,
        side: null,
        procedureSide: 'left',
        minutesNow: 0,
        baselineMinutes: null,
      },
      'A baseline must be within 24 hours before the block',
    ],
    [
      'a time in the future',
      {
        minutesAfter: 120,
        side: null,
        procedureSide: 'left',
        minutesNow: 60,
        baselineMinutes: null,
      },
      'A score cannot describe a time in the future',
    ],
    [
      'a side on a one-sided block',
      {
        minutesAfter: 30,
        side: 'left',
        procedureSide: 'left',
        minutesNow: 60,
        baselineMinutes: null,
      },
      'Left and right scores are for bilateral procedures only',
    ],
    [
      'before the baseline',
      { minutesAfter: -30, side: null, procedureSide: 'left', minutesNow: 60, baselineMinutes: -5 },
      'This time is before the recorded baseline; mark the baseline entered in error first if it is wrong',
    ],
    [
      'a fine score',
      {
        minutesAfter: 30,
        side: 'right',
        procedureSide: 'bilateral',
        minutesNow: 60,
        baselineMinutes: -5,
      },
      null,
    ],
  ];
  for (const [name, facts, message] of entry)
    it(`diary entry: ${name}`, () =>
      expect(diaryEntryProblem(facts, 'minutesAfter')?.message ?? null).toBe(message));
  it('"MBB #n" numbering in performed order, per kind', () => {
    const labels = procedureLabels([
      { id: 'a', kind: 'mbb' as const, performedAt: '2026-02-01T09:00:00Z', sequence: 2 },
      { id: 'b', kind: 'mbb' as const, performedAt: '2026-01-01T09:00:00Z', sequence: 1 },
      { id: 'c', kind: 'rfa' as const, performedAt: '2026-03-01T09:00:00Z', sequence: 3 },
    ]);
    expect([labels.get('a'), labels.get('b'), labels.get('c')]).toEqual([
      'MBB #2',
      'MBB #1',
      'RFA #1',
    ]);
  });
});
