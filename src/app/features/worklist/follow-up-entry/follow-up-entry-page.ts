import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { DatePipe } from '../../../shared/format/format-pipes.ts';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatDialog } from '@angular/material/dialog';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  type Complication,
  COMPLICATIONS,
  type FollowUpResult,
  FollowUpResultSchema,
  type FunctionInstrument,
  type RedFlag,
  RED_FLAG_LABELS,
  RED_FLAGS,
  type RunningStatus,
} from '@domain';
import { dayFirstDates } from '../../../shared/forms/date-text.ts';
import { problemMessage } from '../../../core/problem.ts';
import { askReason } from '../../../core/reason-dialog/reason-dialog.ts';
import { askReschedule } from '../../../core/reschedule-dialog/reschedule-dialog.ts';
import { returnToWorklist } from '../data/return-to-worklist.ts';
import { NoticePanel } from '../../../shared/ui/notice-panel/notice-panel.ts';
import { PainScoreInput } from '../../../shared/ui/pain-score-input/pain-score-input.ts';
import { EntryStore } from '../data/entry-store.ts';

const numberOrNull = (v: unknown): number | null =>
  v === null || v === '' || v === undefined ? null : Number(v);

/** Recording a follow-up call or visit (issue 12); after saving, back to the worklist on the next row. */
@Component({
  selector: 'app-follow-up-entry-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    NoticePanel,
    PainScoreInput,
    RouterLink,
  ],
  templateUrl: './follow-up-entry-page.html',
  styleUrl: './follow-up-entry-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowUpEntryPage implements OnInit {
  /** Route parameter :id. */
  readonly id = input.required<string>();
  protected readonly store = inject(EntryStore);
  private readonly snackBar = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);
  private readonly backToWorklist = returnToWorklist();
  /** History lines from the server carry ISO dates: shown day first. */
  protected readonly dayFirst = dayFirstDates;

  protected readonly complications = (Object.keys(COMPLICATIONS) as Complication[]).map((key) => ({
    key,
    label: COMPLICATIONS[key],
  }));
  protected readonly redFlags = RED_FLAGS.map((key) => ({ key, label: RED_FLAG_LABELS[key] }));
  protected readonly error = signal<string | null>(null);
  protected readonly fieldErrors = signal<Record<string, string>>({});
  protected readonly saving = signal(false);

  protected readonly form = new FormGroup({
    painRest: new FormControl<number | null>(null),
    painActivity: new FormControl<number | null>(null),
    reportedReliefPercent: new FormControl<number | null>(null),
    instrument: new FormControl<FunctionInstrument | null>(null),
    functionTotal: new FormControl<number | null>(null),
    running: new FormControl<RunningStatus | null>(null),
    weeklyDistanceKm: new FormControl<number | null>(null),
    complications: new FormControl<Complication[]>([], { nonNullable: true }),
    redFlags: new FormControl<RedFlag[]>([], { nonNullable: true }),
    note: new FormControl('', { nonNullable: true }),
  });

  ngOnInit(): Promise<void> {
    return this.store.loadFollowUp(this.id());
  }

  protected toggle(control: 'complications' | 'redFlags', key: string, on: boolean): void {
    const c = this.form.controls[control] as FormControl<string[]>;
    c.setValue(on ? [...c.value, key] : c.value.filter((k) => k !== key));
  }

  protected save(): Promise<void> {
    const v = this.form.getRawValue();
    const total = numberOrNull(v.functionTotal);
    return this.submit({
      painRest: v.painRest,
      painActivity: v.painActivity,
      reportedReliefPercent: numberOrNull(v.reportedReliefPercent),
      functionScore: v.instrument && total !== null ? { instrument: v.instrument, total } : null,
      running: v.running
        ? { status: v.running, weeklyDistanceKm: numberOrNull(v.weeklyDistanceKm) }
        : null,
      complications: v.complications,
      redFlags: v.redFlags,
      note: v.note || null,
    });
  }

  /** Another day, with a reason; the follow-up stays open on this page, its old date in the history. */
  protected async reschedule(): Promise<void> {
    const f = this.store.followUp();
    if (!f) return;
    const moved = await askReschedule(this.dialog, {
      title: `Reschedule the ${f.label} ${f.kind}`,
      dateLabel: 'New due date',
      current: f.dueDate,
      save: (dueDate, reason) => this.store.changeFollowUp({ dueDate, reason }),
    });
    if (moved) this.snackBar.open('Follow-up rescheduled', undefined, { duration: 3000 });
  }

  /** Cancelled with a reason (kept); back to the worklist on the next row. */
  protected async cancel(): Promise<void> {
    const f = this.store.followUp();
    if (!f) return;
    const cancelled = await askReason(this.dialog, {
      title: `Cancel the ${f.label} ${f.kind}?`,
      message: 'The follow-up stays on the record as cancelled, with your reason.',
      confirmLabel: 'Cancel follow-up',
      save: (reason) => this.store.changeFollowUp({ reason }),
    });
    if (!cancelled) return;
    await this.backToWorklist('Follow-up cancelled', `follow-up:${this.id()}`);
  }

  protected noAnswer(): Promise<void> {
    return this.submit({ outcome: 'no-answer' });
  }

  private async submit(body: FollowUpResult): Promise<void> {
    // The same schema as the server: the same messages, before a round trip.
    const parsed = FollowUpResultSchema.safeParse(body);
    if (!parsed.success) {
      this.fieldErrors.set(
        Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])),
      );
      this.error.set(parsed.error.issues[0]?.message ?? 'Check the form');
      return;
    }
    this.saving.set(true);
    const result = await this.store.recordFollowUp(body);
    this.saving.set(false);
    if (!result.ok) {
      this.error.set(problemMessage(result.problem));
      return;
    }
    const status = result.value.status;
    await this.backToWorklist(
      status === 'done'
        ? 'Follow-up recorded'
        : status === 'missed'
          ? 'No answer: follow-up missed'
          : `No answer (attempt ${result.value.attempts})`,
      `follow-up:${this.id()}`,
    );
  }
}
