import type { PracticeReport } from '@domain';
import { tableCsv } from '../../../shared/ui/csv-button/csv-button.ts';
import { headlines, isEmpty, monthlyVolume } from './practice-charts.ts';

const REPORT: PracticeReport = {
  from: '2026-01-01',
  to: '2026-06-30',
  proceduresByMonth: [
    { month: '2026-03', kind: 'mbb', count: 7 },
    { month: '2026-04', kind: 'rfa', count: '< 5' },
  ],
  proceduresByPerformer: [],
  blocks: { assessed: 6, positive: '< 5', positiveRate: 0.5 },
  conversion: { patientsWithMbb: 6, patientsWithRfa: '< 5', rate: null },
  medianDays: { intakeToFirstBlock: 60, lastBlockToRfa: null },
  stages: [],
  diary: {
    procedures: 7,
    expectedPoints: 182,
    recordedPoints: 13,
    completeness: 13 / 182,
    overdueProcedures: 0,
  },
  followUps: null,
};

describe('practice dashboard figures', () => {
  it('keeps "< 5" in the table and the CSV, and does not draw the suppressed cell', () => {
    const { config, table } = monthlyVolume(REPORT);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['2026-03', '7', '0', '0'],
      ['2026-04', '0', '< 5', '0'],
    ]);
    expect(tableCsv(table)).toContain('2026-04,0,< 5,0');
    const rfa = config.data.datasets.find((d) => d.label === 'RFA')!;
    expect(rfa.data).toEqual([null, null]);
  });

  it('says why a rate is not shown', () => {
    const h = headlines(REPORT);
    expect(h.find((x) => x.label === 'Positive-block rate')!.value).toBe('50%');
    expect(h.find((x) => x.label === 'MBB to RFA conversion')!.value).toBe(
      'Not shown (under 5 patients)',
    );
    expect(h.find((x) => x.label === 'Last block to RFA')!.value).toBe('Not shown');
  });

  it('is empty when no procedure falls in the range', () => {
    expect(isEmpty({ ...REPORT, proceduresByMonth: [] })).toBeTrue();
    expect(isEmpty(REPORT)).toBeFalse();
  });
});
