import type { ChartConfiguration, ChartType } from 'chart.js';
import {
  PROCEDURE_SHORT,
  type PracticeReport,
  type ProcedureKind,
  STAGE_LABELS,
  type SuppressedCount,
} from '@domain';
import type { ChartDataTable } from '../../../shared/ui/chart/chart-figure.ts';
import { patternFill, type FillPattern } from '../../../shared/ui/chart/patterns.ts';

/** Okabe-Ito colours, each kind with its own fill pattern too. */
export const KIND_STYLE: Readonly<Record<ProcedureKind, { color: string; pattern: FillPattern }>> =
  {
    mbb: { color: '#0072B2', pattern: 'solid' },
    rfa: { color: '#D55E00', pattern: 'hatch' },
    ia: { color: '#009E73', pattern: 'dots' },
  };
const KINDS: ProcedureKind[] = ['mbb', 'rfa', 'ia'];

/** A suppressed count as text ("< 5" stays as it is). */
export const countText = (c: SuppressedCount): string => (typeof c === 'number' ? String(c) : c);
/** A share as a whole percentage, or the reason it is not shown. */
export const rateText = (r: number | null): string =>
  r === null ? 'Not shown (under 5 patients)' : `${Math.round(r * 100)}%`;
/** A number to draw: suppressed cells are not drawn (their table cell says "< 5"). */
const drawn = (c: SuppressedCount | undefined): number | null => (typeof c === 'number' ? c : null);

function stacked(
  labels: string[],
  rows: { key: string; kind: ProcedureKind; count: SuppressedCount }[],
  horizontal = false,
): ChartConfiguration<ChartType> {
  return {
    type: 'bar',
    data: {
      labels,
      datasets: KINDS.map((kind) => ({
        label: PROCEDURE_SHORT[kind],
        data: labels.map((l) => drawn(rows.find((r) => r.key === l && r.kind === kind)?.count)),
        backgroundColor: patternFill(KIND_STYLE[kind].color, KIND_STYLE[kind].pattern),
        borderColor: KIND_STYLE[kind].color,
        borderWidth: 1,
      })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } },
      plugins: { legend: { position: 'bottom' } },
    },
  };
}

function kindTable(
  first: string,
  keys: string[],
  rows: { key: string; kind: ProcedureKind; count: SuppressedCount }[],
): ChartDataTable {
  return {
    columns: [first, ...KINDS.map((k) => PROCEDURE_SHORT[k])],
    rows: keys.map((key) => ({
      id: key,
      cells: [
        key,
        ...KINDS.map((kind) =>
          countText(rows.find((r) => r.key === key && r.kind === kind)?.count ?? 0),
        ),
      ],
    })),
  };
}

export function monthlyVolume(report: PracticeReport): {
  config: ChartConfiguration<ChartType>;
  table: ChartDataTable;
} {
  const rows = report.proceduresByMonth.map((r) => ({
    key: r.month,
    kind: r.kind,
    count: r.count,
  }));
  const months = [...new Set(rows.map((r) => r.key))];
  return { config: stacked(months, rows), table: kindTable('Month', months, rows) };
}

export function performerVolume(report: PracticeReport): {
  config: ChartConfiguration<ChartType>;
  table: ChartDataTable;
} {
  const rows = report.proceduresByPerformer.map((r) => ({
    key: r.performer,
    kind: r.kind,
    count: r.count,
  }));
  const performers = [...new Set(rows.map((r) => r.key))];
  return {
    config: stacked(performers, rows, true),
    table: kindTable('Performer', performers, rows),
  };
}

export function stageTable(report: PracticeReport): ChartDataTable {
  return {
    columns: ['Stage', 'Episodes now', 'Median days in stage'],
    rows: report.stages.map((s) => ({
      id: s.stage,
      cells: [
        STAGE_LABELS[s.stage],
        countText(s.current),
        s.medianDays === null ? 'Not shown' : String(s.medianDays),
      ],
    })),
  };
}

/** Follow-up completion per performing physician: due in range, done, overdue, completion rate. */
export function followUpTable(report: PracticeReport): ChartDataTable {
  return {
    columns: ['Performer', 'Came due', 'Done', 'Overdue now', 'Completion'],
    rows: (report.followUps ?? []).map((f) => ({
      id: f.performer,
      cells: [
        f.performer,
        countText(f.due),
        countText(f.done),
        countText(f.overdue),
        rateText(f.rate),
      ],
    })),
  };
}

/** The headline figures, label and value, in reading order. */
export function headlines(
  report: PracticeReport,
): { label: string; value: string; detail: string }[] {
  const d = report.diary;
  return [
    {
      label: 'Positive-block rate',
      value: rateText(report.blocks.positiveRate),
      detail: `${countText(report.blocks.positive)} of ${countText(report.blocks.assessed)} assessed MBBs`,
    },
    {
      label: 'MBB to RFA conversion',
      value: rateText(report.conversion.rate),
      detail: `${countText(report.conversion.patientsWithRfa)} of ${countText(report.conversion.patientsWithMbb)} patients with an MBB`,
    },
    {
      label: 'Intake to first block',
      value: days(report.medianDays.intakeToFirstBlock),
      detail: 'median',
    },
    { label: 'Last block to RFA', value: days(report.medianDays.lastBlockToRfa), detail: 'median' },
    {
      label: 'Diary completeness',
      value: rateText(d.completeness),
      detail: `${d.recordedPoints} of ${d.expectedPoints} time points recorded`,
    },
    {
      label: 'Diaries with overdue points',
      value: countText(d.overdueProcedures),
      detail: 'blocks in the last 15 days',
    },
  ];
}

const days = (n: number | null): string => (n === null ? 'Not shown' : `${n} days`);

/** True when the range has nothing to chart. */
export const isEmpty = (report: PracticeReport): boolean => report.proceduresByMonth.length === 0;
