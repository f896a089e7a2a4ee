import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { unparse } from 'papaparse';
import type { ChartDataTable } from '../chart/chart-figure.ts';

/** The CSV text of a chart's data table (papaparse quotes and escapes; never hand-written CSV). */
export function tableCsv(table: ChartDataTable): string {
  return unparse({ fields: [...table.columns], data: table.rows.map((r) => [...r.cells]) });
}

/** A button that downloads a chart's data table as a CSV file, exactly the values the table shows. */
@Component({
  selector: 'app-csv-button',
  imports: [MatButtonModule, MatIconModule],
  template: `
    <button mat-stroked-button type="button" (click)="download()" [disabled]="!table().rows.length">
      <mat-icon aria-hidden="true">download</mat-icon>
      {{ label() }}
    </button>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CsvButton {
  readonly table = input.required<ChartDataTable>();
  /** File name without the extension. */
  readonly filename = input.required<string>();
  readonly label = input('Download CSV');

  protected download(): void {
    const blob = new Blob([tableCsv(this.table())], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${this.filename()}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
