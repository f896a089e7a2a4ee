import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import type { PainScoreView } from '@domain';
import { type ChartDataTable, ChartFigure } from '../../../../shared/ui/chart/chart-figure.ts';
import type { ThresholdSettings } from '../../data/procedure-store.ts';
import { scoreCells, scoreColumns } from '../score-cells.ts';
import { type ChartRange, reliefChartConfig } from './relief-chart-config.ts';

/** The pain diary as a chart with its table: every score, entered-in-error ones struck through. */
@Component({
  selector: 'app-relief-chart',
  imports: [MatButtonToggleModule, ChartFigure],
  template: `
    <div class="range">
      <span id="chart-range-label">Time shown</span>
      <mat-button-toggle-group
        aria-labelledby="chart-range-label"
        hideSingleSelectionIndicator
        [value]="range()"
        (change)="range.set($event.value)"
      >
        <mat-button-toggle value="first-8-hours">First 8 hours</mat-button-toggle>
        <mat-button-toggle value="whole-diary">Whole diary</mat-button-toggle>
      </mat-button-toggle-group>
    </div>
    <app-chart-figure
      caption="Pain diary: NRS by hours since the block"
      [description]="description()"
      [config]="config()"
      [table]="table()"
    />
  `,
  styles: `
    .range {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      margin-bottom: 12px;
      font: var(--mat-sys-title-small);
    }
    mat-button-toggle-group {
      --mat-button-toggle-height: 44px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReliefChart {
  readonly scores = input.required<readonly PainScoreView[]>();
  /** Bilateral procedures show each score's side. */
  readonly bilateral = input(false);
  /** The primary series' baseline (from the assessment), for the reference lines. */
  readonly baseline = input<number | null>(null);
  readonly threshold = input<ThresholdSettings | null>(null);
  /** The assessment's reasons, read out as the chart's description. */
  readonly reasons = input<readonly string[]>([]);

  protected readonly range = signal<ChartRange>('first-8-hours');
  protected readonly config = computed(() =>
    reliefChartConfig(this.scores(), this.baseline(), this.threshold(), this.range()),
  );
  protected readonly description = computed(() =>
    this.scores().length ? this.reasons().join(' ') : 'No pain scores recorded yet.',
  );
  protected readonly table = computed<ChartDataTable>(() => ({
    columns: scoreColumns(this.bilateral()),
    rows: [...this.scores()]
      .sort((a, b) => a.minutesAfter - b.minutesAfter)
      .map((score) => ({
        id: score.id,
        cells: scoreCells(score, this.bilateral()),
        struck: score.enteredInError !== null,
      })),
  }));
}
