import { DatePipe } from '../../../../shared/format/format-pipes.ts';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { AuditEventView } from '@domain';
import { auditActionText, auditDetailsText } from '../audit-labels.ts';

/** One page of audit events: actions in words, details as readable fields (issue 14). */
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

  protected readonly actionText = auditActionText;

  protected detailsText(event: AuditEventView): string {
    return auditDetailsText(event.details);
  }
}
