import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { NoticePanel } from '../../../shared/ui/notice-panel/notice-panel.ts';

/** 404: the address matches no page. */
@Component({
  selector: 'app-not-found-page',
  imports: [RouterLink, MatButtonModule, NoticePanel],
  template: `
    <div class="page">
      <app-notice-panel
        icon="travel_explore"
        heading="Page not found"
        message="There is no page at this address. It may have moved, or the link may be mistyped."
        [headingLevel]="1"
      >
        <a mat-flat-button routerLink="/">Go to the home page</a>
      </app-notice-panel>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}
