/** Words and icons for procedure values on screen (presentation only; the rules live in domain/). */
import {
  type AnestheticAgent,
  thresholdLabel,
  type BlockVerdict,
  formatMinutes,
  type Intent,
  type PainContext,
  type Sedation,
  type TimePointStatus,
} from '@domain';
import { PAIN_CONTEXT_STYLE } from '../../../shared/ui/chart/chart-styles.ts';

export const INTENT_LABELS: Readonly<Record<Intent, string>> = {
  diagnostic: 'Diagnostic',
  therapeutic: 'Therapeutic',
};

export const AGENT_LABELS: Readonly<Record<AnestheticAgent, string>> = {
  lidocaine: 'Lidocaine',
  bupivacaine: 'Bupivacaine',
  ropivacaine: 'Ropivacaine',
  other: 'Other',
};

export const GUIDANCE_LABELS: Readonly<Record<'fluoroscopy' | 'ct' | 'ultrasound', string>> = {
  fluoroscopy: 'Fluoroscopy',
  ct: 'CT',
  ultrasound: 'Ultrasound (not covered by Medicare)',
};

export const SEDATION_LABELS: Readonly<Record<Sedation, string>> = {
  none: 'None',
  minimal: 'Minimal',
  moderate: 'Moderate',
  deep: 'Deep',
};

export const SIDE_LABELS: Readonly<Record<'left' | 'right' | 'bilateral', string>> = {
  left: 'Left',
  right: 'Right',
  bilateral: 'Bilateral',
};

export const CONTEXT_LABELS: Readonly<Record<PainContext, string>> = {
  rest: PAIN_CONTEXT_STYLE.rest.label,
  activity: PAIN_CONTEXT_STYLE.activity.label,
};

/** Each verdict reads by its words and icon, never by colour alone. */
export const VERDICT_DISPLAY: Readonly<
  Record<BlockVerdict, { label: string; icon: string; meaning: string }>
> = {
  positive: {
    label: 'Positive',
    icon: 'check_circle',
    meaning: 'Relief reached the rule set’s positive threshold.',
  },
  'grey-zone': {
    label: 'Grey zone',
    icon: 'contrast',
    meaning: 'Relief was meaningful but below the positive threshold: not a negative block.',
  },
  negative: {
    label: 'Negative',
    icon: 'cancel',
    meaning: 'Relief stayed below the rule set’s threshold.',
  },
  'not-assessable': {
    label: 'Not assessable',
    icon: 'help',
    meaning: 'The diary does not yet allow a reading (see the reasons).',
  },
};

export const TIME_POINT_DISPLAY: Readonly<
  Record<TimePointStatus, { label: string; icon: string }>
> = {
  done: { label: 'Done', icon: 'check_circle' },
  due: { label: 'Due now', icon: 'schedule' },
  overdue: { label: 'Overdue', icon: 'warning' },
  upcoming: { label: 'Upcoming', icon: 'hourglass_empty' },
};

/** "Baseline" for the score before the block, else "30 min", "2 h", "3 days". */
export function timePointLabel(minutesAfter: number): string {
  return minutesAfter <= 0 ? 'Baseline' : formatMinutes(minutesAfter);
}

/** A percentage to one decimal, or a dash when there is none. */
export function percentText(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${Math.round(value * 10) / 10}%`;
}

/** "≥ 80%" or "> 50%", as the rule set counts its threshold. */
export function thresholdText(threshold: {
  positiveThresholdPercent: number;
  thresholdExclusive: boolean;
}): string {
  return thresholdLabel(threshold);
}

/**
 * How long relief lasted: "Until 2 h", that it never reached the threshold, or, with no relief
 * computed at all (`peakReliefPercent` null: no scores after the block), that nothing is known yet.
 */
export function reliefDurationText(
  minutes: number | null,
  peakReliefPercent: number | null = 0,
): string {
  if (minutes !== null) return `Until ${formatMinutes(minutes)}`;
  return peakReliefPercent === null
    ? 'Not known yet: no relief scores'
    : 'Did not reach the threshold';
}
