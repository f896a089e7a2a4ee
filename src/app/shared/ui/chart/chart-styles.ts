/** Series styles and reference lines shared by every pain chart, so all charts read alike. */
import type { PointStyle } from 'chart.js';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import type { PainContext } from '@domain';

/**
 * Colour-blind-safe colours (Okabe-Ito) with a second cue for each: rest is a blue circle, activity
 * a vermillion triangle. Colour is never the only way to tell series apart.
 */
export const PAIN_CONTEXT_STYLE: Readonly<
  Record<PainContext, { label: string; color: string; pointStyle: PointStyle }>
> = {
  rest: { label: 'At rest', color: '#0072B2', pointStyle: 'circle' },
  activity: { label: 'With activity', color: '#D55E00', pointStyle: 'triangle' },
};

/** Reference-line colours, each with its own dash pattern as the second cue. */
export const REFERENCE_COLORS = {
  baseline: '#49454F',
  threshold: '#006A60',
  half: '#7A5900',
  meaningful: '#5B3E96',
} as const;

/** Each reference line's dash pattern, so a key beside the chart can draw the same line. */
export const REFERENCE_DASH = {
  baseline: [2, 3],
  threshold: [8, 4],
  half: [4, 4],
  meaningful: [1, 2],
} as const satisfies Record<keyof typeof REFERENCE_COLORS, readonly number[]>;

/**
 * A horizontal reference line with no text on the canvas, for charts whose key names the lines
 * (text inside a busy plot collides with points, other labels and the chart's edge).
 */
export function unlabelledLine(
  y: number,
  color: string,
  dash: readonly number[],
): AnnotationOptions<'line'> {
  return {
    type: 'line',
    yMin: y,
    yMax: y,
    borderColor: color,
    borderWidth: 2,
    borderDash: [...dash],
    drawTime: 'beforeDatasetsDraw',
  };
}

/** A horizontal reference line at `y` with its label at one end (the right unless said). */
export function referenceLine(
  y: number,
  label: string,
  color: string,
  dash: number[],
  labelAt: 'start' | 'end' = 'end',
): AnnotationOptions<'line'> {
  return {
    type: 'line',
    yMin: y,
    yMax: y,
    borderColor: color,
    borderWidth: 2,
    borderDash: dash,
    label: {
      display: true,
      content: label,
      position: labelAt,
      backgroundColor: 'rgba(255, 255, 255, 0.9)',
      color,
      font: { size: 12, weight: 'bold' },
    },
  };
}

/** One decimal, for NRS levels derived from a percentage. */
export const round1 = (n: number): number => Math.round(n * 10) / 10;
