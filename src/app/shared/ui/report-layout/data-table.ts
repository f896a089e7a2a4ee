import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ChartDataTable } from '../chart/chart-figure.ts';

/** A report's figures as a plain table (columns as header cells), for sections without a chart. */
@Component({
  selector: 'app-data-table',
  template: `
    <table class="chart-data">
      <thead>
        <tr>
          @for (c of table().columns; track $index) {
            <th scope="col">{{ c }}</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (r of table().rows; track r.id) {
          <tr>
            @for (cell of r.cells; track $index) {
              <td>{{ cell }}</td>
            }
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .chart-data {
      border-collapse: collapse;
      width: 100%;
      margin-bottom: 8px;
      th,
      td {
        text-align: left;
        padding: 8px 12px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DataTable {
  /** The columns and rows to show. */
  readonly table = input.required<ChartDataTable>();
}
