import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DiaryI18n, type DiaryLang } from '../../../shared/i18n/diary-i18n.ts';
import { HomeDiaryStore } from '../data/home-diary-store.ts';

const SCORES = Array.from({ length: 11 }, (_, n) => n);
const RELIEF = Array.from({ length: 11 }, (_, n) => n * 10);

/**
 * The patient's own diary at home (issue 15): no login, phone first. Opens on the time point due
 * now, one 0-10 scale of large buttons, rest or activity, left/right when bilateral, the patient's
 * own percent relief; then what is done and what is next, and thanks when complete.
 */
@Component({
  selector: 'app-patient-diary-page',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule],
  templateUrl: './patient-diary-page.html',
  styleUrl: './patient-diary-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientDiaryPage {
  /** From the route: /diary/:token. */
  readonly token = input.required<string>();

  protected readonly store = inject(HomeDiaryStore);
  protected readonly i18n = inject(DiaryI18n);
  protected readonly scores = SCORES;
  protected readonly reliefSteps = RELIEF;

  protected readonly score = signal<number | null>(null);
  protected readonly context = signal<'activity' | 'rest'>('activity');
  protected readonly side = signal<'left' | 'right' | null>(null);
  protected readonly relief = signal<number | null>(null);
  protected readonly saving = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const token = this.token();
      untracked(() => void this.store.load(token));
    });
    // The document language follows the choice, for screen readers and hyphenation.
    effect(() => document.documentElement.setAttribute('lang', this.i18n.lang()));
    // When the point changes, preselect the side not yet rated.
    effect(() => {
      const point = this.store.current();
      const bilateral = this.store.diary()?.bilateral;
      untracked(() => {
        if (!point || !bilateral) return this.side.set(null);
        this.side.set(point.entries.some((e) => e.side === 'left') ? 'right' : 'left');
      });
    });
  }

  protected setLang(lang: DiaryLang): void {
    this.i18n.lang.set(lang);
  }

  protected pick(minutesAfter: number): void {
    this.store.pick(minutesAfter);
    this.message.set(null);
    this.error.set(null);
  }

  protected async save(): Promise<void> {
    const point = this.store.current();
    const t = this.i18n.t();
    if (!point) return;
    const score = this.score();
    if (score === null) return this.error.set(t.chooseScore);
    const bilateral = !!this.store.diary()?.bilateral;
    if (bilateral && !this.side()) return this.error.set(t.chooseSide);
    this.saving.set(true);
    this.error.set(null);
    const savedSide = this.side();
    const result = await this.store.save({
      minutesAfter: point.minutesAfter,
      score,
      context: this.context(),
      side: savedSide,
      reportedReliefPercent: this.relief(),
    });
    this.saving.set(false);
    if (!result.ok) {
      // Only the page's own words reach the patient: a server message is English (issue 15, bad input).
      const code = result.problem.code ?? '';
      const future = result.problem.errors?.some((e) => e.message.includes('future'));
      this.error.set(
        t.refused[code] ??
          (future
            ? t.refused['future']!
            : (t.gone[code]?.text ??
              (result.problem.status >= 500 || !result.problem.status
                ? t.gone['other']!.text
                : t.refused['invalid']!))),
      );
      return;
    }
    this.score.set(null);
    this.relief.set(null);
    const stillHere = this.store.current()?.minutesAfter === point.minutesAfter;
    this.message.set(
      bilateral && stillHere
        ? t.savedOtherSide(savedSide === 'left' ? t.right.toLowerCase() : t.left.toLowerCase())
        : t.saved,
    );
  }

  protected goneText() {
    const t = this.i18n.t();
    return t.gone[this.store.gone()?.code ?? ''] ?? t.gone['other']!;
  }
}
