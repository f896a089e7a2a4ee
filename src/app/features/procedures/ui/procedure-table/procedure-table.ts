import { DatePipe } from '../../../../shared/format/format-pipes.ts';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { type BlockVerdict, PROCEDURE_LABELS, type ProcedureView } from '@domain';
import { AGENT_LABELS, INTENT_LABELS, SIDE_LABELS } from '../procedure-labels.ts';
import { VerdictChip } from '../verdict-chip/verdict-chip.ts';

/** An episode's procedures, newest first, each linking to its page and its diary. */
@Component({
  selector: 'app-procedure-table',
  imports: [DatePipe, MatTableModule, MatButtonModule, MatIconModule, RouterLink, VerdictChip],
  templateUrl: './procedure-table.html',
  styleUrl: './procedure-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProcedureTable {
  readonly procedures = input.required<readonly ProcedureView[]>();
  /** Current verdicts by procedure id (absent while loading or when not assessable yet). */
  readonly verdicts = input<Readonly<Record<string, BlockVerdict>>>({});
  /** Whether the user may enter diary scores (shows the diary links). */
  readonly canEnterDiary = input(false);

  // Rows of a mat-table are untyped in templates, so the label maps are looked up by string.
  protected readonly kindLabels: Readonly<Record<string, string>> = PROCEDURE_LABELS;
  protected readonly intentLabels: Readonly<Record<string, string>> = INTENT_LABELS;
  protected readonly agentLabels: Readonly<Record<string, string>> = AGENT_LABELS;
  protected readonly sideLabels: Readonly<Record<string, string>> = SIDE_LABELS;
  protected readonly columns = [
    'label',
    'kind',
    'performedAt',
    'levels',
    'side',
    'agent',
    'verdict',
    'actions',
  ];
}
