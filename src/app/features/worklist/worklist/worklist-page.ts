import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { NoticePanel } from '../../../shared/ui/notice-panel/notice-panel.ts';

/** The worklist's home, saying honestly what exists today and where to find it meanwhile. */
@Component({
  selector: 'app-worklist-page',
  imports: [RouterLink, MatButtonModule, NoticePanel],
  template: `
    <div class="page">
      <app-notice-panel
        icon="event_note"
        heading="Worklist"
        message="Coming next: today's procedures, pain diaries and follow-up calls due, with what is overdue. Until then, each patient's record shows their episode, procedures and diary."
        [headingLevel]="1"
      >
        <a mat-flat-button routerLink="/patients">Open patients</a>
      </app-notice-panel>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorklistPage {}
