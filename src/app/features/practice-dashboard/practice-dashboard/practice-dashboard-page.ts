import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { NoticePanel } from '../../../shared/ui/notice-panel/notice-panel.ts';

/** The practice dashboard's home, saying honestly that there is nothing to show yet. */
@Component({
  selector: 'app-practice-dashboard-page',
  imports: [RouterLink, MatButtonModule, NoticePanel],
  template: `
    <div class="page">
      <app-notice-panel
        icon="monitoring"
        heading="Practice dashboard"
        message="Coming next: volumes, positive-block and conversion rates, and follow-up completion, aggregate and de-identified. There are no figures to show yet."
        [headingLevel]="1"
      >
        <a mat-stroked-button routerLink="/">Go to the home page</a>
      </app-notice-panel>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PracticeDashboardPage {}
