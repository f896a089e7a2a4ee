import { DatePipe } from '../../../../shared/format/format-pipes.ts';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import type { PainScoreView } from '@domain';
import { CONTEXT_LABELS, percentText, SIDE_LABELS, timePointLabel } from '../procedure-labels.ts';

/**
 * A diary's scores in time order: NRS, relief derived from it beside the patient's own figure,
 * who entered it, late entries flagged, entered-in-error rows struck through with the reason.
 */
@Component({
  selector: 'app-pain-score-table',
  imports: [DatePipe, MatTableModule, MatButtonModule, MatIconModule],
  templateUrl: './pain-score-table.html',
  styleUrl: './pain-score-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PainScoreTable {
  readonly scores = input.required<readonly PainScoreView[]>();
  /** Show the side column (bilateral procedures). */
  readonly showSide = input(false);
  /** Whether the user may mark scores entered in error. */
  readonly canCorrect = input(false);
  /** The user asked to mark a score entered in error (the page confirms and asks why). */
  readonly markInError = output<PainScoreView>();

  // Rows of a mat-table are untyped in templates, so the label maps are looked up by string.
  protected readonly contextLabels: Readonly<Record<string, string>> = CONTEXT_LABELS;
  protected readonly sideLabels: Readonly<Record<string, string>> = SIDE_LABELS;
  protected readonly timeLabel = timePointLabel;
  protected readonly percent = percentText;
  protected readonly columns = computed(() => [
    'time',
    'context',
    ...(this.showSide() ? ['side'] : []),
    'score',
    'relief',
    'reported',
    'enteredBy',
    ...(this.canCorrect() ? ['actions'] : []),
  ]);
}
