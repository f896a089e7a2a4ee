import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { NoticePanel } from '../../../shared/ui/notice-panel/notice-panel.ts';

/** 403: the page exists but this role may not use it. */
@Component({
  selector: 'app-forbidden-page',
  imports: [RouterLink, MatButtonModule, NoticePanel],
  template: `
    <div class="page">
      <app-notice-panel
        icon="lock"
        heading="You do not have access to this page"
        message="Your role does not include this page. Ask an administrator if you need it for your work."
        [headingLevel]="1"
      >
        <a mat-flat-button routerLink="/">Go to the home page</a>
      </app-notice-panel>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForbiddenPage {}
