import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';

/** One file the user may download: a GET the session cookie authorises, saved by the browser. */
export interface DownloadLink {
  readonly label: string;
  readonly href: string;
  readonly icon: string;
  /** Said to screen readers after the label (which stays first, as WCAG 2.5.3 wants): what the file holds and its format. */
  readonly description: string;
}

/**
 * A row of download buttons (exports: FHIR, CSV). Plain links with `download`, so the browser
 * streams the file to disk and nothing large passes through the app's memory.
 */
@Component({
  selector: 'app-download-links',
  imports: [MatButtonModule, MatIconModule],
  template: `
    @if (links().length) {
      <nav class="downloads" [attr.aria-label]="label()">
        @for (link of links(); track link.href) {
          <a
            mat-stroked-button
            [href]="link.href"
            download
            [attr.aria-label]="link.label + ': ' + link.description"
          >
            <mat-icon aria-hidden="true">{{ link.icon }}</mat-icon>
            {{ link.label }}
          </a>
        }
      </nav>
    }
  `,
  styles: `
    .downloads {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 8px 0 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DownloadLinks {
  readonly links = input.required<readonly DownloadLink[]>();
  readonly label = input('Downloads');
}
