import { DatePipe } from '../../../shared/format/format-pipes.ts';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  Injector,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  PAIN_CONTEXTS,
  type PainContext,
  PainScoreCreateSchema,
  type PainScoreView,
  PROCEDURE_LABELS,
} from '@domain';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { formatDateTimeText, parseDateTimeText } from '../../../shared/forms/date-text.ts';
import { fieldMessage } from '../../../shared/forms/schema-errors.ts';
import { FieldMessage } from '../../../shared/ui/field-message/field-message.ts';
import { NoticePanel } from '../../../shared/ui/notice-panel/notice-panel.ts';
import { PainScoreInput } from '../../../shared/ui/pain-score-input/pain-score-input.ts';
import { askReason } from '../../../core/reason-dialog/reason-dialog.ts';
import { ProcedureStore } from '../data/procedure-store.ts';
import { DiarySchedule } from '../ui/diary-schedule/diary-schedule.ts';
import { PainScoreTable } from '../ui/pain-score-table/pain-score-table.ts';
import { CONTEXT_LABELS, SIDE_LABELS, timePointLabel } from '../ui/procedure-labels.ts';
import { FormSubmit } from '../../../core/forms/form-submit.ts';
import { FormError } from '../../../shared/ui/form-error/form-error.ts';

type DiarySide = 'both' | 'left' | 'right';
const DIARY_SIDES: readonly DiarySide[] = ['both', 'left', 'right'];

/** The nurse's last choice of context and side, kept in this browser between entries and visits. */
const CHOICE_KEYS = { context: 'facettrack.diary.context', side: 'facettrack.diary.side' } as const;

function remembered<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  const value = globalThis.localStorage?.getItem(key);
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** "baseline" or "30 min", as said after a save. */
const spokenTimePoint = (minutesAfter: number) =>
  minutesAfter <= 0 ? 'baseline' : timePointLabel(minutesAfter);

/**
 * Pain diary entry (nurses and physicians): opens on the point due now; one key press or tap saves a
 * score, then the screen moves to the next due point and says what was saved. The time points sit in
 * one compact strip so the score, its context and Save stay in view at 1280 x 800; a score taken at
 * an odd time is given its real time ("Taken at").
 */
@Component({
  selector: 'app-pain-diary-page',
  imports: [
    FormError,
    DatePipe,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    FieldMessage,
    NoticePanel,
    PainScoreInput,
    DiarySchedule,
    PainScoreTable,
  ],
  templateUrl: './pain-diary-page.html',
  styleUrl: './pain-diary-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PainDiaryPage {
  /** From the route: /procedures/:id/diary. */
  readonly id = input.required<string>();

  protected readonly store = inject(ProcedureStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly scoreInput = viewChild(PainScoreInput);
  private readonly injector = inject(Injector);

  protected readonly form = this.fb.group({
    minutesAfter: this.fb.control<number | null>(null),
    score: this.fb.control<number | null>(null),
    context: this.fb.control<PainContext>(
      remembered(CHOICE_KEYS.context, PAIN_CONTEXTS, 'activity'),
    ),
    side: this.fb.control<DiarySide>(remembered(CHOICE_KEYS.side, DIARY_SIDES, 'both')),
    reportedReliefPercent: this.fb.control<number | null>(null),
    /** Off: the score describes the picked time point. On: it describes the moment typed below. */
    atOtherTime: this.fb.control(false),
    takenAt: this.fb.control(''),
  });

  protected readonly kindLabels = PROCEDURE_LABELS;
  protected readonly sideLabels = SIDE_LABELS;
  protected readonly contexts = PAIN_CONTEXTS;
  protected readonly contextLabels = CONTEXT_LABELS;
  protected readonly fieldMessage = fieldMessage;

  protected readonly selected = toSignal(this.form.controls.minutesAfter.valueChanges, {
    initialValue: null,
  });
  protected readonly selectedLabel = computed(() => {
    if (this.atOtherTime()) return 'the time taken';
    const minutes = this.selected();
    return minutes === null ? 'the chosen time' : spokenTimePoint(minutes);
  });
  protected readonly bilateral = computed(() => this.store.procedure()?.side === 'bilateral');
  protected readonly isBaseline = computed(
    () => !this.atOtherTime() && (this.selected() ?? 0) <= 0,
  );
  /** What the live region last said ("Saved 3 at 30 min"). */
  protected readonly announcement = signal('');
  protected readonly atOtherTime = toSignal(this.form.controls.atOtherTime.valueChanges, {
    initialValue: false,
  });
  protected readonly submit = new FormSubmit(this.form, (path) =>
    path === 'recordedAt' ? 'takenAt' : path,
  );

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.open(id));
    });
    const { context, side } = this.form.controls;
    context.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((v) => globalThis.localStorage?.setItem(CHOICE_KEYS.context, v));
    side.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((v) => globalThis.localStorage?.setItem(CHOICE_KEYS.side, v));
    // "Taken at" starts at now each time it is switched on; the nurse edits it to the real time.
    this.form.controls.atOtherTime.valueChanges.pipe(takeUntilDestroyed()).subscribe((on) => {
      if (on) this.form.controls.takenAt.setValue(formatDateTimeText(new Date()));
    });
  }

  /** Loads the diary and opens it on the next due time point, ready for a score. */
  private async open(id: string): Promise<void> {
    await this.store.load(id, false);
    this.selectPoint(this.store.nextPoint()?.minutesAfter ?? null);
    this.focusScore();
  }

  /** Focus on the score picker once it is on screen, so the next key typed is the score. */
  private focusScore(): void {
    afterNextRender(() => this.scoreInput()?.focus(), { injector: this.injector });
  }

  protected selectPoint(minutesAfter: number | null): void {
    this.form.controls.minutesAfter.setValue(minutesAfter);
  }

  /** A point picked in the schedule: the score for it comes next, so focus goes there. */
  protected pickPoint(minutesAfter: number): void {
    this.selectPoint(minutesAfter);
    this.scoreInput()?.focus();
  }

  /** One action saves: Enter in the score picker, Enter in the relief field, or the Save button. */
  protected async save(): Promise<void> {
    const v = this.form.getRawValue();
    const takenAt = v.atOtherTime ? parseDateTimeText(v.takenAt)?.toISOString() : undefined;
    if (v.atOtherTime && !takenAt) {
      this.submit.show([
        { path: 'takenAt', message: 'Taken at must be a day and time like 02/12/2026 14:05' },
      ]);
      return;
    }
    const result = await this.submit.run(
      () =>
        this.submit.parse(PainScoreCreateSchema, {
          ...(takenAt ? { recordedAt: takenAt } : { minutesAfter: v.minutesAfter ?? undefined }),
          score: v.score ?? undefined,
          context: v.context,
          side: this.bilateral() && v.side !== 'both' ? v.side : null,
          reportedReliefPercent: this.isBaseline() ? null : v.reportedReliefPercent,
        }),
      (body) => this.store.saveScore(body),
    );
    if (!result?.ok) return;
    const saved = result.value;
    this.announcement.set(`Saved ${saved.score} at ${spokenTimePoint(saved.minutesAfter)}`);
    this.form.patchValue({
      score: null,
      reportedReliefPercent: null,
      atOtherTime: false,
      takenAt: '',
    });
    this.form.markAsUntouched();
    this.selectPoint(this.store.nextPoint()?.minutesAfter ?? null);
    this.focusScore();
  }

  protected async markInError(score: PainScoreView): Promise<void> {
    const when = spokenTimePoint(score.minutesAfter);
    const marked = await askReason(this.dialog, {
      title: `Mark the ${when} score (${score.score}) entered in error?`,
      message:
        'It stays in the record, struck through with your reason, and no longer counts towards relief.',
      confirmLabel: 'Mark entered in error',
      save: (reason) => this.store.markScoreInError(score, reason),
    });
    if (marked)
      this.snackBar.open(`The ${when} score is marked entered in error.`, 'OK', { duration: 6000 });
  }
}
