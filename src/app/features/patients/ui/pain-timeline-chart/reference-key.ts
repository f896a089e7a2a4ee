import { MEANINGFUL_CHANGE, nrsAtRelief, type PainTimeline, thresholdLabel } from '@domain';
import {
  REFERENCE_COLORS,
  REFERENCE_DASH,
  round1,
} from '../../../../shared/ui/chart/chart-styles.ts';

/** One reference level of the pain timeline: a line at `y`, or a band from `yMin` to `y`. */
export interface ReferenceLevel {
  readonly id: keyof typeof REFERENCE_COLORS;
  readonly text: string;
  readonly y: number;
  readonly yMin?: number;
}

/** An entry of the key under a chart: the line's words, colour and dash (SVG stroke-dasharray). */
export interface ReferenceKeyEntry {
  readonly id: string;
  readonly text: string;
  readonly color: string;
  readonly dash: string;
  readonly band: boolean;
}

/** The baseline the reference lines hang from: the episode's NRS with activity, else at rest. */
export function timelineBaseline(timeline: PainTimeline): number | null {
  return timeline.episode.baselineNrsActivity ?? timeline.episode.baselineNrsRest;
}

/**
 * Baseline, the rule set's threshold and 50% relief as NRS levels (domain nrsAtRelief), and the band
 * of meaningful change below baseline; none without a baseline above 0 (relief is undefined then).
 */
export function timelineReferenceLevels(timeline: PainTimeline): ReferenceLevel[] {
  const baseline = timelineBaseline(timeline);
  if (baseline === null || baseline <= 0) return [];
  const levels: ReferenceLevel[] = [{ id: 'baseline', text: `Baseline ${baseline}`, y: baseline }];
  const threshold = timeline.ruleSet?.positiveThresholdPercent;
  if (threshold !== undefined) {
    const y = nrsAtRelief(baseline, threshold);
    const words = thresholdLabel({
      positiveThresholdPercent: threshold,
      thresholdExclusive: !!timeline.ruleSet?.thresholdExclusive,
    });
    levels.push({ id: 'threshold', text: `${words} relief (NRS ${round1(y)})`, y });
  }
  if (threshold !== 50) {
    const y = nrsAtRelief(baseline, 50);
    levels.push({ id: 'half', text: `50% relief (NRS ${round1(y)})`, y });
  }
  // Meaningful change: about 2 NRS points or 30% (domain.md section 2), a band between the two readings.
  const byPoints = baseline - MEANINGFUL_CHANGE.points;
  const byPercent = nrsAtRelief(baseline, MEANINGFUL_CHANGE.percent);
  if (Math.max(byPoints, byPercent) > 0) {
    levels.push({
      id: 'meaningful',
      text: `Meaningful change (${MEANINGFUL_CHANGE.points} points / ${MEANINGFUL_CHANGE.percent}%)`,
      y: Math.max(byPoints, byPercent),
      yMin: Math.max(0, Math.min(byPoints, byPercent)),
    });
  }
  return levels;
}

/** The key to the timeline's reference lines, in the order they are drawn. */
export function timelineReferenceKey(timeline: PainTimeline): ReferenceKeyEntry[] {
  return timelineReferenceLevels(timeline).map((level) => ({
    id: level.id,
    text: level.text,
    color: REFERENCE_COLORS[level.id],
    dash: REFERENCE_DASH[level.id].join(' '),
    band: level.id === 'meaningful',
  }));
}
