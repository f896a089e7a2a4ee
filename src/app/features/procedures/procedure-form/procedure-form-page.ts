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
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  ANESTHETIC_AGENTS,
  type AnestheticAgent,
  COMPLICATIONS,
  type Complication,
  FACET_LEVELS,
  GUIDANCE,
  INTENTS,
  type Intent,
  type PayerCheck,
  type Problem,
  PROCEDURE_KINDS,
  PROCEDURE_LABELS,
  type ProcedureKind,
  ProcedureCreateSchema,
  type Sedation,
  SEDATION_LEVELS,
  sedationConfounds,
  sedationNeedsReason,
  asksRfaReason,
  isTherapeuticInjection,
} from '@domain';
import { fieldMessage } from '../../../shared/forms/schema-errors.ts';
import { FieldMessage } from '../../../shared/ui/field-message/field-message.ts';
import { NoticePanel } from '../../../shared/ui/notice-panel/notice-panel.ts';
import { PayerCheckList } from '../../../shared/ui/payer-checks/payer-check-list.ts';
import { EpisodeProceduresStore } from '../data/episode-procedures-store.ts';
import {
  AGENT_LABELS,
  GUIDANCE_LABELS,
  INTENT_LABELS,
  SEDATION_LABELS,
  SIDE_LABELS,
} from '../ui/procedure-labels.ts';
import { FormSubmit } from '../../../core/forms/form-submit.ts';
import { FormError } from '../../../shared/ui/form-error/form-error.ts';
import { MatSnackBar } from '@angular/material/snack-bar';
import { DateTextInput } from '../../../shared/forms/date-text-input.ts';
import { parseTimeText } from '../../../shared/forms/date-text.ts';
import { instantAt, localNow } from '../../../shared/format/date-format.ts';

type Side = 'left' | 'right' | 'bilateral';
type Guidance = (typeof GUIDANCE)[number];

/** Said under the override field while failing checks have no reason (the server says the same on 422). */
const OVERRIDE_REQUIRED = 'Give a reason for going ahead although these checks fail';

/** The failing checks a 422 'checks-failed' answer carries as `current`, if it does. */
function failingFrom(problem: Problem): PayerCheck[] | null {
  const current = problem.current;
  return Array.isArray(current) &&
    current.every((c) => typeof c?.id === 'string' && typeof c?.message === 'string')
    ? (current as PayerCheck[])
    : null;
}

const COMPLICATION_KEYS = Object.keys(COMPLICATIONS) as Complication[];

/** A date and time on the practice's clock as an ISO instant, or '' when either is missing or the time does not exist (the schema says so). */
function toInstant(date: string, time: string): string {
  const hhmm = parseTimeText(time);
  return (date && hhmm && instantAt(date, hhmm)?.toISOString()) || '';
}

/** Record procedure: a physician's record of an MBB, IA injection or RFA on the episode. */
@Component({
  selector: 'app-procedure-form-page',
  imports: [
    DateTextInput,
    FormError,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    FieldMessage,
    NoticePanel,
    PayerCheckList,
  ],
  templateUrl: './procedure-form-page.html',
  styleUrl: './procedure-form-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProcedureFormPage {
  /** From the route: /episodes/:episodeId/procedures/new. */
  readonly episodeId = input.required<string>();
  /** From the query string: the booking this recording performs (issue 12); prefills the form. */
  readonly planned = input<string | undefined>(undefined);

  protected readonly store = inject(EpisodeProceduresStore);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly injector = inject(Injector);

  protected readonly form = this.fb.group({
    kind: this.fb.control<ProcedureKind>('mbb'),
    intent: this.fb.control<Intent>('diagnostic'),
    performedDate: localNow().date,
    performedTime: localNow().time,
    levels: this.fb.control<string[]>([]),
    side: this.fb.control<Side | null>(null),
    anesthetic: this.fb.group({
      agent: this.fb.control<AnestheticAgent | null>(null),
      concentrationPercent: this.fb.control<number | null>(null),
      volumeMl: this.fb.control<number | null>(null),
    }),
    steroidGiven: false,
    steroid: this.fb.group({ name: '', doseMg: this.fb.control<number | null>(null) }),
    guidance: this.fb.control<Guidance>('fluoroscopy'),
    sedation: this.fb.control<Sedation>('none'),
    complications: this.fb.group(
      Object.fromEntries(COMPLICATION_KEYS.map((key) => [key, false])) as Record<
        Complication,
        boolean
      >,
    ),
    notes: '',
    sedationReason: '',
    intervalExceptionReason: '',
    rfaNotPossibleReason: '',
    overrideReason: '',
  });

  protected readonly kinds = PROCEDURE_KINDS;
  protected readonly kindLabels = PROCEDURE_LABELS;
  protected readonly intents = INTENTS;
  protected readonly intentLabels = INTENT_LABELS;
  protected readonly sides: readonly Side[] = ['left', 'right', 'bilateral'];
  protected readonly sideLabels = SIDE_LABELS;
  protected readonly agents = ANESTHETIC_AGENTS;
  protected readonly agentLabels = AGENT_LABELS;
  protected readonly guidanceOptions = GUIDANCE;
  protected readonly guidanceLabels = GUIDANCE_LABELS;
  protected readonly sedationLevels = SEDATION_LEVELS;
  protected readonly sedationLabels = SEDATION_LABELS;
  protected readonly complications = COMPLICATION_KEYS.map((key) => ({
    key,
    label: COMPLICATIONS[key],
  }));
  protected readonly fieldMessage = fieldMessage;
  protected readonly submit = new FormSubmit(this.form, formPath);

  protected readonly levels = computed(() => {
    const episode = this.store.episode();
    return episode ? FACET_LEVELS[episode.region] : [];
  });
  protected readonly steroidGiven = toSignal(this.form.controls.steroidGiven.valueChanges, {
    initialValue: false,
  });
  private readonly sedation = toSignal(this.form.controls.sedation.valueChanges, {
    initialValue: 'none' as Sedation,
  });
  private readonly intent = toSignal(this.form.controls.intent.valueChanges, {
    initialValue: 'diagnostic' as Intent,
  });
  private readonly kind = toSignal(this.form.controls.kind.valueChanges, {
    initialValue: 'mbb' as ProcedureKind,
  });
  /** Sedation must be justified (payer rule): any on a diagnostic block, beyond minimal on a treatment (domain sedationNeedsReason). */
  protected readonly asksSedationReason = computed(() =>
    sedationNeedsReason(this.intent(), this.sedation()),
  );
  protected readonly isDiagnostic = computed(() => this.intent() === 'diagnostic');
  /** A repeat therapeutic injection needs a documented reason RFA is not possible (domain asksRfaReason). */
  protected readonly asksRfaReason = computed(() =>
    asksRfaReason(
      this.kind(),
      this.intent(),
      this.store.procedures().filter((p) => !p.enteredInError && isTherapeuticInjection(p)).length,
    ),
  );
  /**
   * The payer-rule checks this procedure would newly fail, from the dry run before saving (or the
   * server's refusal); while there are any, the physician's override reason is required.
   */
  protected readonly failingChecks = signal<readonly PayerCheck[] | null>(null);
  /** Any sedation confounds a diagnostic block (domain sedationConfounds). */
  protected readonly sedationWarning = computed(
    () => this.intent() === 'diagnostic' && sedationConfounds(this.sedation()),
  );

  constructor() {
    effect(() => {
      const id = this.episodeId();
      untracked(() => void this.store.load(id, true));
    });
    effect(() => {
      const id = this.planned();
      if (id) untracked(() => void this.prefillFromBooking(id));
    });
    // The episode's side is the likely side of the procedure.
    effect(() => {
      const episode = this.store.episode();
      if (episode && !this.form.controls.side.value) this.form.controls.side.setValue(episode.side);
    });
  }

  protected async save(): Promise<void> {
    if (!this.submit.begin()) return;
    const v = this.form.getRawValue();
    const body = {
      kind: v.kind,
      intent: v.intent,
      performedAt: toInstant(v.performedDate, v.performedTime),
      levels: v.levels,
      side: v.side,
      anesthetic: v.anesthetic,
      steroid: v.steroidGiven ? v.steroid : null,
      guidance: v.guidance,
      sedation: v.sedation,
      complications: COMPLICATION_KEYS.filter((key) => v.complications[key]),
      notes: v.notes.trim() || null,
      sedationReason: this.asksSedationReason() ? v.sedationReason : null,
      intervalExceptionReason: this.isDiagnostic() ? v.intervalExceptionReason : null,
      rfaNotPossibleReason: this.asksRfaReason() ? v.rfaNotPossibleReason : null,
      overrideReason: v.overrideReason,
      plannedProcedureId: this.planned() ?? null,
    };
    const parsed = this.submit.parse(ProcedureCreateSchema, body);
    if (!parsed) return;
    await this.submit.during(async () => {
      // Dry run first: say which checks would fail, with their evidence, before anything is saved.
      const dryRun = await this.store.check(parsed);
      if (!dryRun.ok) return this.submit.showProblem(dryRun.problem);
      await this.showFailing(dryRun.value.length ? dryRun.value : null);
      const overrideReason = dryRun.value.length ? parsed.overrideReason : null;
      if (dryRun.value.length && !overrideReason)
        return this.submit.show([{ path: 'overrideReason', message: OVERRIDE_REQUIRED }]);
      const result = await this.store.create({ ...parsed, overrideReason });
      if (result.ok) {
        await this.router.navigate(['/procedures', result.value.id]);
        // Say it was saved, and that the override went with it (it shows on the procedure page).
        this.snackBar.open(
          `${result.value.label} saved${overrideReason ? ' with a payer-rule override' : ''}.`,
          'OK',
          { duration: 6000 },
        );
        return;
      }
      // The server refused although the dry run passed (someone recorded another procedure meanwhile).
      if (result.problem.code === 'checks-failed')
        await this.showFailing(failingFrom(result.problem) ?? this.failingChecks() ?? []);
      this.submit.showProblem(result.problem);
    });
  }

  /** Kind, intent, levels and side as booked; the rest is what happened on the day. */
  private async prefillFromBooking(id: string): Promise<void> {
    const booking = await this.store.planned(id);
    if (booking)
      this.form.patchValue({
        kind: booking.kind,
        intent: booking.intent,
        levels: booking.levels,
        side: booking.side,
      });
  }

  /** Shows (or clears) the failing checks and the override field. */
  private async showFailing(failing: readonly PayerCheck[] | null): Promise<void> {
    const firstTime = !this.failingChecks() && failing;
    this.failingChecks.set(failing);
    // The override field is new: attaching its control resets its errors, so place messages after.
    if (firstTime)
      await new Promise<void>((resolve) =>
        afterNextRender(() => resolve(), { injector: this.injector }),
      );
  }
}

/** "performedAt" is two inputs here; "levels.1" is one chip list. */
function formPath(path: string): string {
  if (path === 'performedAt') return 'performedDate';
  if (/^levels\.\d+$/.test(path)) return 'levels';
  if (/^complications\.\d+$/.test(path)) return 'complications';
  return path;
}
