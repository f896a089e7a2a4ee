import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import { formatMinutes, nrsAtRelief, type PainContext, type PainScoreView } from '@domain';
import { CONTEXT_LABELS, SIDE_LABELS, thresholdText } from '../procedure-labels.ts';
import type { ThresholdSettings } from '../../data/procedure-store.ts';
import {
  PAIN_CONTEXT_STYLE,
  REFERENCE_COLORS,
  referenceLine,
  round1,
} from '../../../../shared/ui/chart/chart-styles.ts';

/** Hours shown on the x axis: the anesthetic phase, or the whole diary. */
export type ChartRange = 'first-8-hours' | 'whole-diary';

/**
 * The diary chart: NRS by hours since the block, one series per context and side, with the baseline
 * and the rule set's threshold and 50% relief drawn as NRS levels (domain nrsAtRelief).
 */
export function reliefChartConfig(
  scores: readonly PainScoreView[],
  baseline: number | null,
  threshold: ThresholdSettings | null,
  range: ChartRange,
): ChartConfiguration<'scatter'> {
  const live = scores.filter((s) => !s.enteredInError);
  const keys = [...new Set(live.map((s) => `${s.context}|${s.side ?? ''}`))].sort();
  const datasets: ChartDataset<'scatter'>[] = keys.map((key) => {
    const [context, side] = key.split('|') as [PainContext, '' | 'left' | 'right'];
    const style = PAIN_CONTEXT_STYLE[context];
    const points = live
      .filter((s) => s.context === context && (s.side ?? '') === side)
      .sort((a, b) => a.minutesAfter - b.minutesAfter)
      .map((s) => ({ x: s.minutesAfter / 60, y: s.score }));
    return {
      label: `${CONTEXT_LABELS[context]}${side ? ` (${SIDE_LABELS[side].toLowerCase()})` : ''}`,
      data: points,
      showLine: true,
      borderColor: style.color,
      backgroundColor: style.color,
      pointStyle: style.pointStyle,
      pointRadius: 7,
      pointHoverRadius: 9,
      borderWidth: 2,
      borderDash: side === 'right' ? [6, 4] : [],
    };
  });

  const annotations: Record<string, AnnotationOptions> = {};
  if (baseline !== null && baseline > 0) {
    annotations['baseline'] = referenceLine(
      baseline,
      `Baseline ${baseline}`,
      REFERENCE_COLORS.baseline,
      [2, 3],
    );
    if (threshold) {
      const y = nrsAtRelief(baseline, threshold.positiveThresholdPercent);
      annotations['threshold'] = referenceLine(
        y,
        `${thresholdText(threshold)} relief (NRS ${round1(y)})`,
        REFERENCE_COLORS.threshold,
        [8, 4],
      );
    }
    if (threshold?.positiveThresholdPercent !== 50) {
      const y = nrsAtRelief(baseline, 50);
      annotations['half'] = referenceLine(
        y,
        `50% relief (NRS ${round1(y)})`,
        REFERENCE_COLORS.half,
        [4, 4],
      );
    }
  }

  return {
    type: 'scatter',
    data: { datasets },
    options: {
      scales: {
        x: {
          type: 'linear',
          // A little room left of the baseline so its point does not sit on the axis.
          min: Math.min(0, ...live.map((s) => s.minutesAfter / 60)) - 0.25,
          // The same room right of the last hour, so the 8 h point is drawn whole, not cut in half.
          max:
            (range === 'first-8-hours' ? 8 : Math.max(8, ...live.map((s) => s.minutesAfter / 60))) +
            0.25,
          title: { display: true, text: 'Hours since the block' },
          afterBuildTicks: (axis) => {
            axis.ticks = wholeHourTicks(axis.min, axis.max);
          },
        },
        y: {
          type: 'linear',
          min: 0,
          max: 10,
          ticks: { stepSize: 1 },
          title: { display: true, text: 'Pain (NRS 0-10)' },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true, padding: 16 } },
        tooltip: {
          callbacks: {
            label: (item) => {
              const minutes = Math.round(item.parsed.x! * 60);
              return `${item.dataset.label}: ${item.parsed.y} at ${minutes <= 0 ? 'baseline' : formatMinutes(minutes)}`;
            },
          },
        },
        annotation: { annotations },
      },
    },
  };
}

/** Ticks on whole hours (about a dozen at most), whatever the axis's padded ends are. */
function wholeHourTicks(min: number, max: number): { value: number }[] {
  const step = Math.max(1, Math.ceil((max - min) / 12));
  const ticks: { value: number }[] = [];
  for (let hour = Math.ceil(min); hour <= max; hour += step) ticks.push({ value: hour });
  return ticks;
}
