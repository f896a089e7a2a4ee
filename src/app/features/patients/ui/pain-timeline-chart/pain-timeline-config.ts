import { formatDate } from '@angular/common';
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import {
  addDays,
  formatMinutes,
  MEANINGFUL_CHANGE,
  nrsAtRelief,
  type PainContext,
  type PainTimeline,
  STAGE_LABELS,
  thresholdLabel,
} from '@domain';
import type { ChartDataTable } from '../../../../shared/ui/chart/chart-figure.ts';
import {
  PAIN_CONTEXT_STYLE,
  REFERENCE_COLORS,
  referenceLine,
  round1,
} from '../../../../shared/ui/chart/chart-styles.ts';
import { dayText } from '../care-timeline/timeline-entries.ts';

/** Zoom presets for the x axis. */
export type TimelinePreset = 'episode' | 'last-90-days' | 'around-blocks';

/** The dates shown, inclusive, YYYY-MM-DD. */
export interface DateWindow {
  from: string;
  to: string;
}

/** Light tints for the stage bands, alternating; each band is labelled too. */
const STAGE_TINTS = ['rgba(0, 114, 178, 0.07)', 'rgba(230, 159, 0, 0.10)'] as const;
const FUNCTION_STYLE = { odi: '#009E73', ndi: '#CC79A7' } as const;
const PROCEDURE_LINE = '#1D1B20';

const startOf = (date: string) => new Date(`${date}T00:00:00`).getTime();
const endOf = (date: string) => new Date(`${date}T23:59:59`).getTime();
const localDate = (iso: string) => formatDate(iso, 'yyyy-MM-dd', 'en-US');

/** The baseline the reference lines hang from: the episode's NRS with activity, else at rest. */
export function timelineBaseline(timeline: PainTimeline): number | null {
  return timeline.episode.baselineNrsActivity ?? timeline.episode.baselineNrsRest;
}

/** The dates a preset shows: the whole episode, the last 90 days, or the blocks with a margin. */
export function presetWindow(
  timeline: PainTimeline,
  preset: TimelinePreset,
  today: string,
): DateWindow {
  const last = [today, ...timeline.scores.map((s) => localDate(s.at))].sort().at(-1)!;
  if (preset === 'last-90-days') return { from: addDays(today, -90), to: today };
  const procedures = timeline.procedures.map((p) => localDate(p.performedAt)).sort();
  if (preset === 'around-blocks' && procedures.length) {
    return { from: addDays(procedures[0]!, -7), to: addDays(procedures.at(-1)!, 14) };
  }
  return { from: timeline.episode.onsetDate, to: last };
}

/** A point with what it was (procedure and time point), for the tooltip; y null breaks the line. */
type TimelinePoint = { x: number; y: number | null; note: string };

/** One series per context and side: rest blue circles, activity vermillion triangles, right side dashed. */
function painDatasets(timeline: PainTimeline): ChartDataset<'scatter', TimelinePoint[]>[] {
  const keys = [...new Set(timeline.scores.map((s) => `${s.context}|${s.side ?? ''}`))].sort();
  return keys.map((key) => {
    const [context, side] = key.split('|') as [PainContext, '' | 'left' | 'right'];
    const style = PAIN_CONTEXT_STYLE[context];
    const scores = timeline.scores
      .filter((s) => s.context === context && (s.side ?? '') === side)
      .sort((a, b) => a.at.localeCompare(b.at));
    // Each procedure's diary is its own line: a gap between procedures keeps months apart unjoined.
    const data = scores.flatMap((s, i): TimelinePoint[] => {
      const point = {
        x: new Date(s.at).getTime(),
        y: s.score,
        note: `${s.label}, ${timePoint(s.minutesAfter)}`,
      };
      const previous = scores[i - 1];
      return previous && previous.procedureId !== s.procedureId
        ? [{ x: point.x - 1, y: null, note: '' }, point]
        : [point];
    });
    return {
      label: `Pain ${style.label.toLowerCase()}${side ? ` (${side})` : ''}`,
      data,
      showLine: true,
      spanGaps: false,
      borderColor: style.color,
      backgroundColor: style.color,
      pointStyle: style.pointStyle,
      pointRadius: 6,
      pointHoverRadius: 8,
      borderWidth: 2,
      borderDash: side === 'right' ? [6, 4] : [],
      yAxisID: 'y',
    };
  });
}

/** ODI and NDI totals on the right-hand axis (0-100), as diamonds and squares. */
function functionDatasets(timeline: PainTimeline): ChartDataset<'scatter', TimelinePoint[]>[] {
  return (['odi', 'ndi'] as const)
    .map((instrument) => ({
      instrument,
      data: timeline.functionScores
        .filter((f) => f.instrument === instrument && f.total !== null)
        .map((f) => ({ x: startOf(f.takenOn) + 12 * 3_600_000, y: f.total!, note: f.band ?? '' })),
    }))
    .filter(({ data }) => data.length)
    .map(({ instrument, data }) => ({
      label: `${instrument.toUpperCase()} total`,
      data,
      showLine: true,
      borderColor: FUNCTION_STYLE[instrument],
      backgroundColor: FUNCTION_STYLE[instrument],
      pointStyle: instrument === 'odi' ? 'rectRot' : 'rect',
      pointRadius: 7,
      borderWidth: 2,
      borderDash: [2, 3],
      yAxisID: 'function',
    }));
}

/** A labelled box per stage period; labels only where the band is wide enough to hold one. */
function stageBands(
  timeline: PainTimeline,
  window: DateWindow,
  now: number,
): Record<string, AnnotationOptions> {
  const span = endOf(window.to) - startOf(window.from);
  const bands: Record<string, AnnotationOptions> = {};
  timeline.stages.forEach((period, i) => {
    const from = new Date(period.from).getTime();
    const to = period.to ? new Date(period.to).getTime() : Math.max(now, endOf(window.to));
    const visible = Math.min(to, endOf(window.to)) - Math.max(from, startOf(window.from));
    bands[`stage-${i}`] = {
      type: 'box',
      xMin: from,
      xMax: to,
      backgroundColor: STAGE_TINTS[i % 2],
      borderWidth: 0,
      drawTime: 'beforeDatasetsDraw',
      label: {
        display: visible > span * 0.12,
        content: STAGE_LABELS[period.stage],
        position: { x: 'start', y: 'end' },
        color: '#49454F',
        font: { size: 12, style: 'italic' },
      },
    };
  });
  return bands;
}

/** A vertical line at each procedure, labelled; neighbours' labels are staggered so they do not overlap. */
function procedureMarkers(timeline: PainTimeline): Record<string, AnnotationOptions> {
  const markers: Record<string, AnnotationOptions> = {};
  timeline.procedures.forEach((p, i) => {
    const x = new Date(p.performedAt).getTime();
    markers[`procedure-${p.id}`] = {
      type: 'line',
      xMin: x,
      xMax: x,
      borderColor: PROCEDURE_LINE,
      borderWidth: 2,
      borderDash: p.kind === 'rfa' ? [] : [6, 3],
      label: {
        display: true,
        content: p.label,
        position: 'end',
        yAdjust: (i % 2) * 24,
        backgroundColor: PROCEDURE_LINE,
        color: '#FFFFFF',
        font: { size: 12, weight: 'bold' },
      },
    };
  });
  return markers;
}

/**
 * Baseline, the 50% and rule-set threshold relief as NRS levels (domain nrsAtRelief), and the band of
 * meaningful change below baseline.
 */
function reliefLevels(timeline: PainTimeline): Record<string, AnnotationOptions> {
  const baseline = timelineBaseline(timeline);
  if (baseline === null || baseline <= 0) return {};
  const lines: Record<string, AnnotationOptions> = {
    baseline: referenceLine(
      baseline,
      `Baseline ${baseline}`,
      REFERENCE_COLORS.baseline,
      [2, 3],
      'start',
    ),
  };
  const threshold = timeline.ruleSet?.positiveThresholdPercent;
  if (threshold !== undefined) {
    const y = nrsAtRelief(baseline, threshold);
    lines['threshold'] = referenceLine(
      y,
      `${thresholdLabel({ positiveThresholdPercent: threshold, thresholdExclusive: !!timeline.ruleSet?.thresholdExclusive })} relief (NRS ${round1(y)})`,
      REFERENCE_COLORS.threshold,
      [8, 4],
      'start',
    );
  }
  if (threshold !== 50) {
    const y = nrsAtRelief(baseline, 50);
    lines['half'] = referenceLine(
      y,
      `50% relief (NRS ${round1(y)})`,
      REFERENCE_COLORS.half,
      [4, 4],
      'start',
    );
  }
  // Meaningful change: about 2 NRS points or 30% (domain.md section 2), a band between the two readings.
  const byPoints = baseline - MEANINGFUL_CHANGE.points;
  const byPercent = nrsAtRelief(baseline, MEANINGFUL_CHANGE.percent);
  if (Math.max(byPoints, byPercent) > 0) {
    lines['meaningful'] = {
      type: 'box',
      yMin: Math.max(0, Math.min(byPoints, byPercent)),
      yMax: Math.max(byPoints, byPercent),
      backgroundColor: 'rgba(91, 62, 150, 0.14)',
      borderColor: REFERENCE_COLORS.meaningful,
      borderWidth: 1,
      borderDash: [1, 2],
      drawTime: 'beforeDatasetsDraw',
      label: {
        display: true,
        content: `Meaningful change (${MEANINGFUL_CHANGE.points} points / ${MEANINGFUL_CHANGE.percent}%)`,
        position: { x: 'end', y: 'start' },
        yAdjust: -14,
        color: REFERENCE_COLORS.meaningful,
        font: { size: 12, weight: 'bold' },
      },
    };
  }
  // Scores are drawn over the lines' labels, which sit where the months before the blocks are.
  for (const line of Object.values(lines)) line.drawTime = 'beforeDatasetsDraw';
  return lines;
}

/**
 * The episode's pain over months: NRS at rest and with activity on a time axis, a labelled line at each
 * procedure, stage bands, baseline and relief levels, meaningful change, and ODI/NDI on a second axis.
 */
export function painTimelineConfig(
  timeline: PainTimeline,
  window: DateWindow,
  now = Date.now(),
): ChartConfiguration<'scatter'> {
  const datasets = [...painDatasets(timeline), ...functionDatasets(timeline)];
  const hasFunction = timeline.functionScores.some((f) => f.total !== null);
  return {
    type: 'scatter',
    data: { datasets: datasets as ChartDataset<'scatter'>[] },
    options: {
      scales: {
        x: {
          type: 'time',
          min: startOf(window.from),
          max: endOf(window.to),
          time: {
            tooltipFormat: 'd MMM yyyy, HH:mm',
            displayFormats: { day: 'd MMM', week: 'd MMM', month: 'MMM yyyy' },
          },
          ticks: { maxTicksLimit: 10, maxRotation: 0 },
          title: { display: true, text: 'Date' },
        },
        y: {
          type: 'linear',
          min: 0,
          max: 10,
          ticks: { stepSize: 1 },
          title: { display: true, text: 'Pain (NRS 0-10)' },
        },
        function: {
          type: 'linear',
          display: hasFunction,
          position: 'right',
          min: 0,
          max: 100,
          grid: { drawOnChartArea: false },
          title: { display: true, text: 'ODI % / NDI points (0-100)' },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true, padding: 16 } },
        tooltip: {
          callbacks: {
            label: (item) => {
              const note = (item.raw as TimelinePoint).note;
              return `${item.dataset.label}: ${item.parsed.y}${note ? ` (${note})` : ''}`;
            },
          },
        },
        annotation: {
          annotations: {
            ...stageBands(timeline, window, now),
            ...reliefLevels(timeline),
            ...procedureMarkers(timeline),
          },
        },
      },
    },
  };
}

/** "Baseline" or "30 min" after the procedure. */
function timePoint(minutesAfter: number): string {
  return minutesAfter <= 0 ? 'baseline' : `${formatMinutes(minutesAfter)} after`;
}

/** Every value behind the chart, oldest first: pain scores and function-score totals. */
export function painTimelineTable(timeline: PainTimeline): ChartDataTable {
  const rows = [
    ...timeline.scores.map((s, i) => ({
      id: `score-${i}`,
      at: new Date(s.at).getTime(),
      cells: [
        formatDate(s.at, 'd MMM y, HH:mm', 'en-US'),
        `Pain ${PAIN_CONTEXT_STYLE[s.context].label.toLowerCase()}${s.side ? ` (${s.side})` : ''}`,
        `NRS ${s.score}`,
        `${s.label}, ${timePoint(s.minutesAfter)}`,
      ],
    })),
    ...timeline.functionScores.map((f, i) => ({
      id: `function-${i}`,
      at: startOf(f.takenOn),
      cells: [
        dayText(f.takenOn),
        `${f.instrument.toUpperCase()} total`,
        f.total === null
          ? 'no total'
          : `${f.total}${f.instrument === 'odi' ? '%' : ' points'}${f.band ? `, ${f.band}` : ''}`,
        '—',
      ],
    })),
  ].sort((a, b) => a.at - b.at);
  return {
    columns: ['Date', 'Measure', 'Value', 'Procedure and time point'],
    rows: rows.map(({ id, cells }) => ({ id, cells })),
  };
}

/** What a sighted reader takes from the chart, in words: procedures, stages and the baseline. */
export function painTimelineDescription(timeline: PainTimeline): string {
  const baseline = timelineBaseline(timeline);
  const procedures = timeline.procedures.map(
    (p) => `${p.label} on ${dayText(localDate(p.performedAt))}`,
  );
  const stages = timeline.stages.map(
    (s) =>
      `${STAGE_LABELS[s.stage]} from ${dayText(localDate(s.from))}${s.to ? ` to ${dayText(localDate(s.to))}` : ''}`,
  );
  return [
    `${timeline.scores.length} pain ${timeline.scores.length === 1 ? 'score' : 'scores'}`,
    procedures.length ? `around ${procedures.join(', ')}.` : 'and no procedures yet.',
    baseline !== null ? `Episode baseline NRS ${baseline}.` : 'No episode baseline recorded.',
    stages.length ? `Stages: ${stages.join('; ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
