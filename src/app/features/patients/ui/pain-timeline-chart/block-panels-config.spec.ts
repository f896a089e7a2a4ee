import { Chart } from 'chart.js';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import { registerChartParts } from '../../../../shared/ui/chart/chart-registry.ts';
import { painTimeline } from '../../data/patient-fixtures.ts';
import { axisValue, blockPanels, LOG_OFFSET_MINUTES, tickText } from './block-panels-config.ts';

type Tickable = {
  afterBuildTicks: (axis: { ticks: { value: number }[] }) => void;
  ticks: { callback: (value: number) => string };
  type: string;
  min: number;
  max: number;
};
const xOf = (panel: ReturnType<typeof blockPanels>[number]) =>
  panel.config.options!.scales!['x'] as unknown as Tickable;

describe('blockPanels ("Around blocks")', () => {
  it('gives each block with diary scores its own panel, oldest first, and none to a block without', () => {
    const timeline = painTimeline({
      procedures: [
        ...painTimeline().procedures,
        {
          id: '43',
          label: 'RFA #1',
          kind: 'rfa',
          intent: 'therapeutic',
          performedAt: '2026-11-20T09:00:00.000Z',
        },
      ],
    });
    const panels = blockPanels(timeline);
    expect(panels.map((p) => p.id)).toEqual(['41', '42']);
    expect(panels[0]!.caption).toBe('MBB #1: pain in the hours and days after the block');
  });

  it('zooms into the hours and days after the block on a log-like axis, the baseline at its left end', () => {
    const x = xOf(blockPanels(painTimeline())[0]!);
    expect(x.type).toBe('logarithmic');
    registerChartParts();
    expect(Chart.registry.getScale('logarithmic'))
      .withContext('registered for drawing')
      .toBeTruthy();
    expect(x.min).toBe(LOG_OFFSET_MINUTES);
    // The first two weeks are always shown (daily points to day 14, domain.md section 2).
    expect(x.max).toBeGreaterThan(axisValue(14 * 1440));
    const axis = { ticks: [] as { value: number }[] };
    x.afterBuildTicks(axis);
    expect(axis.ticks.map((t) => x.ticks.callback(t.value))).toEqual([
      'Before',
      '15 min',
      '30 min',
      '1 h',
      '2 h',
      '4 h',
      '8 h',
      '1 day',
      '2 days',
      '7 days',
      '14 days',
    ]);
  });

  it('spaces the first hour as widely as the days after, so 15-minute points do not pile up', () => {
    for (const [a, b, c, d] of [[15, 30, 7 * 1440, 14 * 1440]] as const) {
      const early = Math.log(axisValue(b)) - Math.log(axisValue(a));
      const late = Math.log(axisValue(d)) - Math.log(axisValue(c));
      expect(early / late).toBeGreaterThan(0.5);
    }
    // A score taken just before the block sits on the baseline, not off the axis.
    expect(axisValue(-20)).toBe(axisValue(0));
  });

  it('plots each point at its time after the block, drawn whole at the axis ends', () => {
    const panel = blockPanels(painTimeline())[0]!;
    const activity = panel.config.data.datasets.find((d) => d.label === 'Pain with activity')!;
    expect((activity.data as { x: number; y: number }[]).map((p) => [p.x, p.y])).toEqual([
      [axisValue(0), 8],
      [axisValue(30), 1],
    ]);
    expect(activity.clip).toBeFalse();
  });

  it('draws the block baseline and relief levels without canvas labels, and lists every value', () => {
    const panel = blockPanels(painTimeline())[0]!;
    const annotations = panel.config.options!.plugins!.annotation!.annotations as Record<
      string,
      AnnotationOptions<'line'>
    >;
    expect(annotations['baseline']!.yMin).toBe(8);
    expect(annotations['threshold']!.yMin).toBeCloseTo(1.6, 5);
    expect(Object.values(annotations).every((a) => a.label === undefined)).toBeTrue();
    expect(panel.table.rows.map((r) => [r.cells[0], r.cells[2], r.cells[3]])).toEqual([
      ['Baseline', 'Pain with activity', 'NRS 8'],
      ['30 min after', 'Pain with activity', 'NRS 1'],
      ['30 min after', 'Pain at rest', 'NRS 1'],
    ]);
    expect(panel.description).toBe(
      'MBB #1 on 14 Oct 2026: 3 pain scores up to 30 min after the block. Baseline NRS 8.',
    );
  });

  it('names ticks in words', () => {
    for (const [minutes, text] of [
      [-5, 'Before'],
      [0, 'Before'],
      [480, '8 h'],
      [20160, '14 days'],
    ] as const) {
      expect(tickText(minutes)).toBe(text);
    }
  });
});
