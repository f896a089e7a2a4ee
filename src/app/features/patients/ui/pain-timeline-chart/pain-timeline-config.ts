import { formatDate, instantAt } from '../../../../shared/format/date-format.ts';
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import { addDays, formatMinutes, type PainContext, type PainTimeline, STAGE_LABELS } from '@domain';
import type { ChartDataTable } from '../../../../shared/ui/chart/chart-figure.ts';
import {
  PAIN_CONTEXT_STYLE,
  REFERENCE_COLORS,
  REFERENCE_DASH,
  unlabelledLine,
} from '../../../../shared/ui/chart/chart-styles.ts';
import { timelineBaseline, timelineReferenceLevels } from './reference-key.ts';
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

// A day's first and last minute on the practice's clock (01:00 where the clocks skip midnight).
const startOf = (date: string) => (instantAt(date, '00:00') ?? instantAt(date, '01:00'))!.getTime();
const endOf = (date: string) => instantAt(date, '23:59')!.getTime() + 59_000;
const localDate = (iso: string) => formatDate(iso, 'yyyy-MM-dd');

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

/** Whether a label of `text` fits in a band `fraction` of a plot `plotWidth` pixels wide (12 px bold-ish text). */
export function labelFits(text: string, fraction: number, plotWidth: number): boolean {
  return fraction * plotWidth >= text.length * 7 + 16;
}

/**
 * A box per stage period, cut to the dates shown so its label starts inside the plot; the label shows
 * only where the band is wide enough on screen to hold it (so it is never cut off on a tablet).
 */
function stageBands(
  timeline: PainTimeline,
  window: DateWindow,
  now: number,
): Record<string, AnnotationOptions> {
  const first = startOf(window.from);
  const last = endOf(window.to);
  const bands: Record<string, AnnotationOptions> = {};
  timeline.stages.forEach((period, i) => {
    const from = Math.max(new Date(period.from).getTime(), first);
    const to = Math.min(period.to ? new Date(period.to).getTime() : Math.max(now, last), last);
    if (to <= from) return;
    const text = STAGE_LABELS[period.stage];
    const fraction = (to - from) / (last - first);
    bands[`stage-${i}`] = {
      type: 'box',
      xMin: from,
      xMax: to,
      backgroundColor: STAGE_TINTS[i % 2],
      borderWidth: 0,
      drawTime: 'beforeDatasetsDraw',
      label: {
        display: (ctx) => labelFits(text, fraction, ctx.chart.chartArea?.width ?? 0),
        content: text,
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
 * meaningful change below baseline. No text on the canvas: the key under the chart names each line
 * (timelineReferenceKey), so labels never collide with points, procedure labels or the chart's edge.
 */
function reliefLevels(timeline: PainTimeline): Record<string, AnnotationOptions> {
  const levels = timelineReferenceLevels(timeline);
  const lines: Record<string, AnnotationOptions> = {};
  for (const level of levels) {
    lines[level.id] =
      level.id === 'meaningful'
        ? {
            type: 'box',
            yMin: level.yMin,
            yMax: level.y,
            backgroundColor: 'rgba(91, 62, 150, 0.14)',
            borderColor: REFERENCE_COLORS.meaningful,
            borderWidth: 1,
            borderDash: [...REFERENCE_DASH.meaningful],
            drawTime: 'beforeDatasetsDraw',
          }
        : unlabelledLine(level.y, REFERENCE_COLORS[level.id], REFERENCE_DASH[level.id]);
  }
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
        formatDate(s.at, 'd MMM y, HH:mm'),
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
