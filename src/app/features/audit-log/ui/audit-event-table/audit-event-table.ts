import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { AuditEventView } from '@domain';

/** One page of audit events; details shown as compact JSON. */
@Component({
  selector: 'app-audit-event-table',
  imports: [DatePipe, MatTableModule],
  templateUrl: './audit-event-table.html',
  styleUrl: './audit-event-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditEventTable {
  readonly events = input.required<readonly AuditEventView[]>();

  protected readonly columns = ['at', 'user', 'action', 'entity', 'patientId', 'ip', 'details'];

  protected detailsText(event: AuditEventView): string {
    return Object.keys(event.details).length ? JSON.stringify(event.details) : '';
  }
}
