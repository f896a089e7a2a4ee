import { checkStageMove, nextStages, type Stage, STAGE_MOVES, STAGES } from './pathway.ts';

describe('pathway stage moves (domain.md section 1)', () => {
  const table: [Stage, Stage, string | null, boolean | string][] = [
    // from, to, reason, allowed (true) or a fragment of the refusal
    ['intake', 'conservative-care', null, true],
    ['conservative-care', 'diagnostic-blocks', null, true],
    ['diagnostic-blocks', 'treatment', null, true],
    ['treatment', 'follow-up', null, true],
    ['follow-up', 'discharged', null, true],
    ['diagnostic-blocks', 'not-facet-mediated', 'Two negative MBBs', true],
    ['diagnostic-blocks', 'not-facet-mediated', null, 'needs a reason'],
    ['diagnostic-blocks', 'not-facet-mediated', '   ', 'needs a reason'],
    ['conservative-care', 'intake', 'Entered too early', true],
    ['follow-up', 'treatment', 'Pain returned at 9 months', true],
    [
      'intake',
      'treatment',
      'skip',
      'cannot move to Treatment; it can move to Conservative care, Discharged',
    ],
    ['intake', 'diagnostic-blocks', null, 'cannot move to Diagnostic blocks'],
    ['conservative-care', 'follow-up', null, 'cannot move'],
    ['discharged', 'intake', 'came back', 'is closed and cannot move'],
    ['treatment', 'treatment', null, 'already in Treatment'],
    ['not-facet-mediated', 'treatment', 'x', 'cannot move to Treatment'],
  ];
  for (const [from, to, reason, expected] of table) {
    it(`${from} -> ${to}${reason ? ` ("${reason}")` : ''}: ${expected === true ? 'allowed' : 'refused'}`, () => {
      const result = checkStageMove(from, to, reason);
      if (expected === true) expect(result.allowed).toBeTrue();
      else {
        expect(result.allowed).toBeFalse();
        if (!result.allowed) expect(result.reason).toContain(expected as string);
      }
    });
  }

  it('has exactly one forward move out of every open stage except the last', () => {
    for (const stage of STAGES) {
      const forward = Object.values(STAGE_MOVES[stage]).filter((k) => k === 'forward').length;
      expect(forward)
        .withContext(stage)
        .toBe(stage === 'discharged' ? 0 : 1);
    }
  });

  it('lists forward moves first', () => {
    expect(nextStages('diagnostic-blocks')).toEqual([
      'treatment',
      'conservative-care',
      'not-facet-mediated',
      'discharged',
    ]);
  });
});
