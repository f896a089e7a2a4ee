import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NoticePanel } from '../../../shared/ui/notice-panel/notice-panel.ts';
import { ListFrame } from '../../../shared/ui/list-frame/list-frame.ts';
import { AuditLogStore } from '../data/audit-log-store.ts';
import { AuditEventTable } from '../ui/audit-event-table/audit-event-table.ts';
import { AuditFilterForm } from '../ui/audit-filter-form/audit-filter-form.ts';
import { IntegrityPanel } from '../ui/integrity-panel/integrity-panel.ts';

/** Audit log: who did what and when, filtered and paged on the server, and the chain check. */
@Component({
  selector: 'app-audit-event-list-page',
  imports: [NoticePanel, ListFrame, AuditEventTable, AuditFilterForm, IntegrityPanel],
  templateUrl: './audit-event-list-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditEventListPage {
  protected readonly store = inject(AuditLogStore);
}
