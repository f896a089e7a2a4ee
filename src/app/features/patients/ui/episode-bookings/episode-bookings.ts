import { DatePipe } from '../../../../shared/format/format-pipes.ts';
import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { type PlannedProcedureView, PROCEDURE_SHORT, type Region, type Side } from '@domain';
import { askReason } from '../../../../core/reason-dialog/reason-dialog.ts';
import { askReschedule } from '../../../../core/reschedule-dialog/reschedule-dialog.ts';
import { dayFirstDates } from '../../../../shared/forms/date-text.ts';
import { SessionStore } from '../../../../core/session-store.ts';
import { EpisodeBookingsStore } from '../../data/episode-bookings-store.ts';
import type { EpisodeBookingsSeed } from '../../data/patient-record-store.ts';
import { BookingDialog, type BookingDialogData } from '../booking-dialog/booking-dialog.ts';

const STATUS_WORDS: Readonly<Record<PlannedProcedureView['status'], string>> = {
  planned: 'Booked',
  performed: 'Performed',
  cancelled: 'Cancelled',
};
const DURABILITY_WORDS = {
  held: 'relief held',
  lost: 'relief lost',
  pending: 'not yet due',
  unknown: 'no score',
} as const;

/**
 * The episode's bookings and each RFA's durability (issue 12), for the patient page: book a procedure
 * with its payer-rule dry run, reschedule or cancel with a reason (the history stays visible), record
 * a booking as performed. A panel with its own store so the patient page only places it.
 */
@Component({
  selector: 'app-episode-bookings',
  imports: [DatePipe, MatButtonModule, MatIconModule, RouterLink],
  providers: [EpisodeBookingsStore],
  templateUrl: './episode-bookings.html',
  styleUrl: './episode-bookings.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EpisodeBookings {
  readonly region = input.required<Region>();
  readonly side = input.required<Side>();
  /** The episode's bookings and durability, as the patient page call brought them. */
  readonly data = input.required<EpisodeBookingsSeed>();
  protected readonly store = inject(EpisodeBookingsStore);
  protected readonly session = inject(SessionStore);
  private readonly dialog = inject(MatDialog);
  /** History lines from the server carry ISO dates: shown day first. */
  protected readonly dayFirst = dayFirstDates;
  private readonly snackBar = inject(MatSnackBar);
  protected readonly short = PROCEDURE_SHORT;
  protected readonly statusWords = STATUS_WORDS;
  protected readonly durabilityWords = DURABILITY_WORDS;

  constructor() {
    effect(() => {
      const { episodeId, plannedProcedures, rfaDurability } = this.data();
      untracked(() => this.store.seed(episodeId, plannedProcedures, rfaDurability));
    });
  }

  protected async book(): Promise<void> {
    void this.store.loadPerformers();
    const user = this.session.user();
    const ref = this.dialog.open<BookingDialog, BookingDialogData, PlannedProcedureView>(
      BookingDialog,
      {
        width: '720px',
        maxWidth: '95vw',
        autoFocus: 'first-tabbable',
        data: {
          region: this.region(),
          side: this.side(),
          performers: this.store.performers,
          defaultPerformerId: user?.role === 'physician' ? String(user.id) : null,
          check: (body) => this.store.check(body),
          save: (body) => this.store.book(body),
        },
      },
    );
    ref.afterClosed().subscribe((booked) => {
      if (booked) this.snackBar.open('Procedure booked', undefined, { duration: 3000 });
    });
  }

  protected async reschedule(b: PlannedProcedureView): Promise<void> {
    const moved = await askReschedule(this.dialog, {
      title: `Reschedule the ${PROCEDURE_SHORT[b.kind]} ${b.levels.join(', ')}`,
      dateLabel: 'New date',
      current: b.plannedDate,
      save: (date, reason) => this.store.reschedule(b.id, date, reason),
    });
    if (moved) this.snackBar.open('Booking rescheduled', undefined, { duration: 3000 });
  }

  protected async cancel(b: PlannedProcedureView): Promise<void> {
    const cancelled = await askReason(this.dialog, {
      title: `Cancel the ${PROCEDURE_SHORT[b.kind]} ${b.levels.join(', ')}?`,
      message: 'The booking stays on the record as cancelled, with your reason.',
      confirmLabel: 'Cancel booking',
      save: (reason) => this.store.cancel(b.id, reason),
    });
    if (cancelled) this.snackBar.open('Booking cancelled', undefined, { duration: 3000 });
  }
}
