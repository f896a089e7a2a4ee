import { DatePipe } from '../../../../shared/format/format-pipes.ts';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  output,
} from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import type { WorklistRow } from '@domain';

const KIND_ICONS: Readonly<Record<WorklistRow['kind'], string>> = {
  procedure: 'vaccines',
  diary: 'timer',
  'follow-up': 'call',
};

/** One worklist section: a Material table of rows, one click or Enter to open, arrows to move, paged by the server. */
@Component({
  selector: 'app-worklist-table',
  imports: [DatePipe, MatIconModule, MatPaginatorModule, MatTableModule],
  templateUrl: './worklist-table.html',
  styleUrl: './worklist-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorklistTable {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly rows = input.required<WorklistRow[]>();
  readonly total = input.required<number>();
  readonly page = input.required<number>();
  readonly pageSize = input.required<number>();
  readonly label = input.required<string>();
  /** Show times (due today) rather than dates. */
  readonly showTime = input(false);
  readonly opened = output<WorklistRow>();
  readonly paged = output<PageEvent>();

  protected readonly columns = ['due', 'patient', 'what', 'provider'];
  protected readonly icons = KIND_ICONS;
  protected iconOf(row: WorklistRow): string {
    return row.kind === 'follow-up' && row.followUpKind === 'visit'
      ? 'event'
      : KIND_ICONS[row.kind];
  }

  /** Arrow keys move between rows of every section (the rows carry data-row). */
  protected move(event: Event, step: number): void {
    event.preventDefault();
    const rows = [
      ...this.host.nativeElement.ownerDocument.querySelectorAll<HTMLElement>('[data-row]'),
    ];
    const i = rows.indexOf(event.currentTarget as HTMLElement);
    rows[i + step]?.focus();
  }
}
