import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/**
 * A centred icon, heading and message, with projected actions: empty lists, failed loads,
 * the message page (not found, no access).
 */
@Component({
  selector: 'app-notice-panel',
  imports: [MatIconModule],
  template: `
    <section class="notice" [class.notice-error]="tone() === 'error'">
      <mat-icon aria-hidden="true">{{ icon() }}</mat-icon>
      @switch (headingLevel()) {
        @case (1) {
          <h1>{{ heading() }}</h1>
        }
        @default {
          <h2>{{ heading() }}</h2>
        }
      }
      @if (message()) {
        <p>{{ message() }}</p>
      }
      <ng-content />
    </section>
  `,
  styles: `
    .notice {
      display: flex;
      flex-direction: column;
      align-items: center;
      text-align: center;
      gap: 8px;
      padding: 32px 16px;
      color: var(--mat-sys-on-surface-variant);
    }
    mat-icon {
      font-size: 48px;
      width: 48px;
      height: 48px;
    }
    h1,
    h2 {
      margin: 0;
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-title-large);
    }
    p {
      margin: 0;
      font: var(--mat-sys-body-large);
    }
    .notice-error mat-icon,
    .notice-error h2 {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NoticePanel {
  /** A Material Symbols name. */
  readonly icon = input('info');
  readonly heading = input.required<string>();
  readonly message = input<string | null>(null);
  /** 1 when the panel is the whole page, 2 inside a page that has its own h1. */
  readonly headingLevel = input<1 | 2>(2);
  readonly tone = input<'neutral' | 'error'>('neutral');
}
