import { formatDate } from '../../../../shared/format/date-format.ts';
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import { formatMinutes, nrsAtRelief, type PainContext, type PainTimeline } from '@domain';
import type { ChartDataTable } from '../../../../shared/ui/chart/chart-figure.ts';
import {
  PAIN_CONTEXT_STYLE,
  REFERENCE_COLORS,
  REFERENCE_DASH,
  unlabelledLine,
} from '../../../../shared/ui/chart/chart-styles.ts';

/**
 * "Around blocks": one panel per procedure, its diary on a log-like time axis so the first hours
 * (15-minute points) and the days after (daily to day 14, then follow-ups) are both readable. The
 * axis plots minutes after the block plus a fixed offset, so the baseline (0 minutes) has a place.
 */
export const LOG_OFFSET_MINUTES = 10;

/** Ticks worth naming on the time-after-block axis, in minutes (the diary's own time points). */
const TICK_MINUTES = [
  0,
  15,
  30,
  60,
  120,
  240,
  480,
  1440,
  2880,
  7 * 1440,
  14 * 1440,
  42 * 1440,
  91 * 1440,
  182 * 1440,
  365 * 1440,
] as const;

/** Where a time point sits on the log axis. Scores taken before the block sit at the baseline. */
export const axisValue = (minutesAfter: number): number =>
  Math.max(0, minutesAfter) + LOG_OFFSET_MINUTES;

/** A tick's words: "Before" for the baseline, else "15 min", "8 h", "14 days". */
export const tickText = (minutesAfter: number): string =>
  minutesAfter <= 0 ? 'Before' : formatMinutes(minutesAfter);

/** One block's panel: caption, words, chart and the values behind it. */
export interface BlockPanel {
  readonly id: string;
  readonly caption: string;
  readonly description: string;
  readonly config: ChartConfiguration<'scatter'>;
  readonly table: ChartDataTable;
}

type Score = PainTimeline['scores'][number];
type Procedure = PainTimeline['procedures'][number];

/** The block's own baseline (activity first, then rest), else the episode's. */
function blockBaseline(timeline: PainTimeline, scores: readonly Score[]): number | null {
  const before = (context: PainContext) =>
    scores.find((s) => s.minutesAfter <= 0 && s.context === context && !s.side)?.score;
  return (
    before('activity') ??
    before('rest') ??
    timeline.episode.baselineNrsActivity ??
    timeline.episode.baselineNrsRest
  );
}

function panelConfig(
  timeline: PainTimeline,
  scores: readonly Score[],
  baseline: number | null,
): ChartConfiguration<'scatter'> {
  const keys = [...new Set(scores.map((s) => `${s.context}|${s.side ?? ''}`))].sort();
  const datasets: ChartDataset<'scatter'>[] = keys.map((key) => {
    const [context, side] = key.split('|') as [PainContext, '' | 'left' | 'right'];
    const style = PAIN_CONTEXT_STYLE[context];
    return {
      label: `Pain ${style.label.toLowerCase()}${side ? ` (${side})` : ''}`,
      data: scores
        .filter((s) => s.context === context && (s.side ?? '') === side)
        .sort((a, b) => a.minutesAfter - b.minutesAfter)
        .map((s) => ({ x: axisValue(s.minutesAfter), y: s.score })),
      showLine: true,
      borderColor: style.color,
      backgroundColor: style.color,
      pointStyle: style.pointStyle,
      pointRadius: 6,
      pointHoverRadius: 8,
      borderWidth: 2,
      borderDash: side === 'right' ? [6, 4] : [],
      // Points at the axis ends are drawn whole, not cut in half by the chart area.
      clip: false,
    };
  });
  const last = Math.max(14 * 1440, ...scores.map((s) => s.minutesAfter));
  const annotations: Record<string, AnnotationOptions> = {};
  if (baseline !== null && baseline > 0) {
    annotations['baseline'] = unlabelledLine(
      baseline,
      REFERENCE_COLORS.baseline,
      REFERENCE_DASH.baseline,
    );
    const threshold = timeline.ruleSet?.positiveThresholdPercent;
    if (threshold !== undefined) {
      annotations['threshold'] = unlabelledLine(
        nrsAtRelief(baseline, threshold),
        REFERENCE_COLORS.threshold,
        REFERENCE_DASH.threshold,
      );
    }
    if (threshold !== 50) {
      annotations['half'] = unlabelledLine(
        nrsAtRelief(baseline, 50),
        REFERENCE_COLORS.half,
        REFERENCE_DASH.half,
      );
    }
  }
  return {
    type: 'scatter',
    data: { datasets },
    options: {
      layout: { padding: { left: 8, right: 16 } },
      scales: {
        x: {
          type: 'logarithmic',
          min: axisValue(0),
          max: axisValue(last) * 1.15,
          title: { display: true, text: 'Time after the block (log scale)' },
          afterBuildTicks: (axis) => {
            axis.ticks = TICK_MINUTES.filter((m) => m <= last).map((m) => ({
              value: axisValue(m),
            }));
          },
          ticks: {
            maxRotation: 0,
            autoSkip: true,
            callback: (value) => tickText(Number(value) - LOG_OFFSET_MINUTES),
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
            label: (item) =>
              `${item.dataset.label}: ${item.parsed.y} at ${tickText(Math.round(item.parsed.x! - LOG_OFFSET_MINUTES)).toLowerCase()}`,
          },
        },
        annotation: { annotations },
      },
    },
  };
}

function panelTable(scores: readonly Score[]): ChartDataTable {
  return {
    columns: ['Time point', 'Taken at', 'Measure', 'Value'],
    rows: [...scores]
      .sort((a, b) => a.minutesAfter - b.minutesAfter || a.context.localeCompare(b.context))
      .map((s, i) => ({
        id: `${s.procedureId}-${i}`,
        cells: [
          s.minutesAfter <= 0 ? 'Baseline' : `${formatMinutes(s.minutesAfter)} after`,
          formatDate(s.at, 'd MMM y, HH:mm'),
          `Pain ${PAIN_CONTEXT_STYLE[s.context].label.toLowerCase()}${s.side ? ` (${s.side})` : ''}`,
          `NRS ${s.score}`,
        ],
      })),
  };
}

function panelDescription(procedure: Procedure, scores: readonly Score[], baseline: number | null) {
  const day = formatDate(procedure.performedAt, 'd MMM y');
  const last = scores.reduce((max, s) => Math.max(max, s.minutesAfter), 0);
  return [
    `${procedure.label} on ${day}: ${scores.length} pain ${scores.length === 1 ? 'score' : 'scores'}`,
    scores.length ? `up to ${tickText(last).toLowerCase()} after the block.` : 'recorded.',
    baseline !== null ? `Baseline NRS ${baseline}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** One panel per procedure that has diary scores, oldest first. */
export function blockPanels(timeline: PainTimeline): BlockPanel[] {
  return [...timeline.procedures]
    .sort((a, b) => a.performedAt.localeCompare(b.performedAt))
    .map((procedure) => ({
      procedure,
      scores: timeline.scores.filter((s) => s.procedureId === procedure.id),
    }))
    .filter(({ scores }) => scores.length > 0)
    .map(({ procedure, scores }) => {
      const baseline = blockBaseline(timeline, scores);
      return {
        id: procedure.id,
        caption: `${procedure.label}: pain in the hours and days after the block`,
        description: panelDescription(procedure, scores, baseline),
        config: panelConfig(timeline, scores, baseline),
        table: panelTable(scores),
      };
    });
}
