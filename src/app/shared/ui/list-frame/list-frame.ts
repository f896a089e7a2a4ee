import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  output,
  type Signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { NoticePanel } from '../notice-panel/notice-panel.ts';

/** Which page of a server-side list is shown (1-based). */
export interface ListPage {
  page: number;
  pageSize: number;
}

/** A paged list as a store holds it (core/data/paged-list.ts): bound to the frame in one input. */
export interface PagedListSource {
  readonly loading: Signal<boolean>;
  readonly loadError: Signal<string | null>;
  readonly items: Signal<readonly unknown[]>;
  readonly total: Signal<number>;
  readonly query: Signal<ListPage>;
  reload(): void;
  showPage(page: number, pageSize: number): void;
}

/**
 * What every list page shows around its table, written once: a progress bar while loading, a
 * failed load with "Try again", the empty notice (projected with the `empty` attribute), the table
 * (default content) and, when `total` is given, a paginator. A paged store binds all of it at once
 * with `[list]="store"`; a list without pages binds `loading`, `loadError` and `empty` one by one.
 */
@Component({
  selector: 'app-list-frame',
  imports: [MatButtonModule, MatPaginatorModule, MatProgressBarModule, NoticePanel],
  template: `
    <div class="progress-slot">
      @if (isLoading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'Loading ' + noun()" />
      }
    </div>
    @if (error(); as error) {
      <app-notice-panel icon="error" [heading]="errorHeading()" [message]="error" tone="error">
        <button mat-stroked-button type="button" (click)="retryLoad()">Try again</button>
      </app-notice-panel>
    } @else if (!isLoading() && isEmpty()) {
      <ng-content select="[empty]" />
    } @else {
      <ng-content />
      @if (pageTotal() !== null) {
        <mat-paginator
          [length]="pageTotal()"
          [pageIndex]="currentPage().page - 1"
          [pageSize]="currentPage().pageSize"
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
  /** A paged store; when given, the inputs below are read from it. */
  readonly list = input<PagedListSource | null>(null);
  readonly loading = input(false);
  /** Why the list could not be loaded, or null. */
  readonly loadError = input<string | null>(null);
  /** True when the list loaded with nothing in it. */
  readonly empty = input(false);
  /** All matching rows on the server; null for a list without pages. */
  readonly total = input<number | null>(null);
  readonly page = input<ListPage>({ page: 1, pageSize: 25 });
  readonly pageSizeOptions = input<number[]>([10, 25, 50, 100]);

  /** The user asked to load the list again after a failure. */
  readonly retry = output<void>();
  /** The user chose another page or page size. */
  readonly pageChange = output<ListPage>();

  protected readonly isLoading = computed(() => this.list()?.loading() ?? this.loading());
  protected readonly error = computed(() => {
    const list = this.list();
    return list ? list.loadError() : this.loadError();
  });
  protected readonly isEmpty = computed(() => {
    const list = this.list();
    return list ? list.items().length === 0 : this.empty();
  });
  protected readonly pageTotal = computed(() => {
    const list = this.list();
    return list ? list.total() : this.total();
  });
  protected readonly currentPage = computed(() => this.list()?.query() ?? this.page());

  protected retryLoad(): void {
    this.list()?.reload();
    this.retry.emit();
  }

  protected showPage(event: PageEvent): void {
    const page = { page: event.pageIndex + 1, pageSize: event.pageSize };
    this.list()?.showPage(page.page, page.pageSize);
    this.pageChange.emit(page);
  }
}
