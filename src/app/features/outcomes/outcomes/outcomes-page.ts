import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import { ANESTHETIC_AGENTS, OutcomesQuerySchema, REGIONS } from '@domain';
import { DateTextInput } from '../../../shared/forms/date-text-input.ts';
import { fieldMessage, parseForm } from '../../../shared/forms/schema-errors.ts';
import { ChartFigure } from '../../../shared/ui/chart/chart-figure.ts';
import { DatePipe } from '../../../shared/format/format-pipes.ts';
import { CsvButton } from '../../../shared/ui/csv-button/csv-button.ts';
import { DataTable } from '../../../shared/ui/report-layout/data-table.ts';
import { NoticePanel } from '../../../shared/ui/notice-panel/notice-panel.ts';
import { OutcomesStore } from '../data/outcomes-store.ts';
import {
  agreement,
  durability,
  ruleSetCounts,
  runningTable,
  waterfall,
} from '../ui/outcome-charts.ts';

/** Cohort outcomes for physicians; a bar or point opens that patient's procedure. */
@Component({
  selector: 'app-outcomes-page',
  imports: [
    DatePipe,
    DateTextInput,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    ChartFigure,
    CsvButton,
    NoticePanel,
    DataTable,
  ],
  providers: [OutcomesStore],
  templateUrl: './outcomes-page.html',
  styleUrl: '../../../shared/ui/report-layout/report-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutcomesPage {
  protected readonly store = inject(OutcomesStore);
  private readonly router = inject(Router);
  protected readonly regions = REGIONS;
  protected readonly agents = ANESTHETIC_AGENTS;
  protected readonly fieldMessage = fieldMessage;
  protected readonly form = new FormGroup({
    from: new FormControl(this.store.query().from, { nonNullable: true }),
    to: new FormControl(this.store.query().to, { nonNullable: true }),
    region: new FormControl('', { nonNullable: true }),
    kind: new FormControl('mbb', { nonNullable: true }),
    level: new FormControl('', { nonNullable: true }),
    agent: new FormControl('', { nonNullable: true }),
    runners: new FormControl('', { nonNullable: true }),
  });
  protected readonly view = computed(() => {
    const r = this.store.report();
    if (!r) return null;
    return {
      r,
      waterfall: waterfall(r),
      ruleSets: ruleSetCounts(r),
      durability: durability(r),
      agreement: agreement(r),
      running: runningTable(r),
    };
  });

  protected apply(): void {
    const raw = this.form.getRawValue();
    const value = Object.fromEntries(
      Object.entries(raw).map(([k, v]) => [k, v === '' ? undefined : v]),
    );
    const parsed = parseForm(this.form, OutcomesQuerySchema, value);
    if (parsed) void this.store.load(parsed);
  }

  protected open(procedureId: string | null): void {
    if (procedureId) void this.router.navigate(['/procedures', procedureId]);
  }

  protected percent(n: number | null): string {
    return n === null ? 'Not known' : `${Math.round(n * 100)}%`;
  }
}
