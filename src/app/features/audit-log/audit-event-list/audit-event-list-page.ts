import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { NoticePanel } from '../../../shared/ui/notice-panel/notice-panel.ts';
import { AuditLogStore } from '../data/audit-log-store.ts';
import { AuditEventTable } from '../ui/audit-event-table/audit-event-table.ts';
import { AuditFilterForm } from '../ui/audit-filter-form/audit-filter-form.ts';
import { IntegrityPanel } from '../ui/integrity-panel/integrity-panel.ts';

/** Audit log: who did what and when, filtered and paged on the server, and the chain check. */
@Component({
  selector: 'app-audit-event-list-page',
  imports: [
    MatButtonModule,
    MatPaginatorModule,
    MatProgressBarModule,
    NoticePanel,
    AuditEventTable,
    AuditFilterForm,
    IntegrityPanel,
  ],
  templateUrl: './audit-event-list-page.html',
  styles: `
    .progress-slot {
      height: 4px;
      margin: 8px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditEventListPage {
  protected readonly store = inject(AuditLogStore);

  protected showPage(event: PageEvent): void {
    this.store.showPage(event.pageIndex + 1, event.pageSize);
  }
}
