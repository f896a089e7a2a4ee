import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { NrsSchema, PROCEDURE_SHORT } from '@domain';
import { problemMessage } from '../../../core/problem.ts';
import { SessionStore } from '../../../core/session-store.ts';
import { NoticePanel } from '../../../shared/ui/notice-panel/notice-panel.ts';
import { PainScoreInput } from '../../../shared/ui/pain-score-input/pain-score-input.ts';
import { EntryStore } from '../data/entry-store.ts';
import { returnToWorklist } from '../data/return-to-worklist.ts';

/** A booked procedure on its day (issue 12): the nurse records the baseline; the physician records the procedure. */
@Component({
  selector: 'app-planned-visit-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    NoticePanel,
    PainScoreInput,
    RouterLink,
  ],
  templateUrl: './planned-visit-page.html',
  styleUrl: '../follow-up-entry/follow-up-entry-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlannedVisitPage implements OnInit {
  /** Route parameter :id. */
  readonly id = input.required<string>();
  protected readonly store = inject(EntryStore);
  protected readonly session = inject(SessionStore);
  private readonly backToWorklist = returnToWorklist();
  protected readonly short = PROCEDURE_SHORT;
  protected readonly context = new FormControl<'rest' | 'activity'>('activity', {
    nonNullable: true,
  });
  protected readonly score = new FormControl<number | null>(null);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): Promise<void> {
    return this.store.loadPlanned(this.id());
  }

  protected async saveBaseline(): Promise<void> {
    const parsed = NrsSchema.safeParse(this.score.value ?? undefined);
    if (!parsed.success) {
      this.error.set(parsed.error.issues[0]?.message ?? 'Choose a score');
      return;
    }
    const result = await this.store.recordBaseline(parsed.data, this.context.value);
    if (!result.ok) {
      this.error.set(problemMessage(result.problem));
      return;
    }
    await this.backToWorklist('Baseline recorded', `procedure:${this.id()}`);
  }
}
