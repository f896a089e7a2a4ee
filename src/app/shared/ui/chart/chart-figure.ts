import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  inject,
  input,
  output,
  untracked,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { Chart, type ChartConfiguration, type ChartType } from 'chart.js';
import { registerChartParts } from './chart-registry.ts';

/** One row of a chart's data table; `struck` rows are shown struck through (say why in a cell). */
export interface ChartTableRow {
  readonly id: string;
  readonly cells: readonly string[];
  readonly struck?: boolean;
  /** A router link for the row's first cell (a bar that opens a record opens it from the table too). */
  readonly link?: readonly string[];
}

/** The values behind a chart, as a table: every chart must have one (WCAG 1.1.1, 1.4.1). */
export interface ChartDataTable {
  readonly columns: readonly string[];
  readonly rows: readonly ChartTableRow[];
}

let nextId = 0;

/**
 * The one Chart.js wrapper: draws `config` on a canvas described by `caption` and `description`,
 * with the same values as a table in a disclosure under it. Redraws when the config changes and
 * destroys the chart with the component. Chart.js sizes the canvas through the CSSOM, which the
 * strict style-src CSP allows (no inline style attributes or style elements are added).
 */
@Component({
  selector: 'app-chart-figure',
  imports: [RouterLink],
  template: `
    <figure class="chart-figure">
      <figcaption [id]="ids.caption">{{ caption() }}</figcaption>
      <div class="canvas-box">
        <canvas
          #canvas
          role="img"
          [attr.aria-labelledby]="ids.caption"
          [attr.aria-describedby]="ids.description"
        >
          {{ description() }}
        </canvas>
      </div>
      <p class="description" [id]="ids.description">{{ description() }}</p>
      <details class="data" [open]="tableOpen()">
        <summary>{{ tableSummary() }}</summary>
        <div class="table-scroll">
          <table class="chart-data">
            <caption class="visually-hidden">
              {{
                caption()
              }}: values
            </caption>
            <thead>
              <tr>
                @for (column of table().columns; track $index) {
                  <th scope="col">{{ column }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (row of table().rows; track row.id) {
                <tr [class.struck]="row.struck">
                  @for (cell of row.cells; track $index) {
                    @if ($first && row.link) {
                      <td>
                        <a [routerLink]="row.link">{{ cell }}</a>
                      </td>
                    } @else {
                      <td>{{ cell }}</td>
                    }
                  }
                </tr>
              } @empty {
                <tr>
                  <td [attr.colspan]="table().columns.length">No values yet.</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  `,
  styles: `
    .chart-figure {
      margin: 0;
    }
    figcaption {
      font: var(--mat-sys-title-medium);
      margin-bottom: 8px;
    }
    .canvas-box {
      position: relative;
      height: var(--chart-height, 320px);
    }
    .description {
      margin: 8px 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    summary {
      min-height: 44px;
      display: flex;
      align-items: center;
      cursor: pointer;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-primary);
    }
    .table-scroll {
      overflow-x: auto;
    }
    .chart-data {
      border-collapse: collapse;
      width: 100%;
      font: var(--mat-sys-body-medium);
    }
    th,
    td {
      text-align: left;
      padding: 8px 12px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    th {
      font: var(--mat-sys-title-small);
    }
    .struck td {
      text-decoration: line-through;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChartFigure {
  /** The Chart.js configuration; a new object redraws the chart. */
  readonly config = input.required<ChartConfiguration<ChartType>>();
  /** What the chart shows, in a few words (the figure caption and the canvas's name). */
  readonly caption = input.required<string>();
  /** What a sighted reader would take from the chart, in a sentence or two. */
  readonly description = input('');
  /** The chart's values as a table. */
  readonly table = input.required<ChartDataTable>();
  /** Whether the data table starts open. */
  readonly tableOpen = input(true);

  /** The index (in the labels or data) of the bar or point clicked, for charts whose marks open something. */
  readonly picked = output<number>();

  protected readonly ids = {
    caption: `chart-caption-${++nextId}`,
    description: `chart-description-${nextId}`,
  };
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart | null = null;

  protected tableSummary(): string {
    const count = this.table().rows.length;
    return `Data table (${count} ${count === 1 ? 'row' : 'rows'})`;
  }

  constructor() {
    registerChartParts();
    afterRenderEffect(() => {
      const config = this.config();
      const canvas = this.canvas().nativeElement;
      untracked(() => this.draw(canvas, config));
    });
    inject(DestroyRef).onDestroy(() => this.destroyChart());
  }

  private draw(canvas: HTMLCanvasElement, config: ChartConfiguration<ChartType>): void {
    this.destroyChart();
    const reduceMotion =
      globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    this.chart = new Chart(canvas, {
      ...config,
      options: {
        responsive: true,
        maintainAspectRatio: false,
        ...config.options,
        onClick: (event, _elements, chart) => {
          const hit = chart.getElementsAtEventForMode(
            event as unknown as Event,
            'nearest',
            { intersect: true },
            true,
          )[0];
          if (hit) this.picked.emit(hit.index);
        },
        ...(reduceMotion ? { animation: false } : {}),
      },
    });
  }

  private destroyChart(): void {
    this.chart?.destroy();
    this.chart = null;
  }
}
