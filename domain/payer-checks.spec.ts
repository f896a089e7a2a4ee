import { addMonths, daysBetween } from './calendar.ts';
import { nextStep } from './next-step.ts';
import {
  type CheckInput,
  type CheckProcedure,
  payerChecks,
  sessionsInWindow,
} from './payer-checks.ts';
import { BUILT_IN_RULE_SETS } from './rule-sets.ts';

const LCD = BUILT_IN_RULE_SETS[0]!.settings;
let n = 0;
function proc(over: Partial<CheckProcedure> & { date: string }): CheckProcedure {
  n += 1;
  return {
    id: String(n),
    label: over.kind === 'rfa' ? `RFA #${n}` : `MBB #${n}`,
    kind: 'mbb',
    intent: 'diagnostic',
    levels: ['L4-L5'],
    guidance: 'fluoroscopy',
    sedation: 'none',
    sedationReason: null,
    intervalExceptionReason: null,
    rfaNotPossibleReason: null,
    verdict: 'positive',
    peakReliefPercent: 87.5,
    daysAtHalfRelief: null,
    ...over,
  };
}
function input(procedures: CheckProcedure[], over: Partial<CheckInput> = {}): CheckInput {
  return {
    asOf: '2026-12-31',
    region: 'lumbar',
    onsetDate: '2026-01-15',
    baselineNrs: 7,
    therapies: [
      {
        id: 't1',
        label: 'Physical therapy',
        startDate: '2026-02-01',
        endDate: '2026-04-30',
        response: 'partial',
      },
    ],
    intake: { radiculopathy: 'none', otherCause: 'none' },
    functionScores: [{ id: 'f1', instrument: 'odi', takenOn: '2026-02-01', total: 42 }],
    procedures,
    regionProcedures: procedures,
    rules: LCD,
    ...over,
  };
}
const status = (i: CheckInput, id: string) => payerChecks(i).find((c) => c.id === id)!;

describe('payer-rule checks (domain.md section 4)', () => {
  describe('indication', () => {
    const table: [string, Partial<CheckInput>, CheckProcedure[], string][] = [
      [
        '3 months to the day is met',
        { onsetDate: '2026-02-01' },
        [proc({ date: '2026-05-01' })],
        'met',
      ],
      [
        'a day short of 3 months is not met',
        { onsetDate: '2026-02-02' },
        [proc({ date: '2026-05-01' })],
        'not-met',
      ],
      [
        'no procedure yet: counted to the as-of date',
        { onsetDate: '2026-11-01', asOf: '2026-12-31' },
        [],
        'not-met',
      ],
      ['baseline 3 is below moderate', { baselineNrs: 3 }, [], 'not-met'],
      ['no baseline score is not assessable', { baselineNrs: null }, [], 'not-assessable'],
      [
        'a disability score after the first block is not a baseline',
        { functionScores: [{ id: 'f', instrument: 'odi', takenOn: '2026-06-02', total: 40 }] },
        [proc({ date: '2026-06-01' })],
        'not-assessable',
      ],
    ];
    for (const [name, over, procs, expected] of table)
      it(`${name}`, () => expect(status(input(procs, over), 'indication').status).toBe(expected));
  });

  describe('conservative care (rule set minimum: 42 days for the LCD)', () => {
    const table: [string, CheckInput['therapies'], string][] = [
      ['nothing recorded is not assessable', [], 'not-assessable'],
      [
        '41 days is not met',
        [
          {
            id: 'a',
            label: 'PT',
            startDate: '2026-03-01',
            endDate: '2026-04-10',
            response: 'none',
          },
        ],
        'not-met',
      ],
      [
        '42 days is met',
        [
          {
            id: 'a',
            label: 'PT',
            startDate: '2026-03-01',
            endDate: '2026-04-11',
            response: 'none',
          },
        ],
        'met',
      ],
      [
        'only days before the first procedure count',
        [{ id: 'a', label: 'PT', startDate: '2026-04-01', response: 'none' }],
        'not-met',
      ],
    ];
    for (const [name, therapies, expected] of table) {
      it(name, () =>
        expect(
          status(input([proc({ date: '2026-05-01' })], { therapies }), 'conservative-care').status,
        ).toBe(expected),
      );
    }
  });

  describe('second diagnostic block', () => {
    const table: [string, CheckProcedure[], string, string?][] = [
      ['one block: not yet applicable', [proc({ date: '2026-06-01' })], 'not-applicable'], // issue 14: was a green 'met'
      [
        'day 13 is not met',
        [proc({ date: '2026-06-01' }), proc({ date: '2026-06-14' })],
        'not-met',
        '13 days',
      ],
      ['day 14 is met', [proc({ date: '2026-06-01' }), proc({ date: '2026-06-15' })], 'met'],
      [
        'day 13 with an exception recorded is met',
        [
          proc({ date: '2026-06-01' }),
          proc({ date: '2026-06-14', intervalExceptionReason: 'Travel' }),
        ],
        'met',
      ],
      [
        'first block in the grey zone is not met',
        [
          proc({ date: '2026-06-01', verdict: 'grey-zone', peakReliefPercent: 75 }),
          proc({ date: '2026-06-20' }),
        ],
        'not-met',
        '75%',
      ],
      [
        'first block unread is not assessable',
        [
          proc({ date: '2026-06-01', verdict: 'not-assessable', peakReliefPercent: null }),
          proc({ date: '2026-06-20' }),
        ],
        'not-assessable',
      ],
      [
        '14 days across a year boundary',
        [proc({ date: '2026-12-25' }), proc({ date: '2027-01-08' })],
        'met',
      ],
    ];
    for (const [name, procs, expected, fragment] of table) {
      it(name, () => {
        const c = status(input(procs, { asOf: '2027-02-01' }), 'second-block');
        expect(c.status).toBe(expected);
        if (fragment) expect(c.message).toContain(fragment);
      });
    }

    it('names the minimum interval only when the rule set has one', () => {
      const procs = [proc({ date: '2026-06-01' }), proc({ date: '2026-06-15' })];
      expect(status(input(procs, { asOf: '2027-02-01' }), 'second-block').message).toContain(
        'at least 14 days after the previous one',
      );
      const noInterval = { ...LCD, minDaysBetweenBlocks: 0 };
      const c = status(input(procs, { asOf: '2027-02-01', rules: noInterval }), 'second-block');
      expect(c.status).toBe('met');
      expect(c.message).toBe(
        'Each later diagnostic block followed a positive first block of its joint.',
      );
    });
  });

  describe('initial RFA', () => {
    it('two positive MBBs are met, with both blocks as evidence', () => {
      const c = status(
        input([proc({ date: '2026-06-01' }), proc({ date: '2026-06-15', peakReliefPercent: 90 })]),
        'initial-rfa',
      );
      expect(c.status).toBe('met');
      expect(c.evidence.length).toBe(2);
    });
    it('one positive and one negative is not met', () => {
      expect(
        status(
          input([
            proc({ date: '2026-06-01' }),
            proc({ date: '2026-06-15', verdict: 'negative', peakReliefPercent: 20 }),
          ]),
          'initial-rfa',
        ).status,
      ).toBe('not-met');
    });
    it('an unread block is not assessable', () => {
      expect(
        status(
          input([
            proc({ date: '2026-06-01' }),
            proc({ date: '2026-06-15', verdict: 'not-assessable', peakReliefPercent: null }),
          ]),
          'initial-rfa',
        ).status,
      ).toBe('not-assessable');
    });
    it('one block is enough under the lumbar consensus', () => {
      expect(
        status(
          input([proc({ date: '2026-06-01' })], { rules: BUILT_IN_RULE_SETS[1]!.settings }),
          'initial-rfa',
        ).status,
      ).toBe('met');
    });
  });

  describe('repeat RFA', () => {
    const sixMonths = daysBetween('2025-01-10', addMonths('2025-01-10', 6));
    const table: [string, number | null, string, string, string][] = [
      ['6 months of ≥ 50% relief is met', sixMonths, '2025-01-10', '2025-09-01', 'met'],
      ['a day short is not met', sixMonths - 1, '2025-01-10', '2025-09-01', 'not-met'],
      ['no follow-up scores is not assessable', null, '2025-01-10', '2025-09-01', 'not-assessable'],
      ['2 years apart without new blocks is flagged', 400, '2023-01-10', '2025-01-10', 'not-met'],
    ];
    for (const [name, days, first, second, expected] of table) {
      it(name, () => {
        const procs = [
          proc({ date: first, kind: 'rfa', intent: 'therapeutic', daysAtHalfRelief: days }),
          proc({ date: second, kind: 'rfa', intent: 'therapeutic' }),
        ];
        expect(status(input(procs), 'repeat-rfa').status).toBe(expected);
      });
    }
  });

  describe('therapeutic IA', () => {
    it('a repeat needs 3 months of ≥ 50% relief and a reason RFA is not possible', () => {
      const blocks = [proc({ date: '2026-01-05' }), proc({ date: '2026-01-20' })];
      const ia = (date: string, extra: Partial<CheckProcedure> = {}) =>
        proc({ date, kind: 'ia', intent: 'therapeutic', ...extra });
      expect(
        status(
          input([
            ...blocks,
            ia('2026-02-01', { daysAtHalfRelief: 95 }),
            ia('2026-06-01', { rfaNotPossibleReason: 'Pacemaker' }),
          ]),
          'therapeutic-ia',
        ).status,
      ).toBe('met');
      expect(
        status(
          input([...blocks, ia('2026-02-01', { daysAtHalfRelief: 95 }), ia('2026-06-01')]),
          'therapeutic-ia',
        ).message,
      ).toContain('no recorded reason why RFA is not possible');
      expect(
        status(
          input([
            ...blocks,
            ia('2026-02-01', { daysAtHalfRelief: 80 }),
            ia('2026-06-01', { rfaNotPossibleReason: 'x' }),
          ]),
          'therapeutic-ia',
        ).status,
      ).toBe('not-met');
      expect(status(input([ia('2026-02-01')]), 'therapeutic-ia').status)
        .withContext('no blocks first')
        .toBe('not-met');
    });
  });

  describe('frequency per region per rolling 12 months', () => {
    it('a window is (date - 12 months, date]: a session 12 months earlier to the day has left it', () => {
      expect(
        sessionsInWindow(
          [proc({ date: '2025-03-01' }), proc({ date: '2026-03-01' })],
          'diagnostic',
          '2026-03-01',
        ).length,
      ).toBe(1);
      expect(
        sessionsInWindow(
          [proc({ date: '2025-03-02' }), proc({ date: '2026-03-01' })],
          'diagnostic',
          '2026-03-01',
        ).length,
      ).toBe(2);
    });
    it('sessions on one day count once (bilateral, two levels)', () => {
      expect(
        sessionsInWindow(
          [proc({ date: '2026-03-01' }), proc({ date: '2026-03-01' })],
          'diagnostic',
          '2026-03-01',
        ).length,
      ).toBe(1);
    });
    it('a third RFA inside 12 months across a year boundary is flagged with evidence', () => {
      const rfa = (date: string) =>
        proc({ date, kind: 'rfa', intent: 'therapeutic', daysAtHalfRelief: 200 });
      const c = status(
        input([rfa('2025-11-15'), rfa('2026-03-01'), rfa('2026-10-01')]),
        'frequency',
      );
      expect(c.status).toBe('not-met');
      expect(c.message).toContain('3 RFA sessions in the 12 months to 1 Oct 2026');
      expect(c.evidence.length).toBe(3);
      expect(
        status(input([rfa('2025-10-01'), rfa('2026-03-01'), rfa('2026-10-01')]), 'frequency')
          .status,
      )
        .withContext('exactly 12 months apart')
        .toBe('met');
    });
    it('five diagnostic sessions in a year are flagged; four are not', () => {
      const dates = ['2026-01-10', '2026-03-10', '2026-05-10', '2026-07-10', '2026-09-10'];
      expect(
        status(input(dates.slice(0, 4).map((date) => proc({ date }))), 'frequency').status,
      ).toBe('met');
      expect(status(input(dates.map((date) => proc({ date }))), 'frequency').status).toBe(
        'not-met',
      );
    });
  });

  describe('levels, imaging and sedation per session', () => {
    it('flags a third level, ultrasound, and unjustified moderate sedation', () => {
      const procs = [
        proc({
          date: '2026-06-01',
          levels: ['L3-L4', 'L4-L5', 'L5-S1'],
          guidance: 'ultrasound',
          sedation: 'moderate',
        }),
      ];
      const checks = payerChecks(input(procs));
      expect(checks.find((c) => c.id === 'levels')!.status).toBe('not-met');
      expect(checks.find((c) => c.id === 'imaging')!.message).toContain('ultrasound');
      expect(checks.find((c) => c.id === 'sedation')!.status).toBe('not-met');
      procs[0] = {
        ...procs[0]!,
        levels: ['L4-L5', 'L5-S1'],
        guidance: 'ct',
        sedationReason: 'Severe anxiety',
      };
      expect(
        payerChecks(input(procs))
          .filter((c) => ['levels', 'imaging', 'sedation'].includes(c.id))
          .map((c) => c.status),
      ).toEqual(['met', 'met', 'met']);
    });
  });
});

describe('next step', () => {
  // Conservative care inside the LCD's 6-month window, with a documented failure.
  const care: CheckInput['therapies'] = [
    {
      id: 't2',
      label: 'Physical therapy',
      startDate: '2026-08-01',
      endDate: '2026-10-15',
      response: 'none',
    },
  ];
  const step = (procs: CheckProcedure[], over: Partial<CheckInput> = {}) => {
    const i = input(procs, { therapies: care, ...over });
    return nextStep(i, payerChecks(i)).message;
  };
  it('before any block, with enough conservative care', () =>
    expect(step([])).toBe('Eligible for a first diagnostic MBB.'));
  it('before any block, without enough conservative care', () => {
    expect(
      step([], {
        therapies: [{ id: 'a', label: 'PT', startDate: '2026-12-01', response: 'partial' }],
      }),
    ).toContain(
      'Not eligible for diagnostic blocks: the conservative care check is not met (31 days of failed conservative care',
    );
  });
  it('after one positive MBB: a second from 14 days later', () => {
    expect(step([proc({ date: '2026-12-20' })], { asOf: '2026-12-21' })).toBe(
      'Eligible for a second diagnostic MBB from 3 Jan 2027.',
    );
  });
  it('after one grey-zone MBB: not eligible, with the figure', () => {
    expect(step([proc({ date: '2026-12-01', verdict: 'grey-zone', peakReliefPercent: 75 })])).toBe(
      'Not eligible for a second block: MBB #' +
        n +
        ' gave 75% relief (grey-zone); the rule set needs ≥ 80%.',
    );
  });
  it('after two positive MBBs: eligible for RFA with both named', () => {
    const msg = step([
      proc({ date: '2026-11-01' }),
      proc({ date: '2026-11-15', peakReliefPercent: 90 }),
    ]);
    expect(msg).toMatch(
      /^Eligible for RFA on the left \(L4-L5\) and the right \(L4-L5\): two MBBs ≥ 80% of each joint on that side \(MBB #\d+ 87.5% on 1 Nov 2026, MBB #\d+ 90% on 15 Nov 2026\)\.$/,
    );
  });
  it('an unread block asks for its diary', () => {
    expect(
      step([proc({ date: '2026-12-01', verdict: 'not-assessable', peakReliefPercent: null })]),
    ).toContain('Complete the pain diary');
  });

  describe('nothing to judge yet is "not applicable", never a green "met" (issue 14)', () => {
    for (const id of [
      'initial-rfa',
      'repeat-rfa',
      'second-block',
      'levels',
      'imaging',
      'sedation',
    ]) {
      it(`${id} for a patient at intake`, () => {
        const c = status(input([]), id);
        expect(c.status).toBe('not-applicable');
        expect(c.message).toMatch(/^Not yet applicable/);
      });
    }
  });
});
