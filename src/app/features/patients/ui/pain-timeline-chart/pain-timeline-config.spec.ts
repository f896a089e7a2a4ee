import { setDisplayTimeZone } from '../../../../shared/format/date-format.ts';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import { painTimeline } from '../../data/patient-fixtures.ts';
import {
  painTimelineConfig,
  painTimelineDescription,
  painTimelineTable,
  labelFits,
  presetWindow,
} from './pain-timeline-config.ts';
import { timelineBaseline, timelineReferenceKey } from './reference-key.ts';

const WINDOW = { from: '2026-04-01', to: '2026-11-25' };
const annotationsOf = (config: ReturnType<typeof painTimelineConfig>) =>
  config.options!.plugins!.annotation!.annotations as Record<string, AnnotationOptions>;
const labelOf = (a: AnnotationOptions | undefined) =>
  (a as { label?: { content?: unknown } } | undefined)?.label?.content;

describe('painTimelineConfig', () => {
  it('puts the scores on a time axis, rest and activity as two series with their own point styles', () => {
    const config = painTimelineConfig(painTimeline(), WINDOW);
    expect((config.options!.scales!['x'] as { type: string }).type).toBe('time');
    const pain = config.data.datasets.filter((d) => d.yAxisID === 'y');
    expect(pain.map((d) => [d.label, d.pointStyle])).toEqual([
      ['Pain with activity', 'triangle'],
      ['Pain at rest', 'circle'],
    ]);
  });

  it('breaks a series between procedures so diaries weeks apart are not joined', () => {
    const activity = painTimelineConfig(painTimeline(), WINDOW).data.datasets[0]!;
    const ys = (activity.data as { y: number | null }[]).map((p) => p.y);
    expect(ys).toEqual([8, 1, null, 8, 1]);
  });

  it('marks each procedure with a labelled vertical line at the time it was performed', () => {
    const annotations = annotationsOf(painTimelineConfig(painTimeline(), WINDOW));
    const mbb1 = annotations['procedure-41'] as AnnotationOptions<'line'>;
    expect(mbb1.xMin).toBe(Date.parse('2026-10-14T09:00:00.000Z'));
    expect(mbb1.xMax).toBe(mbb1.xMin);
    expect(labelOf(mbb1)).toBe('MBB #1');
    expect(labelOf(annotations['procedure-42'])).toBe('MBB #2');
  });

  it('draws the stages as light labelled bands, the open one up to the end of the window', () => {
    const annotations = annotationsOf(
      painTimelineConfig(painTimeline(), WINDOW, Date.parse('2026-11-20T00:00:00Z')),
    );
    const stages = Object.entries(annotations)
      .filter(([key]) => key.startsWith('stage-'))
      .map(([, a]) => a as AnnotationOptions<'box'>);
    expect(stages.map((s) => labelOf(s))).toEqual([
      'Intake',
      'Conservative care',
      'Diagnostic blocks',
    ]);
    expect(
      stages.every((s) => s.type === 'box' && /rgba\(.*0\.\d+\)/.test(String(s.backgroundColor))),
    ).toBeTrue();
    expect(stages[1]!.xMin).toBe(Date.parse('2026-04-03T08:00:00.000Z'));
    expect(stages[2]!.xMax).toBeGreaterThanOrEqual(new Date('2026-11-25T23:59:59').getTime());
    // A band shows its label only where it is wide enough on screen: the one-day intake band never,
    // conservative care at desktop width, and each label starts inside the plot (never cut off).
    const shown = (width: number) =>
      stages.map((s) =>
        (s.label as unknown as { display: (ctx: unknown) => boolean }).display({
          chart: { chartArea: { width } },
        }),
      );
    expect(shown(1000)).toEqual([false, true, true]);
    expect(stages.every((s) => Number(s.xMin) >= new Date('2026-04-01T00:00:00').getTime())).toBe(
      true,
    );
  });

  it('cuts a stage band to the dates shown, so a tablet-width plot still shows its label', () => {
    const zoomed = { from: '2026-10-07', to: '2026-11-11' };
    const bands = Object.entries(annotationsOf(painTimelineConfig(painTimeline(), zoomed)))
      .filter(([key]) => key.startsWith('stage-'))
      .map(([, a]) => a as AnnotationOptions<'box'>);
    // Intake (April) is outside the window and is not drawn; conservative care starts at the window.
    expect(bands.map((b) => labelOf(b))).toEqual(['Conservative care', 'Diagnostic blocks']);
    expect(bands[0]!.xMin).toBe(new Date('2026-10-07T00:00:00').getTime());
    const display = (b: AnnotationOptions<'box'>, width: number) =>
      (b.label as unknown as { display: (ctx: unknown) => boolean }).display({
        chart: { chartArea: { width } },
      });
    // 820 px tablet: the plot is about 560 px wide; "Diagnostic blocks" holds 28 of 36 days.
    expect(display(bands[1]!, 560)).toBeTrue();
    expect(display(bands[0]!, 560)).toBeFalse();
  });

  it('fits a label only where the band is wide enough for its text', () => {
    for (const [text, fraction, width, fits] of [
      ['Diagnostic blocks', 0.2, 1000, true],
      ['Diagnostic blocks', 0.2, 500, false],
      ['Intake', 0.001, 4000, false],
      ['Intake', 1, 58, true],
      ['Intake', 1, 57, false],
    ] as const) {
      expect(labelFits(text, fraction, width))
        .withContext(`${text} ${fraction} ${width}`)
        .toBe(fits);
    }
  });

  it('draws the baseline (activity first), the 50% and rule-set threshold as NRS, and meaningful change', () => {
    const annotations = annotationsOf(painTimelineConfig(painTimeline(), WINDOW));
    const y = (key: string) => (annotations[key] as AnnotationOptions<'line'>).yMin;
    expect(y('baseline')).toBe(8);
    expect(y('threshold')).toBeCloseTo(1.6, 5);
    expect(y('half')).toBe(4);
    const meaningful = annotations['meaningful'] as AnnotationOptions<'box'>;
    expect([meaningful.yMin, meaningful.yMax]).toEqual([5.6, 6]);
  });

  it('names the reference lines in a key, not on the canvas, so no label can cover another', () => {
    const annotations = annotationsOf(painTimelineConfig(painTimeline(), WINDOW));
    for (const key of ['baseline', 'threshold', 'half', 'meaningful']) {
      expect(labelOf(annotations[key])).withContext(key).toBeUndefined();
    }
    expect(timelineReferenceKey(painTimeline()).map((e) => [e.text, e.dash, e.band])).toEqual([
      ['Baseline 8', '2 3', false],
      ['≥ 80% relief (NRS 1.6)', '8 4', false],
      ['50% relief (NRS 4)', '4 4', false],
      ['Meaningful change (2 points / 30%)', '1 2', true],
    ]);
  });

  it('falls back to the rest baseline, and draws no relief lines without any baseline', () => {
    const rest = painTimeline({
      episode: { ...painTimeline().episode, baselineNrsActivity: null },
    });
    expect(timelineBaseline(rest)).toBe(4);
    expect(
      (annotationsOf(painTimelineConfig(rest, WINDOW))['half'] as AnnotationOptions<'line'>).yMin,
    ).toBe(2);
    const none = painTimeline({
      episode: { ...painTimeline().episode, baselineNrsActivity: null, baselineNrsRest: null },
    });
    const keys = Object.keys(annotationsOf(painTimelineConfig(none, WINDOW)));
    expect(keys.filter((k) => ['baseline', 'threshold', 'half', 'meaningful'].includes(k))).toEqual(
      [],
    );
  });

  it('puts ODI totals on a second axis from 0 to 100', () => {
    const config = painTimelineConfig(painTimeline(), WINDOW);
    const odi = config.data.datasets.find((d) => d.label === 'ODI total')!;
    expect(odi.yAxisID).toBe('function');
    expect((odi.data as { y: number }[]).map((p) => p.y)).toEqual([42, 36]);
    expect(config.options!.scales!['function']).toEqual(
      jasmine.objectContaining({ min: 0, max: 100, position: 'right' }),
    );
  });

  it('zooms the time axis to the window it is given', () => {
    const x = painTimelineConfig(painTimeline(), { from: '2026-10-07', to: '2026-11-11' }).options!
      .scales!['x'] as { min: number; max: number };
    expect(x.min).toBe(new Date('2026-10-07T00:00:00').getTime());
    expect(x.max).toBe(new Date('2026-11-11T23:59:59').getTime());
  });

  it("zooms to whole days on the practice's clock once the session sets its zone", () => {
    setDisplayTimeZone('America/Los_Angeles');
    try {
      const x = painTimelineConfig(painTimeline(), { from: '2026-10-07', to: '2026-11-11' })
        .options!.scales!['x'] as { min: number; max: number };
      expect(new Date(x.min).toISOString()).toBe('2026-10-07T07:00:00.000Z'); // UTC-7
      expect(new Date(x.max).toISOString()).toBe('2026-11-12T07:59:59.000Z'); // UTC-8 by then
    } finally {
      setDisplayTimeZone(undefined);
    }
  });
});

describe('presetWindow', () => {
  it('spans the whole episode, the last 90 days, or the blocks with a week before and two after', () => {
    const timeline = painTimeline();
    expect(presetWindow(timeline, 'episode', '2026-11-25')).toEqual({
      from: '2026-04-01',
      to: '2026-11-25',
    });
    expect(presetWindow(timeline, 'last-90-days', '2026-11-25')).toEqual({
      from: '2026-08-27',
      to: '2026-11-25',
    });
    expect(presetWindow(timeline, 'around-blocks', '2026-11-25')).toEqual({
      from: '2026-10-07',
      to: '2026-11-11',
    });
    expect(presetWindow(painTimeline({ procedures: [] }), 'around-blocks', '2026-11-25').from).toBe(
      '2026-04-01',
    );
  });
});

describe('the pain timeline in words and as a table', () => {
  it('lists every score and function total, oldest first', () => {
    const table = painTimelineTable(painTimeline());
    expect(table.columns).toEqual(['Date', 'Measure', 'Value', 'Procedure and time point']);
    expect(table.rows.map((r) => r.cells.slice(1))).toEqual([
      ['ODI total', '42%, severe disability', '—'],
      ['ODI total', '36%, severe disability', '—'],
      ['Pain with activity', 'NRS 8', 'MBB #1, baseline'],
      ['Pain with activity', 'NRS 1', 'MBB #1, 30 min after'],
      ['Pain at rest', 'NRS 1', 'MBB #1, 30 min after'],
      ['Pain with activity', 'NRS 8', 'MBB #2, baseline'],
      ['Pain with activity', 'NRS 1', 'MBB #2, 2 h after'],
    ]);
  });

  it('describes the procedures, baseline and stages', () => {
    const text = painTimelineDescription(painTimeline());
    expect(text).toContain('5 pain scores around MBB #1 on 14 Oct 2026, MBB #2 on 28 Oct 2026.');
    expect(text).toContain('Episode baseline NRS 8.');
    expect(text).toContain('Diagnostic blocks from 14 Oct 2026');
  });
});
