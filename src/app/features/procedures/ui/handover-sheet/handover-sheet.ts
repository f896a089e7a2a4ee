import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import QRCode from 'qrcode';
import { DiaryI18n, type DiaryLang } from '../../../../shared/i18n/diary-i18n.ts';

/**
 * The one-page handover sheet (issue 15): the diary's address and QR code, the patient's first name,
 * the time points with clock times and domain.md section 2's instructions, in English or Spanish.
 * Printing shows only this sheet (the print rules are in the global stylesheet under .handover-sheet).
 */
@Component({
  selector: 'app-handover-sheet',
  imports: [MatButtonModule, MatIconModule],
  providers: [DiaryI18n],
  template: `
    <div class="controls" role="group" [attr.aria-label]="i18n.t().chooseLanguage">
      @for (l of i18n.langs; track l.code) {
        <button
          mat-stroked-button
          type="button"
          [attr.lang]="l.code"
          [attr.aria-pressed]="i18n.lang() === l.code"
          (click)="setLang(l.code)"
        >
          {{ l.name }}
        </button>
      }
      <button mat-flat-button type="button" (click)="print()">
        <mat-icon aria-hidden="true">print</mat-icon>Print sheet
      </button>
    </div>
    <article class="handover-sheet" [attr.lang]="i18n.lang()">
      <h2>{{ i18n.t().sheetTitle(firstName()) }}</h2>
      <p>{{ i18n.t().procedureOn(i18n.dateTime(performedAt())) }}</p>
      <div class="link">
        @if (qr(); as src) {
          <img [src]="src" width="180" height="180" [alt]="'QR: ' + url()" />
        }
        <div>
          <p>{{ i18n.t().sheetScan }}</p>
          <p class="url">{{ url() }}</p>
        </div>
      </div>
      <h3>{{ i18n.t().instructionsTitle }}</h3>
      <ul>
        @for (line of i18n.t().instructions; track $index) {
          <li>{{ line }}</li>
        }
      </ul>
      <h3>{{ i18n.t().sheetTimes }}</h3>
      <ol class="times">
        @for (p of points(); track p.minutes) {
          <li>
            <span class="clock">{{ i18n.dateTime(p.at) }}</span> ({{
              i18n.t().pointLabel(p.minutes)
            }}) ☐
          </li>
        }
      </ol>
      <p class="small">{{ i18n.t().sheetExpires(i18n.dateTime(expiresAt())) }}</p>
    </article>
  `,
  styles: `
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-bottom: 12px;
    }
    .handover-sheet {
      border: 1px solid var(--mat-sys-outline-variant);
      padding: 16px;
      background: #fff;
      color: #000;
      max-width: 720px;
    }
    .link {
      display: flex;
      gap: 16px;
      align-items: center;
      flex-wrap: wrap;
    }
    .url {
      font-family: monospace;
      word-break: break-all;
      font-size: 14px;
    }
    .times {
      columns: 2;
      font-size: 13px;
      margin: 0;
    }
    .small {
      font-size: 12px;
    }
    h2 {
      margin-top: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HandoverSheet {
  readonly url = input.required<string>();
  readonly firstName = input.required<string>();
  readonly performedAt = input.required<string>();
  readonly expiresAt = input.required<string>();
  /** The diary's time points after the block, in minutes. */
  readonly minutes = input.required<readonly number[]>();

  protected readonly i18n = inject(DiaryI18n);
  protected readonly qr = signal<string | null>(null);
  protected readonly points = computed(() => {
    const start = new Date(this.performedAt()).getTime();
    return this.minutes()
      .filter((m) => m > 0)
      .map((minutes) => ({ minutes, at: new Date(start + minutes * 60_000).toISOString() }));
  });

  constructor() {
    effect(() => {
      const url = this.url();
      // Generated in the browser: the token never goes to a third party.
      void QRCode.toDataURL(url, { margin: 1, width: 180, errorCorrectionLevel: 'M' }).then((src) =>
        this.qr.set(src),
      );
    });
  }

  protected setLang(lang: DiaryLang): void {
    this.i18n.lang.set(lang);
  }

  protected print(): void {
    window.print();
  }
}
