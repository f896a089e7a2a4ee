import { assessBlock } from './assessment.ts';
import type { DiaryScore } from './relief.ts';
import { BUILT_IN_RULE_SETS } from './rule-sets.ts';

const LCD = BUILT_IN_RULE_SETS[0]!.settings;
const s = (minutesAfter: number, score: number, extra: Partial<DiaryScore> = {}): DiaryScore => ({
  minutesAfter,
  score,
  context: 'activity',
  ...extra,
});

describe('block assessment', () => {
  it('reads the verdict from the activity series when there is one', () => {
    const a = assessBlock(
      [s(-1, 8), s(30, 1), s(-1, 3, { context: 'rest' }), s(30, 3, { context: 'rest' })],
      LCD,
      { side: 'left', sedation: 'none', agent: 'lidocaine' },
    );
    expect(a.primary).toEqual({ context: 'activity', side: null });
    expect(a.verdict).toBe('positive');
    expect(a.series.length).toBe(2);
  });

  it('falls back to rest when activity is not assessable', () => {
    const a = assessBlock(
      [s(-1, 0), s(30, 0), s(-1, 6, { context: 'rest' }), s(30, 1, { context: 'rest' })],
      LCD,
      { side: 'right', sedation: 'none', agent: 'lidocaine' },
    );
    expect(a.primary?.context).toBe('rest');
    expect(a.verdict).toBe('positive');
  });

  it('says "not assessable" with a reason when nothing is recorded', () => {
    const a = assessBlock([], LCD, { side: 'left', sedation: 'none', agent: 'lidocaine' });
    expect(a.verdict).toBe('not-assessable');
    expect(a.reasons).toEqual([
      'No pain scores recorded yet: record the baseline before the block.',
    ]);
  });

  it('adds a confounded reason for moderate sedation but keeps the verdict', () => {
    const a = assessBlock([s(-1, 8), s(30, 1)], LCD, {
      side: 'left',
      sedation: 'moderate',
      agent: 'lidocaine',
    });
    expect(a.verdict).toBe('positive');
    expect(a.confounded).toBeTrue();
    expect(a.reasons.at(-1)).toContain('Sedation (moderate)');
  });

  it('reads left and right for a bilateral block and says when they differ', () => {
    const scores = [
      s(-1, 8, { side: 'left' }),
      s(30, 1, { side: 'left' }),
      s(-1, 8, { side: 'right' }),
      s(30, 6, { side: 'right' }),
    ];
    const a = assessBlock(scores, LCD, { side: 'bilateral', sedation: 'none', agent: 'lidocaine' });
    expect(a.series.map((x) => `${x.side}:${x.verdict}`)).toEqual([
      'left:positive',
      'right:negative',
    ]);
    expect(
      a.reasons.some((r) =>
        r.startsWith('Left and right sides differ: Left positive (87.5%), right negative (25%)'),
      ),
    ).toBeTrue();
  });

  it('compares with the previous block for a second diagnostic block', () => {
    const a = assessBlock(
      [s(-1, 8), s(30, 1), s(360, 1)],
      LCD,
      { side: 'left', sedation: 'none', agent: 'bupivacaine' },
      { procedureId: '7', agent: 'lidocaine', reliefDurationMinutes: 120 },
    );
    expect(a.comparative).toEqual(
      jasmine.objectContaining({ previousProcedureId: '7', result: 'concordant' }),
    );
  });
});
