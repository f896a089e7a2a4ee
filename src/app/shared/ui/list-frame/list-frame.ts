import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { NoticePanel } from '../notice-panel/notice-panel.ts';

/** Which page of a server-side list is shown (1-based). */
export interface ListPage {
  page: number;
  pageSize: number;
}

/**
 * What every list page shows around its table, written once: a progress bar while loading, a
 * failed load with "Try again", the empty notice (projected with the `empty` attribute), the table
 * (default content) and, when `total` is given, a paginator.
 */
@Component({
  selector: 'app-list-frame',
  imports: [MatButtonModule, MatPaginatorModule, MatProgressBarModule, NoticePanel],
  template: `
    <div class="progress-slot">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'Loading ' + noun()" />
      }
    </div>
    @if (loadError(); as error) {
      <app-notice-panel icon="error" [heading]="errorHeading()" [message]="error" tone="error">
        <button mat-stroked-button type="button" (click)="retry.emit()">Try again</button>
      </app-notice-panel>
    } @else if (!loading() && empty()) {
      <ng-content select="[empty]" />
    } @else {
      <ng-content />
      @if (total() !== null) {
        <mat-paginator
          [length]="total()"
          [pageIndex]="page().page - 1"
          [pageSize]="page().pageSize"
          [pageSizeOptions]="pageSizeOptions()"
          [attr.aria-label]="'Pages of ' + noun()"
          (page)="showPage($event)"
        />
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .progress-slot {
      height: 4px;
      margin: 8px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListFrame {
  /** What the list holds, in the plural ("patients"), for the progress bar's and paginator's labels. */
  readonly noun = input.required<string>();
  /** "The patient list could not be loaded". */
  readonly errorHeading = input.required<string>();
  readonly loading = input.required<boolean>();
  /** Why the list could not be loaded, or null. */
  readonly loadError = input.required<string | null>();
  /** True when the list loaded with nothing in it. */
  readonly empty = input.required<boolean>();
  /** All matching rows on the server; null for a list without pages. */
  readonly total = input<number | null>(null);
  readonly page = input<ListPage>({ page: 1, pageSize: 25 });
  readonly pageSizeOptions = input<number[]>([10, 25, 50, 100]);

  /** The user asked to load the list again after a failure. */
  readonly retry = output<void>();
  /** The user chose another page or page size. */
  readonly pageChange = output<ListPage>();

  protected showPage(event: PageEvent): void {
    this.pageChange.emit({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }
}
