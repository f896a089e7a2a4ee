/** Payer-rule checks as the API returns them, for specs (never imported by app code). */
import type { EpisodeChecks, PayerCheck } from '@domain';

/** The frequency check failing with three RFA sessions in 12 months. */
export const FREQUENCY_NOT_MET: PayerCheck = {
  id: 'frequency',
  title: 'Frequency per 12 months',
  status: 'not-met',
  message: '3 RFA sessions in the 12 months to 20 Nov 2026 (at most 2 per region).',
  evidence: [
    { kind: 'procedure', id: '31', date: '2026-10-01', text: 'RFA #1 on 1 Oct 2026' },
    { kind: 'procedure', id: '32', date: '2026-11-01', text: 'RFA #2 on 1 Nov 2026' },
    { kind: 'procedure', id: 'new', date: '2026-11-20', text: 'RFA #3 (planned) on 20 Nov 2026' },
  ],
};

/** Maya's checks: eligible for RFA after two positive MBBs, with one check not assessable. */
export function episodeChecks(overrides: Partial<EpisodeChecks> = {}): EpisodeChecks {
  return {
    ruleSet: { id: '1', name: 'Medicare LCD', version: 1 },
    checks: [
      {
        id: 'indication',
        title: 'Indication',
        status: 'met',
        message:
          'Chronic moderate-to-severe pain for at least 3 months, with a disability score at baseline.',
        evidence: [
          {
            kind: 'episode',
            date: '2026-04-01',
            text: 'Pain since 1 Apr 2026: 6 months by 14 Oct 2026',
          },
          { kind: 'function-score', id: '9', date: '2026-04-10', text: 'ODI 42 on 10 Apr 2026' },
        ],
      },
      {
        id: 'initial-rfa',
        title: 'Initial RFA',
        status: 'met',
        message: '2 diagnostic MBBs ≥ 80% (2 needed).',
        evidence: [
          {
            kind: 'procedure',
            id: '11',
            date: '2026-10-14',
            text: 'MBB #1 on 14 Oct 2026: peak relief 87.5% (positive)',
          },
          {
            kind: 'procedure',
            id: '12',
            date: '2026-10-28',
            text: 'MBB #2 on 28 Oct 2026: peak relief 87.5% (positive)',
          },
        ],
      },
      {
        id: 'repeat-rfa',
        title: 'Repeat RFA',
        status: 'not-assessable',
        message: 'no follow-up scores show how long RFA #1 helped.',
        evidence: [],
      },
      FREQUENCY_NOT_MET,
    ],
    nextStep: {
      id: 'rfa',
      message:
        'Eligible for RFA: two MBBs ≥ 80% (MBB #1 87.5% on 14 Oct 2026, MBB #2 87.5% on 28 Oct 2026).',
    },
    ...overrides,
  };
}
