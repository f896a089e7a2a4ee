import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { OverdueDigest } from '@domain';
import { problemMessage, toProblem } from '../../../core/problem.ts';
import { NoticePanel } from '../../../shared/ui/notice-panel/notice-panel.ts';
import { WorklistApi } from '../data/worklist-api.ts';

/** What became overdue since yesterday, per provider (issue 12): the content of a daily e-mail, on a page. */
@Component({
  selector: 'app-overdue-digest-page',
  imports: [MatTableModule, NoticePanel],
  template: `
    <div class="page">
      <h1>Overdue since yesterday</h1>
      @if (error(); as message) {
        <app-notice-panel
          icon="error"
          heading="The digest could not be loaded"
          [message]="message"
          tone="error"
        />
      } @else if (digest(); as d) {
        <p>{{ d.date }}: what became overdue since {{ d.since }}.</p>
        @for (group of d.providers; track group.providerId) {
          <section [attr.aria-label]="group.providerName">
            <h2>{{ group.providerName }} ({{ group.rows.length }})</h2>
            <table
              mat-table
              [dataSource]="group.rows"
              [attr.aria-label]="'Overdue for ' + group.providerName"
            >
              <ng-container matColumnDef="patient">
                <th mat-header-cell *matHeaderCellDef>Patient</th>
                <td mat-cell *matCellDef="let r">{{ r.patientName }} ({{ r.mrn }})</td>
              </ng-container>
              <ng-container matColumnDef="what">
                <th mat-header-cell *matHeaderCellDef>What</th>
                <td mat-cell *matCellDef="let r">{{ r.what }}</td>
              </ng-container>
              <ng-container matColumnDef="due">
                <th mat-header-cell *matHeaderCellDef>Due</th>
                <td mat-cell *matCellDef="let r">{{ r.dueDate }}</td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="columns"></tr>
              <tr mat-row *matRowDef="let r; columns: columns"></tr>
            </table>
          </section>
        } @empty {
          <app-notice-panel icon="task_alt" heading="Nothing became overdue since yesterday" />
        }
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverdueDigestPage implements OnInit {
  private readonly api = inject(WorklistApi);
  protected readonly digest = signal<OverdueDigest | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly columns = ['patient', 'what', 'due'];

  async ngOnInit(): Promise<void> {
    try {
      this.digest.set(await this.api.digest());
    } catch (e) {
      this.error.set(problemMessage(toProblem(e)));
    }
  }
}
