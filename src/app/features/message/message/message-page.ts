import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { NoticePanel } from '../../../shared/ui/notice-panel/notice-panel.ts';

/** A full-page message with a way home; its words come from the route's data (see message.routes.ts). */
@Component({
  selector: 'app-message-page',
  imports: [RouterLink, MatButtonModule, NoticePanel],
  template: `
    <div class="page">
      <app-notice-panel
        [icon]="icon()"
        [heading]="heading()"
        [message]="message()"
        [headingLevel]="1"
      >
        <a mat-flat-button routerLink="/">Go to the home page</a>
      </app-notice-panel>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MessagePage {
  /** Material Symbols name. */
  readonly icon = input.required<string>();
  readonly heading = input.required<string>();
  readonly message = input.required<string>();
}
