import type { ChartConfiguration, ChartType } from 'chart.js';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import type { BlockVerdict, OutcomesReport } from '@domain';
import { formatDateTimeText } from '../../../shared/forms/date-text.ts';
import type { ChartDataTable } from '../../../shared/ui/chart/chart-figure.ts';
import { referenceLine, REFERENCE_COLORS } from '../../../shared/ui/chart/chart-styles.ts';
import { patternFill, type FillPattern } from '../../../shared/ui/chart/patterns.ts';

/** Verdicts by colour and by pattern (solid, hatched, dotted) and named in the legend and table. */
export const VERDICT_STYLE: Readonly<
  Record<BlockVerdict, { label: string; color: string; pattern: FillPattern }>
> = {
  positive: { label: 'Positive', color: '#009E73', pattern: 'solid' },
  'grey-zone': { label: 'Grey zone', color: '#E69F00', pattern: 'hatch' },
  negative: { label: 'Negative', color: '#CC79A7', pattern: 'dots' },
  'not-assessable': { label: 'Not assessable', color: '#999999', pattern: 'dots' },
};
const pct = (n: number | null) => (n === null ? 'Not known yet' : `${Math.round(n * 100)}%`);
const DASHES = [
  [6, 4],
  [2, 3],
  [10, 4],
  [4, 2, 1, 2],
];
/** DASHES in words, for the threshold key. */
const DASH_NAMES = ['dashed line', 'dotted line', 'long dashes', 'dash and dot'];

export function waterfall(r: OutcomesReport): {
  config: ChartConfiguration<ChartType>;
  table: ChartDataTable;
  procedureAt: (index: number) => string | null;
  /** Each threshold line in words: value, line style and the rule sets using it. */
  thresholdKey: string[];
} {
  const bars = r.waterfall.bars;
  const annotations: Record<string, AnnotationOptions> = {};
  // One line per threshold value; its label is only the value, alternating right and left in value
  // order, so close thresholds (75% and 80%) never overprint; the key below the chart names the rule sets.
  const byPercent = new Map<number, string[]>();
  for (const t of r.waterfall.thresholds)
    byPercent.set(t.percent, [...(byPercent.get(t.percent) ?? []), t.ruleSet]);
  const lines = [...byPercent].sort(([a], [b]) => b - a);
  lines.forEach(([percent], i) => {
    annotations[`t${i}`] = referenceLine(
      percent,
      `${percent}%`,
      REFERENCE_COLORS.threshold,
      DASHES[i % DASHES.length]!,
      i % 2 ? 'start' : 'end',
    );
  });
  const thresholdKey = lines.map(
    ([percent, names], i) =>
      `${percent}% (${DASH_NAMES[i % DASH_NAMES.length]}): ${names.join(', ')}`,
  );
  const verdicts = (['positive', 'grey-zone', 'negative'] as const).filter((v) =>
    bars.some((b) => b.verdict === v),
  );
  return {
    config: {
      type: 'bar',
      data: {
        labels: bars.map((_, i) => String(i + 1)),
        datasets: verdicts.map((v) => ({
          label: VERDICT_STYLE[v].label,
          data: bars.map((b) => (b.verdict === v ? b.peakReliefPercent : null)),
          backgroundColor: patternFill(VERDICT_STYLE[v].color, VERDICT_STYLE[v].pattern),
          borderColor: VERDICT_STYLE[v].color,
          borderWidth: 1,
          grouped: false,
        })),
      },
      options: {
        scales: {
          x: {
            title: { display: true, text: 'Blocks, highest relief first' },
            ticks: { display: false },
            grid: { display: false },
          },
          y: {
            min: Math.min(0, ...bars.map((b) => b.peakReliefPercent)),
            max: 100,
            title: { display: true, text: 'Peak relief (%)' },
          },
        },
        plugins: { legend: { position: 'bottom' }, annotation: { annotations } },
      },
    },
    table: {
      columns: ['Block', 'Date', 'Peak relief (%)', 'Verdict', 'Procedure id', 'Patient id'],
      rows: bars.map((b, i) => ({
        id: b.procedureId,
        link: ['/procedures', b.procedureId],
        cells: [
          `Block ${i + 1}`,
          formatDateTimeText(new Date(b.performedAt)).slice(0, 10),
          String(b.peakReliefPercent),
          VERDICT_STYLE[b.verdict].label,
          b.procedureId,
          b.patientId,
        ],
      })),
    },
    procedureAt: (index) => bars[index]?.procedureId ?? null,
    thresholdKey,
  };
}

export function ruleSetCounts(r: OutcomesReport): {
  config: ChartConfiguration<ChartType>;
  table: ChartDataTable;
} {
  const keys = [
    ['positive', 'positive'],
    ['greyZone', 'grey-zone'],
    ['negative', 'negative'],
    ['notAssessable', 'not-assessable'],
  ] as const;
  return {
    config: {
      type: 'bar',
      data: {
        labels: r.byRuleSet.map((s) => s.name),
        datasets: keys.map(([key, v]) => ({
          label: VERDICT_STYLE[v].label,
          data: r.byRuleSet.map((s) => s[key]),
          backgroundColor: patternFill(VERDICT_STYLE[v].color, VERDICT_STYLE[v].pattern),
          borderColor: VERDICT_STYLE[v].color,
          borderWidth: 1,
        })),
      },
      options: {
        indexAxis: 'y',
        scales: { x: { stacked: true, beginAtZero: true }, y: { stacked: true } },
        plugins: { legend: { position: 'bottom' } },
      },
    },
    table: {
      columns: ['Rule set', 'Positive', 'Grey zone', 'Negative', 'Not assessable'],
      rows: r.byRuleSet.map((s) => ({
        id: s.ruleSetId,
        cells: [
          s.name,
          String(s.positive),
          String(s.greyZone),
          String(s.negative),
          String(s.notAssessable),
        ],
      })),
    },
  };
}

export function durability(r: OutcomesReport): {
  config: ChartConfiguration<ChartType>;
  table: ChartDataTable;
} {
  const points = [
    { x: 0, y: 100 },
    ...r.durability.curve.map((s) => ({ x: s.days, y: Math.round(s.survival * 1000) / 10 })),
  ];
  return {
    config: {
      type: 'line',
      data: {
        datasets: [
          {
            label: 'Share still with at least 50% relief',
            data: points,
            stepped: 'before',
            borderColor: '#0072B2',
            pointStyle: 'circle',
            pointRadius: 2,
          },
        ],
      },
      options: {
        parsing: false,
        scales: {
          x: { type: 'linear', min: 0, title: { display: true, text: 'Days after the RFA' } },
          y: { min: 0, max: 100, title: { display: true, text: 'Still holding relief (%)' } },
        },
        plugins: { legend: { position: 'bottom' } },
      },
    },
    table: {
      columns: ['Months after RFA', 'Still holding relief (Kaplan-Meier)'],
      rows: r.durability.at.map((a) => ({
        id: String(a.months),
        cells: [String(a.months), pct(a.share)],
      })),
    },
  };
}

export function agreement(r: OutcomesReport): {
  config: ChartConfiguration<ChartType>;
  table: ChartDataTable;
  procedureAt: (index: number) => string | null;
} {
  const pts = r.agreement.points;
  return {
    config: {
      type: 'scatter',
      data: {
        datasets: [
          {
            label: 'Blocks',
            data: pts.map((p) => ({ x: p.nrsPeak, y: p.reportedPeak })),
            backgroundColor: '#0072B2',
            pointStyle: 'circle',
          },
        ],
      },
      options: {
        scales: {
          x: { min: 0, max: 100, title: { display: true, text: 'NRS-derived peak relief (%)' } },
          y: {
            min: 0,
            max: 100,
            title: { display: true, text: 'Patient-reported peak relief (%)' },
          },
        },
        plugins: {
          legend: { display: false },
          annotation: {
            annotations: {
              same: {
                type: 'line',
                xMin: 0,
                xMax: 100,
                yMin: 0,
                yMax: 100,
                borderColor: REFERENCE_COLORS.baseline,
                borderDash: [4, 4],
                borderWidth: 1,
              },
            },
          },
        },
      },
    },
    table: {
      columns: ['Procedure', 'Patient', 'NRS-derived (%)', 'Reported (%)'],
      rows: pts.map((p) => ({
        id: p.procedureId,
        link: ['/procedures', p.procedureId],
        cells: [p.procedureId, p.patientId, String(p.nrsPeak), String(p.reportedPeak)],
      })),
    },
    procedureAt: (index) => pts[index]?.procedureId ?? null,
  };
}

export function runningTable(r: OutcomesReport): ChartDataTable {
  const x = r.running;
  return {
    columns: [
      'Runners treated',
      'Running fully',
      'Running partly',
      'Not running',
      'Not checked yet',
    ],
    rows: [{ id: 'running', cells: [x.runners, x.yes, x.partial, x.no, x.notChecked].map(String) }],
  };
}
