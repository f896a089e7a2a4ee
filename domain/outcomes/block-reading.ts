/**
 * Reading a block from per-series summaries instead of every score (issue 13: aggregates in SQL). The
 * database returns, per procedure and series (context x side), the baseline and the lowest score in the
 * anesthetic phase; this turns them into the same peak relief and verdict that assessBlock gives the
 * episode screens (domain.md sections 2 and 3), so a dashboard never disagrees with a patient's page.
 */
import type { BlockVerdict, PainContext } from '../relief.ts';
import { percentRelief, verdictFor } from '../relief.ts';
import type { RuleSetSettings } from '../rule-sets.ts';

export interface SeriesSummary {
  context: PainContext;
  side: 'left' | 'right' | null;
  /** The latest score at or before the block (null when none). */
  baseline: number | null;
  /** The lowest score after the block within the anesthetic phase (null when none). */
  lowest: number | null;
  /** The highest patient-reported relief within the anesthetic phase. */
  reported: number | null;
}

export interface BlockReading {
  peakReliefPercent: number | null;
  reportedPeakReliefPercent: number | null;
  verdict: BlockVerdict;
}

/** RFA durability reads relief of at least this much at follow-up as still holding (issue 13). */
export const DURABILITY_RELIEF_PERCENT = 50;

const round1 = (n: number) => Math.round(n * 10) / 10;

function readSeries(
  s: SeriesSummary,
  rules: Pick<
    RuleSetSettings,
    'positiveThresholdPercent' | 'thresholdExclusive' | 'greyZoneLowerPercent'
  >,
): BlockReading {
  if (s.baseline === null || s.baseline === 0 || s.lowest === null)
    return { peakReliefPercent: null, reportedPeakReliefPercent: null, verdict: 'not-assessable' };
  const peak = percentRelief(s.baseline, s.lowest)!;
  return {
    peakReliefPercent: round1(peak),
    reportedPeakReliefPercent: s.reported,
    verdict: verdictFor(peak, rules),
  };
}

/**
 * The primary series in assessBlock's order (activity before rest; for a bilateral block the
 * both-sides series, then left, then right): the first one with a verdict, else the first one.
 */
export function readBlock(
  series: readonly SeriesSummary[],
  blockSide: 'left' | 'right' | 'bilateral',
  rules: Pick<
    RuleSetSettings,
    'positiveThresholdPercent' | 'thresholdExclusive' | 'greyZoneLowerPercent'
  >,
): BlockReading {
  const sides: ('left' | 'right' | null)[] =
    blockSide === 'bilateral' ? [null, 'left', 'right'] : [null];
  const ordered: SeriesSummary[] = [];
  for (const context of ['activity', 'rest'] as const) {
    for (const side of sides) {
      const s = series.find((x) => x.context === context && x.side === side);
      if (s) ordered.push(s);
    }
  }
  const readings = ordered.map((s) => readSeries(s, rules));
  return (
    readings.find((r) => r.verdict !== 'not-assessable') ??
    readings[0] ?? {
      peakReliefPercent: null,
      reportedPeakReliefPercent: null,
      verdict: 'not-assessable',
    }
  );
}

/** Whether relief at a follow-up still holds for durability (baseline 0 cannot hold: not measurable). */
export function reliefHolds(baseline: number, score: number): boolean {
  const relief = percentRelief(baseline, score);
  return relief !== null && round1(relief) >= DURABILITY_RELIEF_PERCENT;
}
