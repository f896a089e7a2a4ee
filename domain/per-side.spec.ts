import { assessBlock } from './assessment.ts';
import { nextStep } from './next-step.ts';
import { type CheckInput, type CheckProcedure, payerChecks } from './payer-checks.ts';
import { comparativeReading, earlierBlockToCompare, type ComparedBlock } from './procedures.ts';
import type { DiaryScore } from './relief.ts';
import { BUILT_IN_RULE_SETS } from './rule-sets.ts';

const LCD = BUILT_IN_RULE_SETS[0]!.settings;
const s = (minutesAfter: number, score: number, extra: Partial<DiaryScore> = {}): DiaryScore => ({
  minutesAfter,
  score,
  context: 'activity',
  ...extra,
});
const bilateral = (left: number, right: number) => [
  s(-5, 8, { side: 'left' }),
  s(30, left, { side: 'left' }),
  s(-5, 8, { side: 'right' }),
  s(30, right, { side: 'right' }),
];
const facts = {
  side: 'bilateral' as const,
  sedation: 'none' as const,
  agent: 'lidocaine' as const,
};

describe('item 1: a verdict per side, with a summary that never hides a side', () => {
  const table: [string, DiaryScore[], string, string[], string][] = [
    [
      'left 8 -> 1, right 8 -> 7',
      bilateral(1, 7),
      'negative',
      ['left:positive', 'right:negative'],
      'Left positive (87.5%), right negative (12.5%)',
    ],
    [
      'the mirror image reads the same way',
      bilateral(7, 1),
      'negative',
      ['left:negative', 'right:positive'],
      'Left negative (12.5%), right positive (87.5%)',
    ],
    [
      'both positive',
      bilateral(1, 0),
      'positive',
      ['left:positive', 'right:positive'],
      'Left positive (87.5%), right positive (100%)',
    ],
    [
      'one side grey, one positive',
      bilateral(1, 3),
      'grey-zone',
      ['left:positive', 'right:grey-zone'],
      'Left positive (87.5%), right grey zone (62.5%)',
    ],
    [
      'one side unread',
      [s(-5, 8, { side: 'left' }), s(30, 1, { side: 'left' })],
      'not-assessable',
      ['left:positive', 'right:not-assessable'],
      'Left positive (87.5%), right not assessable',
    ],
    [
      'scores not split by side read for both',
      [s(-5, 8), s(30, 1)],
      'positive',
      ['left:positive', 'right:positive'],
      'Left positive (87.5%), right positive (87.5%)',
    ],
  ];
  for (const [name, scores, verdict, sides, summary] of table) {
    it(name, () => {
      const a = assessBlock(scores, LCD, facts);
      expect(a.verdict).toBe(verdict);
      expect(a.sides.map((x) => `${x.side}:${x.verdict}`)).toEqual(sides);
      expect(a.summary).toBe(summary);
    });
  }
  it('a one-sided block has one side and names it', () => {
    const a = assessBlock([s(-5, 8), s(30, 1)], LCD, { ...facts, side: 'right' });
    expect(a.summary).toBe('Right positive (87.5%)');
    expect(a.threshold.label).toBe('≥ 80%');
  });
});

let n = 0;
function proc(over: Partial<CheckProcedure> & { date: string }): CheckProcedure {
  n += 1;
  return {
    id: String(n),
    label: `${(over.kind ?? 'mbb').toUpperCase()} #${n}`,
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
    onsetDate: '2026-01-15',
    baselineNrs: 7,
    intake: { radiculopathy: 'none', otherCause: 'none' },
    therapies: [
      {
        id: 't1',
        label: 'Physical therapy',
        startDate: '2026-03-01',
        endDate: '2026-05-30',
        response: 'none',
      },
    ],
    functionScores: [{ id: 'f1', instrument: 'odi', takenOn: '2026-03-01', total: 42 }],
    procedures,
    regionProcedures: procedures,
    rules: LCD,
    ...over,
  };
}
const check = (i: CheckInput, id: string) => payerChecks(i).find((c) => c.id === id)!;
const rfa = (date: string, over: Partial<CheckProcedure> = {}) =>
  proc({
    date,
    kind: 'rfa',
    intent: 'therapeutic',
    verdict: 'not-assessable',
    peakReliefPercent: null,
    ...over,
  });

describe('item 2: blocks and RFAs counted per side and per joint', () => {
  const table: [string, CheckProcedure[], string][] = [
    [
      'a left and a right positive MBB do not make a left RFA',
      [
        proc({ date: '2026-06-01' }),
        proc({ date: '2026-06-20', side: 'right' }),
        rfa('2026-07-10'),
      ],
      'not-met',
    ],
    [
      'two left positive MBBs make a left RFA',
      [proc({ date: '2026-06-01' }), proc({ date: '2026-06-20' }), rfa('2026-07-10')],
      'met',
    ],
    [
      'two bilateral blocks positive only on the left do not make a bilateral RFA',
      [
        proc({
          date: '2026-06-01',
          side: 'bilateral',
          verdict: 'negative',
          sideVerdicts: { left: 'positive', right: 'negative' },
        }),
        proc({
          date: '2026-06-20',
          side: 'bilateral',
          verdict: 'negative',
          sideVerdicts: { left: 'positive', right: 'negative' },
        }),
        rfa('2026-07-10', { side: 'bilateral' }),
      ],
      'not-met',
    ],
    [
      '... but do make a left RFA',
      [
        proc({
          date: '2026-06-01',
          side: 'bilateral',
          verdict: 'negative',
          sideVerdicts: { left: 'positive', right: 'negative' },
        }),
        proc({
          date: '2026-06-20',
          side: 'bilateral',
          verdict: 'negative',
          sideVerdicts: { left: 'positive', right: 'negative' },
        }),
        rfa('2026-07-10'),
      ],
      'met',
    ],
    [
      'blocks of L3-L4 do not make an RFA of L5-S1',
      [
        proc({ date: '2026-06-01', levels: ['L3-L4'] }),
        proc({ date: '2026-06-20', levels: ['L3-L4'] }),
        rfa('2026-07-10', { levels: ['L5-S1'] }),
      ],
      'not-met',
    ],
  ];
  for (const [name, procs, expected] of table)
    it(name, () => expect(check(input(procs), 'initial-rfa').status).toBe(expected));

  it('a first right RFA after a left RFA is not a repeat', () => {
    const procs = [
      proc({ date: '2026-01-05' }),
      proc({ date: '2026-01-20' }),
      proc({ date: '2026-01-06', side: 'right' }),
      proc({ date: '2026-01-21', side: 'right' }),
      rfa('2026-02-10'),
      rfa('2026-03-10', { side: 'right' }),
    ];
    const c = check(input(procs), 'repeat-rfa');
    expect(c.status).toBe('not-applicable'); // issue 14: was a green 'met'
    expect(c.message).toContain('Not yet applicable');
  });
  it('a second left RFA is a repeat and needs the first left RFA to have helped 6 months', () => {
    const procs = [
      proc({ date: '2025-01-05' }),
      proc({ date: '2025-01-20' }),
      rfa('2025-02-10', { daysAtHalfRelief: 60 }),
      rfa('2025-09-10'),
    ];
    expect(check(input(procs), 'repeat-rfa').status).toBe('not-met');
  });
  it('the next step names the sides in words', () => {
    const procs = [
      proc({
        date: '2026-11-01',
        side: 'bilateral',
        verdict: 'negative',
        sideVerdicts: { left: 'positive', right: 'negative' },
      }),
      proc({
        date: '2026-11-20',
        side: 'bilateral',
        verdict: 'negative',
        sideVerdicts: { left: 'positive', right: 'negative' },
      }),
    ];
    const i = input(procs, {
      therapies: [
        {
          id: 't',
          label: 'PT',
          startDate: '2026-07-01',
          endDate: '2026-09-30',
          response: 'partial',
        },
      ],
    });
    expect(nextStep(i, payerChecks(i)).message).toMatch(
      /^Eligible for RFA on the left \(L4-L5\); not on the right \(fewer than 2 positive MBBs there\)/,
    );
  });
});

describe('item 3: comparative blocks only for the same joints and side, both with relief', () => {
  const block = (over: Partial<ComparedBlock>): ComparedBlock => ({
    procedureId: '1',
    performedAt: '2026-06-01T09:00:00Z',
    side: 'left',
    levels: ['L4-L5'],
    agent: 'lidocaine',
    verdict: 'positive',
    reliefDurationMinutes: 120,
    ...over,
  });
  const table: [string, Partial<ComparedBlock>, Partial<ComparedBlock>, string, string?][] = [
    [
      'lidocaine left then bupivacaine right',
      {},
      { side: 'right', agent: 'bupivacaine', reliefDurationMinutes: 480 },
      'not-comparable',
      'same joints on the same side',
    ],
    [
      'L3-L4 then L5-S1',
      { levels: ['L3-L4'] },
      { levels: ['L5-S1'], agent: 'bupivacaine', reliefDurationMinutes: 480 },
      'not-comparable',
    ],
    [
      'no relief after either',
      { verdict: 'negative', reliefDurationMinutes: null },
      { agent: 'bupivacaine', verdict: 'negative', reliefDurationMinutes: null },
      'not-comparable',
      'must give relief',
    ],
    [
      'grey zone counts as relief',
      { verdict: 'grey-zone' },
      { agent: 'bupivacaine', verdict: 'grey-zone', reliefDurationMinutes: 480 },
      'concordant',
    ],
    [
      'same joints in another order, longer with bupivacaine',
      { levels: ['L4-L5', 'L5-S1'] },
      { levels: ['L5-S1', 'L4-L5'], agent: 'bupivacaine', reliefDurationMinutes: 480 },
      'concordant',
    ],
    [
      'shorter with bupivacaine',
      {},
      { agent: 'bupivacaine', reliefDurationMinutes: 60 },
      'discordant',
    ],
  ];
  for (const [name, a, b, result, fragment] of table) {
    it(name, () => {
      const r = comparativeReading(
        block(a),
        block({ procedureId: '2', performedAt: '2026-06-20T09:00:00Z', ...b }),
      );
      expect(r.result).toBe(result);
      if (fragment) expect(r.reason).toContain(fragment);
    });
  }
  it('compares with the latest earlier block of the same joints and side', () => {
    const earlier = [
      block({ procedureId: 'a' }),
      block({ procedureId: 'b', performedAt: '2026-06-10T09:00:00Z', side: 'right' }),
    ];
    expect(
      earlierBlockToCompare(
        { performedAt: '2026-06-20T09:00:00Z', side: 'left', levels: ['L4-L5'] },
        earlier,
      )?.procedureId,
    ).toBe('a');
    expect(
      earlierBlockToCompare(
        { performedAt: '2026-06-20T09:00:00Z', side: 'left', levels: ['L1-L2'] },
        earlier,
      )?.procedureId,
    )
      .withContext('none matches: the latest, to say why')
      .toBe('b');
    expect(
      earlierBlockToCompare(
        { performedAt: '2026-05-20T09:00:00Z', side: 'left', levels: ['L4-L5'] },
        earlier,
      ),
    ).toBeNull();
  });
});

describe('item 4: the next step never offers what a not-met check forbids', () => {
  const care: CheckInput['therapies'] = [
    { id: 't', label: 'PT', startDate: '2026-07-01', endDate: '2026-09-30', response: 'none' },
  ];
  const step = (procs: CheckProcedure[], over: Partial<CheckInput> = {}) => {
    const i = input(procs, { therapies: care, ...over });
    return nextStep(i, payerChecks(i));
  };
  const table: [string, CheckProcedure[], Partial<CheckInput>, string][] = [
    [
      'two positive MBBs 13 days apart',
      [proc({ date: '2026-11-01' }), proc({ date: '2026-11-14' })],
      {},
      'second-block',
    ],
    [
      'an ultrasound-guided block',
      [proc({ date: '2026-11-01', guidance: 'ultrasound' }), proc({ date: '2026-11-20' })],
      {},
      'imaging',
    ],
    [
      'three levels in a block',
      [
        proc({ date: '2026-11-01', levels: ['L3-L4', 'L4-L5', 'L5-S1'] }),
        proc({ date: '2026-11-20', levels: ['L3-L4', 'L4-L5', 'L5-S1'] }),
      ],
      {},
      'levels',
    ],
    [
      'an untreated radiculopathy',
      [proc({ date: '2026-11-01' }), proc({ date: '2026-11-20' })],
      { intake: { radiculopathy: 'untreated', otherCause: 'none' } },
      'indication',
    ],
    ['all clear', [proc({ date: '2026-11-01' }), proc({ date: '2026-11-20' })], {}, 'rfa'],
  ];
  for (const [name, procs, over, id] of table) {
    it(name, () => {
      const r = step(procs, over);
      expect(r.id).toBe(id);
      if (id !== 'rfa') expect(r.message).toMatch(/^Not eligible for RFA: the .* check is not met/);
    });
  }
});
