import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/** The amber strip that says the data is sample data (demo mode only). */
@Component({
  selector: 'app-demo-banner',
  imports: [MatIconModule],
  template: `
    <div class="demo-banner" role="status">
      <mat-icon aria-hidden="true">science</mat-icon>
      <span>Demo mode — sample data, not for patient care</span>
    </div>
  `,
  styles: `
    .demo-banner {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 8px;
      padding: 6px 16px;
      // Amber with near-black text: contrast ratio above 10:1.
      background: #ffca28;
      color: #1f1b00;
      font: var(--mat-sys-label-large);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DemoBanner {}
