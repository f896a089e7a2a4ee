import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { PracticeReportQuerySchema } from '@domain';
import { DateTextInput } from '../../../shared/forms/date-text-input.ts';
import { fieldMessage, parseForm } from '../../../shared/forms/schema-errors.ts';
import { ChartFigure } from '../../../shared/ui/chart/chart-figure.ts';
import { DatePipe } from '../../../shared/format/format-pipes.ts';
import { CsvButton } from '../../../shared/ui/csv-button/csv-button.ts';
import { DataTable } from '../../../shared/ui/report-layout/data-table.ts';
import { NoticePanel } from '../../../shared/ui/notice-panel/notice-panel.ts';
import { PracticeReportStore } from '../data/practice-report-store.ts';
import {
  followUpTable,
  headlines,
  isEmpty,
  monthlyVolume,
  performerVolume,
  stageTable,
} from '../ui/practice-charts.ts';

/** The manager's landing page: aggregate, de-identified practice figures for a date range. */
@Component({
  selector: 'app-practice-dashboard-page',
  imports: [
    DatePipe,
    DateTextInput,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ChartFigure,
    CsvButton,
    NoticePanel,
    DataTable,
  ],
  providers: [PracticeReportStore],
  templateUrl: './practice-dashboard-page.html',
  styleUrl: '../../../shared/ui/report-layout/report-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PracticeDashboardPage {
  protected readonly store = inject(PracticeReportStore);
  protected readonly form = new FormGroup({
    from: new FormControl(this.store.range().from, { nonNullable: true }),
    to: new FormControl(this.store.range().to, { nonNullable: true }),
  });
  protected readonly fieldMessage = fieldMessage;
  protected readonly view = computed(() => {
    const report = this.store.report();
    if (!report) return null;
    return {
      report,
      empty: isEmpty(report),
      headlines: headlines(report),
      monthly: monthlyVolume(report),
      performers: performerVolume(report),
      stages: stageTable(report),
      followUps: followUpTable(report),
    };
  });

  protected apply(): void {
    const raw = this.form.getRawValue();
    const parsed = parseForm(this.form, PracticeReportQuerySchema, {
      from: raw.from || undefined,
      to: raw.to || undefined,
    });
    if (parsed) void this.store.load({ from: parsed.from, to: parsed.to });
  }
}
