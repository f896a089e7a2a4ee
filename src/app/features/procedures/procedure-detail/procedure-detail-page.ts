import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { PROCEDURE_LABELS } from '@domain';
import { problemMessage } from '../../../core/problem.ts';
import { SessionStore } from '../../../core/session-store.ts';
import { NoticePanel } from '../../../shared/ui/notice-panel/notice-panel.ts';
import { confirmAction } from '../../../shared/ui/confirm-dialog/confirm-dialog.ts';
import { askReason } from '../../../core/reason-dialog/reason-dialog.ts';
import { DiaryLinkStore } from '../data/diary-link-store.ts';
import { ProcedureStore } from '../data/procedure-store.ts';
import { FollowUpResults } from '../ui/follow-up-results/follow-up-results.ts';
import { DiaryLinkPanel } from '../ui/diary-link-panel/diary-link-panel.ts';
import { PainScoreTable } from '../ui/pain-score-table/pain-score-table.ts';
import { InterpretationPanel } from '../ui/interpretation-panel/interpretation-panel.ts';
import { ProcedureSummary } from '../ui/procedure-summary/procedure-summary.ts';
import { ReliefChart } from '../ui/relief-chart/relief-chart.ts';
import { VerdictCard } from '../ui/verdict-card/verdict-card.ts';

/** How often the page looks for scores the patient entered at home. */
const POLL_MS = 30_000;

/** One procedure for the physician: details, the diary chart, the verdict, and the signed reading. */
@Component({
  selector: 'app-procedure-detail-page',
  imports: [
    FollowUpResults,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    NoticePanel,
    ProcedureSummary,
    ReliefChart,
    VerdictCard,
    InterpretationPanel,
    DiaryLinkPanel,
    PainScoreTable,
  ],
  templateUrl: './procedure-detail-page.html',
  styleUrl: './procedure-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProcedureDetailPage {
  /** From the route: /procedures/:id. */
  readonly id = input.required<string>();

  protected readonly store = inject(ProcedureStore);
  protected readonly session = inject(SessionStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly kindLabels = PROCEDURE_LABELS;
  protected readonly links = inject(DiaryLinkStore);
  protected readonly linkBusy = signal(false);
  protected readonly linkError = signal<string | null>(null);
  protected readonly signing = signal(false);
  protected readonly signError = signal<string | null>(null);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        void this.store.load(id, true);
        void this.links.load(id);
      });
    });
    // Patients enter scores at home: the diary and verdict refresh while the page is open.
    const timer = setInterval(() => void this.store.poll(this.id()), POLL_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected async issueLink(): Promise<void> {
    const p = this.store.procedure();
    if (!p) return;
    this.linkBusy.set(true);
    const result = await this.links.issue(p.id, p.patientId);
    this.linkBusy.set(false);
    this.linkError.set(result.ok ? null : problemMessage(result.problem));
  }

  protected async revokeLink(linkId: string): Promise<void> {
    const result = await this.links.revoke(this.id(), linkId);
    this.linkError.set(result.ok ? null : problemMessage(result.problem));
    if (result.ok) this.snackBar.open('The diary link is revoked.', 'OK', { duration: 6000 });
  }

  protected diaryMinutes(): number[] {
    return (this.store.diary()?.schedule ?? []).map((p) => p.minutesAfter).filter((m) => m > 0);
  }

  protected reload(): void {
    void this.store.load(this.id(), true);
  }

  protected async sign(text: string): Promise<void> {
    const procedure = this.store.procedure();
    const again = !!procedure?.interpretation;
    // A signature is a clinical attestation under the physician's name: ask before it goes on record.
    const confirmed = await confirmAction(this.dialog, {
      title: again ? 'Sign a new version?' : 'Sign this interpretation?',
      message: again
        ? 'The new text is signed under your name as the current version; earlier versions stay on record.'
        : `The interpretation of ${procedure?.label ?? 'this procedure'} is signed under your name and kept on record; a later change is a new version.`,
      confirmLabel: 'Sign',
    });
    if (!confirmed) return;
    this.signing.set(true);
    this.signError.set(null);
    const result = await this.store.sign(text);
    this.signing.set(false);
    if (!result.ok) {
      this.signError.set(problemMessage(result.problem));
      return;
    }
    const version = result.value.interpretation?.version ?? 1;
    this.snackBar.open(`Interpretation signed (version ${version}).`, 'OK', { duration: 6000 });
  }

  protected async markInError(): Promise<void> {
    const procedure = this.store.procedure();
    if (!procedure) return;
    const marked = await askReason(this.dialog, {
      title: `Mark ${procedure.label} entered in error?`,
      message:
        'The procedure and its diary stay in the record, marked with your reason; no more scores can be added.',
      confirmLabel: 'Mark entered in error',
      save: (reason) => this.store.markProcedureInError(reason),
    });
    if (marked)
      this.snackBar.open(`${procedure.label} is marked entered in error.`, 'OK', {
        duration: 6000,
      });
  }
}
