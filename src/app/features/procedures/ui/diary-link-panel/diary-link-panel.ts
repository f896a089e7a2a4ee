import { DatePipe } from '../../../../shared/format/format-pipes.ts';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { DiaryLinkCreated, DiaryLinkView } from '@domain';
import { HandoverSheet } from '../handover-sheet/handover-sheet.ts';

/** The procedure's diary links (issue 15): hand over a new one, see and revoke the live one. */
@Component({
  selector: 'app-diary-link-panel',
  imports: [DatePipe, MatButtonModule, MatIconModule, HandoverSheet],
  template: `
    <section aria-labelledby="diary-link-heading">
      <h2 id="diary-link-heading">Patient's diary at home</h2>
      <p class="hint">
        The patient enters scores on their phone with no login. The address is shown once, on the
        sheet; a new sheet withdraws the old link.
      </p>
      @if (error(); as e) {
        <p class="error" role="alert">{{ e }}</p>
      }
      @if (canWrite()) {
        <button mat-stroked-button type="button" [disabled]="busy()" (click)="issue.emit()">
          <mat-icon aria-hidden="true">qr_code_2</mat-icon>
          {{ active() ? 'Issue a new diary link' : 'Create diary link' }}
        </button>
      }
      @if (issued(); as link) {
        <app-handover-sheet
          [url]="link.url"
          [firstName]="firstName() ?? ''"
          [performedAt]="performedAt()"
          [expiresAt]="link.expiresAt"
          [minutes]="minutes()"
        />
      }
      @if (links().length) {
        <ul class="links">
          @for (l of links(); track l.id) {
            <li>
              <span
                >Created {{ l.createdAt | date: 'd MMM y, HH:mm' }} by {{ l.createdByName }}:
                {{ l.status
                }}{{
                  l.status === 'active' ? ' until ' + (l.expiresAt | date: 'd MMM y, HH:mm') : ''
                }}</span
              >
              @if (l.status === 'active' && canWrite()) {
                <button mat-button type="button" (click)="revoke.emit(l.id)">Revoke</button>
              }
            </li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-medium);
    }
    .hint {
      font: var(--mat-sys-body-small);
    }
    .error {
      color: var(--mat-sys-error);
    }
    .links {
      padding-left: 1.2em;
    }
    app-handover-sheet {
      display: block;
      margin: 12px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DiaryLinkPanel {
  readonly links = input.required<DiaryLinkView[]>();
  readonly issued = input<DiaryLinkCreated | null>(null);
  readonly firstName = input<string | null>(null);
  readonly performedAt = input.required<string>();
  readonly minutes = input.required<readonly number[]>();
  readonly canWrite = input(false);
  readonly busy = input(false);
  readonly error = input<string | null>(null);
  readonly issue = output<void>();
  readonly revoke = output<string>();

  protected active(): boolean {
    return this.links().some((l) => l.status === 'active');
  }
}
