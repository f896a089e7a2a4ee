/**
 * Reading relief after a block (domain.md sections 2 and 3). Pure functions over pain scores; the
 * rule set supplies the thresholds, so nothing clinical is hard-coded here.
 */
import { baselineScore } from './diary-entry.ts';
import type { RuleSetSettings } from './rule-sets.ts';

export const PAIN_CONTEXTS = ['rest', 'activity'] as const;
export type PainContext = (typeof PAIN_CONTEXTS)[number];

/** One diary score as the assessment needs it. */
export interface DiaryScore {
  /** Minutes after the block; 0 or negative is the baseline. */
  minutesAfter: number;
  /** NRS 0-10. */
  score: number;
  context: PainContext;
  side?: 'left' | 'right' | null;
  /** The patient's own percent relief, stored beside the NRS-derived one [24]. */
  reportedReliefPercent?: number | null;
  enteredInError?: boolean;
  /** Entered long after the time it describes (domain.md section 2 "late entry"). */
  late?: boolean;
  /** Recorded as the result of a follow-up call, whatever its time (domain/relief-duration.ts). */
  followUp?: boolean;
}

/**
 * Percent relief = (baseline - post) / baseline x 100 (domain.md section 2). Baseline 0 is not
 * assessable (null): never divide by it. A post score above baseline gives negative relief.
 */
export function percentRelief(baseline: number, post: number): number | null {
  if (baseline === 0) return null;
  return ((baseline - post) / baseline) * 100;
}

/** Meaningful change in pain: about 2 NRS points or 30% (domain.md section 2 [34][35]). */
export const MEANINGFUL_CHANGE = { points: 2, percent: 30 } as const;

/** The NRS score that corresponds to a relief percentage from a baseline (chart threshold lines). */
export function nrsAtRelief(baseline: number, reliefPercent: number): number {
  return baseline * (1 - reliefPercent / 100);
}

export const VERDICTS = ['positive', 'grey-zone', 'negative', 'not-assessable'] as const;
export type BlockVerdict = (typeof VERDICTS)[number];

/** Whether a relief percentage reaches the rule set's positive threshold (">= 80" or "> 50"). */
export function meetsThreshold(
  relief: number,
  rules: Pick<RuleSetSettings, 'positiveThresholdPercent' | 'thresholdExclusive'>,
): boolean {
  // Round to 1 decimal first so 79.99999 from floating point is not read as 80 and 80.0 stays 80.
  const r = Math.round(relief * 10) / 10;
  return rules.thresholdExclusive
    ? r > rules.positiveThresholdPercent
    : r >= rules.positiveThresholdPercent;
}

/** The threshold in words, "≥ 80%" or "> 50%": the one place it is written. */
export function thresholdLabel(
  rules: Pick<RuleSetSettings, 'positiveThresholdPercent' | 'thresholdExclusive'>,
): string {
  return `${rules.thresholdExclusive ? '>' : '≥'} ${rules.positiveThresholdPercent}%`;
}

/** Verdict for a peak relief under a rule set; grey zone only where the rule set has one (LCD 50-79%). */
export function verdictFor(
  peakRelief: number | null,
  rules: Pick<
    RuleSetSettings,
    'positiveThresholdPercent' | 'thresholdExclusive' | 'greyZoneLowerPercent'
  >,
): BlockVerdict {
  if (peakRelief === null) return 'not-assessable';
  if (meetsThreshold(peakRelief, rules)) return 'positive';
  if (
    rules.greyZoneLowerPercent !== null &&
    Math.round(peakRelief * 10) / 10 >= rules.greyZoneLowerPercent
  )
    return 'grey-zone';
  return 'negative';
}

export interface ReliefPoint {
  minutesAfter: number;
  score: number;
  reliefPercent: number | null;
  reportedReliefPercent: number | null;
  late?: boolean;
}

export interface SideAssessment {
  context: PainContext;
  side: 'left' | 'right' | null;
  baseline: number | null;
  points: ReliefPoint[];
  peakReliefPercent: number | null;
  /** Minutes at which the peak was first reached. */
  peakAtMinutes: number | null;
  reportedPeakReliefPercent: number | null;
  /** Minutes from the block until relief last stayed at or above the threshold (domain.md section 2). */
  reliefDurationMinutes: number | null;
  verdict: BlockVerdict;
  /** The peak comes from an entry made long after the time it describes. */
  peakIsLateEntry: boolean;
  reasons: string[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Assesses one series (one context, one side) of a block's diary: peak relief in the anesthetic phase,
 * how long relief stayed at or above the threshold, the verdict and its reasons.
 */
export function assessSeries(
  scores: readonly DiaryScore[],
  rules: RuleSetSettings,
  context: PainContext,
  side: 'left' | 'right' | null,
): SideAssessment {
  const valid = scores.filter(
    (s) => !s.enteredInError && s.context === context && (s.side ?? null) === side,
  );
  const baseline = baselineScore(valid, context, side);
  const posts = valid
    .filter((s) => s.minutesAfter > 0)
    .sort((a, b) => a.minutesAfter - b.minutesAfter);
  const points: ReliefPoint[] = posts.map((s) => ({
    minutesAfter: s.minutesAfter,
    score: s.score,
    reliefPercent: baseline === null ? null : percentRelief(baseline, s.score),
    reportedReliefPercent: s.reportedReliefPercent ?? null,
    late: !!s.late,
  }));
  const base = { context, side, baseline, points };
  const label = `${context === 'rest' ? 'At rest' : 'With activity'}${side ? ` (${side})` : ''}`;
  if (baseline === null) {
    return {
      ...base,
      peakReliefPercent: null,
      peakAtMinutes: null,
      reportedPeakReliefPercent: null,
      reliefDurationMinutes: null,
      verdict: 'not-assessable',
      peakIsLateEntry: false,
      reasons: [`${label}: no baseline score before the block.`],
    };
  }
  if (baseline === 0) {
    return {
      ...base,
      peakReliefPercent: null,
      peakAtMinutes: null,
      reportedPeakReliefPercent: null,
      reliefDurationMinutes: null,
      verdict: 'not-assessable',
      peakIsLateEntry: false,
      reasons: [`${label}: baseline pain is 0, so relief cannot be measured.`],
    };
  }
  const inPhase = points.filter((p) => p.minutesAfter <= rules.anestheticPhaseMinutes);
  if (!inPhase.length) {
    return {
      ...base,
      peakReliefPercent: null,
      peakAtMinutes: null,
      reportedPeakReliefPercent: null,
      reliefDurationMinutes: null,
      verdict: 'not-assessable',
      peakIsLateEntry: false,
      reasons: [
        `${label}: no score in the first ${rules.anestheticPhaseMinutes / 60} h after the block.`,
      ],
    };
  }
  const peak = inPhase.reduce((best, p) => (p.reliefPercent! > best.reliefPercent! ? p : best));
  const reported = inPhase
    .map((p) => p.reportedReliefPercent)
    .filter((v): v is number => v !== null);
  // Duration: up to the last time point whose relief is still at or above the threshold, provided
  // relief reached the threshold at all. A dip and a return extend it (relief "last stays" there).
  const atThreshold = points.filter((p) => meetsThreshold(p.reliefPercent!, rules));
  const duration = atThreshold.length ? atThreshold[atThreshold.length - 1]!.minutesAfter : null;
  const verdict = verdictFor(peak.reliefPercent!, rules);
  const peakText = `${round1(peak.reliefPercent!)}%`;
  const thresholdText = thresholdLabel(rules);
  const reasons = [
    `${label}: peak relief ${peakText} at ${formatMinutes(peak.minutesAfter)} (baseline ${baseline}, lowest ${peak.score}); threshold ${thresholdText}.`,
  ];
  if (verdict === 'grey-zone')
    reasons.push(
      `${label}: ${peakText} is in the grey zone (${rules.greyZoneLowerPercent}% to below ${rules.positiveThresholdPercent}%), not negative.`,
    );
  if (peak.reliefPercent! < 0)
    reasons.push(`${label}: pain was worse than baseline after the block.`);
  if (peak.late)
    reasons.push(
      `${label}: the peak rests on a late entry (entered long after ${formatMinutes(peak.minutesAfter)}); confirm it with the patient.`,
    );
  if (duration !== null)
    reasons.push(
      `${label}: relief stayed at or above the threshold until ${formatMinutes(duration)}.`,
    );
  return {
    ...base,
    peakReliefPercent: round1(peak.reliefPercent!),
    peakAtMinutes: peak.minutesAfter,
    reportedPeakReliefPercent: reported.length ? Math.max(...reported) : null,
    reliefDurationMinutes: duration,
    verdict,
    peakIsLateEntry: !!peak.late,
    reasons,
  };
}

/** "30 min", "2 h", "1 h 30 min", "3 days". */
export function formatMinutes(minutes: number): string {
  if (minutes >= 1440 && minutes % 1440 === 0)
    return `${minutes / 1440} day${minutes === 1440 ? '' : 's'}`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}
