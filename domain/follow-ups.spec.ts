import {
  DEFAULT_FOLLOW_UP_SETTINGS,
  followUpDueDate,
  formatFollowUpPoints,
  parseFollowUpPoints,
  followUpSchedule,
  followUpSection,
  outsideWindow,
  overdueSince,
  plannedProcedureSection,
  rfaDurability,
  statusAfterNoAnswer,
} from './follow-ups.ts';

describe('follow-ups', () => {
  describe('due dates at month ends and leap days', () => {
    const cases: Array<[string, number, 'days' | 'weeks' | 'months', string]> = [
      ['2026-01-31', 1, 'months', '2026-02-28'],
      ['2024-01-31', 1, 'months', '2024-02-29'],
      ['2024-02-29', 12, 'months', '2025-02-28'],
      ['2026-08-31', 6, 'months', '2027-02-28'],
      ['2026-12-20', 2, 'weeks', '2027-01-03'],
      ['2026-02-28', 1, 'days', '2026-03-01'],
      ['2024-02-28', 1, 'days', '2024-02-29'],
    ];
    for (const [from, count, unit, due] of cases) {
      it(`${from} + ${count} ${unit} = ${due}`, () =>
        expect(followUpDueDate(from, { count, unit })).toBe(due));
    }
  });

  describe('schedule from the rule set, in the practice time zone', () => {
    it('an RFA gets 2 and 6 weeks, 3, 6 and 12 months (domain.md section 2)', () => {
      const s = followUpSchedule(
        { kind: 'rfa', intent: 'therapeutic', performedAt: '2026-01-31T15:00:00Z' },
        DEFAULT_FOLLOW_UP_SETTINGS,
        'UTC',
      );
      expect(s.map((f) => [f.label, f.dueDate, f.kind])).toEqual([
        ['2 weeks', '2026-02-14', 'call'],
        ['6 weeks', '2026-03-14', 'call'],
        ['3 months', '2026-04-30', 'visit'],
        ['6 months', '2026-07-31', 'call'],
        ['12 months', '2027-01-31', 'visit'],
      ]);
      expect(s.every((f) => f.windowDays === 3)).toBeTrue();
    });

    it('a diagnostic block gets one call on day 1', () => {
      const s = followUpSchedule(
        { kind: 'mbb', intent: 'diagnostic', performedAt: '2026-05-10T09:00:00Z' },
        DEFAULT_FOLLOW_UP_SETTINGS,
        'UTC',
      );
      expect(s).toEqual([{ label: '1 day', dueDate: '2026-05-11', kind: 'call', windowDays: 3 }]);
    });

    it('a therapeutic IA counts as treatment', () => {
      expect(
        followUpSchedule(
          { kind: 'ia', intent: 'therapeutic', performedAt: '2026-05-10T09:00:00Z' },
          DEFAULT_FOLLOW_UP_SETTINGS,
          'UTC',
        ).length,
      ).toBe(5);
    });

    const zoneCases: Array<[string, string, string, string]> = [
      // an evening block west of UTC is on the local day, already the next day in UTC
      ['2026-07-02T01:30:00Z', 'America/Los_Angeles', '2 weeks', '2026-07-15'],
      ['2026-07-02T01:30:00Z', 'UTC', '2 weeks', '2026-07-16'],
      // across the spring DST change in Europe (29 Mar 2026), the local day holds
      ['2026-03-28T23:30:00Z', 'Europe/Madrid', '1 day', '2026-03-30'],
      ['2026-03-15T10:00:00Z', 'Europe/Madrid', '2 weeks', '2026-03-29'],
      // across the autumn change in the US (1 Nov 2026)
      ['2026-10-31T06:30:00Z', 'America/New_York', '1 day', '2026-11-01'],
      ['2026-10-25T03:30:00Z', 'America/New_York', '2 weeks', '2026-11-07'],
    ];
    for (const [at, zone, label, due] of zoneCases) {
      it(`${at} in ${zone}: ${label} falls on ${due}`, () => {
        const settings = {
          ...DEFAULT_FOLLOW_UP_SETTINGS,
          diagnosticFollowUpPoints: [
            { count: 1, unit: 'days' as const, kind: 'call' as const },
            { count: 2, unit: 'weeks' as const, kind: 'call' as const },
          ],
        };
        const s = followUpSchedule(
          { kind: 'mbb', intent: 'diagnostic', performedAt: at },
          settings,
          zone,
        );
        expect(s.find((f) => f.label === label)?.dueDate).toBe(due);
      });
    }
  });

  describe('worklist section of an open follow-up (window 3 days)', () => {
    const cases: Array<[string, string, string]> = [
      ['2026-02-14', '2026-02-06', 'later'], // 8 days ahead
      ['2026-02-14', '2026-02-07', 'upcoming'], // 7 days ahead: edge of Upcoming
      ['2026-02-14', '2026-02-13', 'upcoming'],
      ['2026-02-14', '2026-02-14', 'dueToday'],
      ['2026-02-14', '2026-02-17', 'dueToday'], // last day of the window
      ['2026-02-14', '2026-02-18', 'overdue'],
      ['2026-02-27', '2026-03-02', 'dueToday'], // window across a month end
      ['2026-02-27', '2026-03-03', 'overdue'],
      ['2026-12-30', '2027-01-03', 'overdue'],
    ];
    for (const [due, today, section] of cases) {
      it(`due ${due}, today ${today}: ${section}`, () =>
        expect(followUpSection(due, 3, today)).toBe(section));
    }
    it('a window of 0 days is overdue the day after', () => {
      expect(followUpSection('2026-02-14', 0, '2026-02-14')).toBe('dueToday');
      expect(followUpSection('2026-02-14', 0, '2026-02-15')).toBe('overdue');
      expect(overdueSince('2026-02-14', 0)).toBe('2026-02-15');
      expect(overdueSince('2026-02-27', 3)).toBe('2026-03-03');
    });
  });

  it('planned procedures: the day itself is due, a passed day overdue, the week ahead upcoming', () => {
    expect(plannedProcedureSection('2026-03-01', '2026-02-28')).toBe('upcoming');
    expect(plannedProcedureSection('2026-03-01', '2026-03-01')).toBe('dueToday');
    expect(plannedProcedureSection('2026-03-01', '2026-03-02')).toBe('overdue');
    expect(plannedProcedureSection('2026-03-10', '2026-03-01')).toBe('later');
  });

  it('flags a result outside the window, either side', () => {
    expect(outsideWindow('2026-02-14', 3, '2026-02-11')).toBeFalse();
    expect(outsideWindow('2026-02-14', 3, '2026-02-10')).toBeTrue();
    expect(outsideWindow('2026-02-14', 3, '2026-02-17')).toBeFalse();
    expect(outsideWindow('2026-02-14', 3, '2026-02-18')).toBeTrue();
  });

  it('reads and writes follow-up points as text for the rule-set form', () => {
    expect(parseFollowUpPoints('2 weeks call, 3 months visit; 1 day')).toEqual([
      { count: 2, unit: 'weeks', kind: 'call' },
      { count: 3, unit: 'months', kind: 'visit' },
      { count: 1, unit: 'days', kind: 'call' },
    ]);
    expect(parseFollowUpPoints('soon')[0]!.count).toBeNaN();
    expect(
      parseFollowUpPoints(formatFollowUpPoints(DEFAULT_FOLLOW_UP_SETTINGS.followUpPoints)),
    ).toEqual(DEFAULT_FOLLOW_UP_SETTINGS.followUpPoints);
  });

  it('"no answer" makes a follow-up missed at the attempts setting', () => {
    expect(statusAfterNoAnswer(1, 3)).toBe('due');
    expect(statusAfterNoAnswer(2, 3)).toBe('due');
    expect(statusAfterNoAnswer(3, 3)).toBe('missed');
    expect(statusAfterNoAnswer(1, 1)).toBe('missed');
  });

  describe('RFA durability at 3, 6, 12 months', () => {
    const at = (
      date: string,
      score: number,
      reported: number | null = null,
      context: 'rest' | 'activity' = 'activity',
    ) => ({ date, score, context, reportedReliefPercent: reported });
    it('held, lost and pending from NRS relief against the baseline', () => {
      const d = rfaDurability(
        '2026-01-31',
        { activity: 8 },
        [at('2026-04-30', 2), at('2026-08-02', 5)],
        '2026-09-01',
        7,
      );
      expect(d).toEqual([
        { months: 3, status: 'held', reliefPercent: 75, date: '2026-04-30' },
        { months: 6, status: 'lost', reliefPercent: 37.5, date: '2026-08-02' },
        { months: 12, status: 'pending', reliefPercent: null, date: null },
      ]);
    });
    it("exactly 50% holds; a baseline of 0 falls back to the patient's own percent; a passed milestone with no score is unknown", () => {
      expect(
        rfaDurability('2026-01-01', { activity: 6 }, [at('2026-04-01', 3)], '2026-04-02', 7)[0]!
          .status,
      ).toBe('held');
      expect(
        rfaDurability('2026-01-01', { activity: 0 }, [at('2026-04-01', 0, 40)], '2026-04-02', 7)[0],
      ).toEqual({ months: 3, status: 'lost', reliefPercent: 40, date: '2026-04-01' });
      expect(rfaDurability('2026-01-01', { activity: 6 }, [], '2026-04-09', 7)[0]!.status).toBe(
        'unknown',
      );
      expect(rfaDurability('2026-01-01', { activity: 6 }, [], '2026-04-08', 7)[0]!.status).toBe(
        'pending',
      );
    });
  });
});
