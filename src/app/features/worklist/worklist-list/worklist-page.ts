import { DatePipe } from '../../../shared/format/format-pipes.ts';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  InjectionToken,
  type OnInit,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import type { PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import { type Region, REGIONS, type WorklistRow } from '@domain';
import { NoticePanel } from '../../../shared/ui/notice-panel/notice-panel.ts';
import { WorklistStore, type WorklistSectionKey } from '../data/worklist-store.ts';
import { WorklistTable } from '../ui/worklist-table/worklist-table.ts';

/** Where a row's entry screen is: the follow-up form, the booking's baseline, or the procedure's diary. */
export function entryLink(row: WorklistRow): string[] {
  if (row.kind === 'follow-up') return ['/worklist', 'follow-ups', row.followUpId!];
  if (row.kind === 'procedure') return ['/worklist', 'planned', row.plannedProcedureId!];
  return ['/procedures', row.procedureId!, 'diary'];
}

/** How often an open worklist refreshes itself (patients' own diary scores arrive live; issue 15). */
export const WORKLIST_REFRESH_MS = new InjectionToken<number>('WORKLIST_REFRESH_MS', {
  factory: () => 30_000,
});

/** The nurse's landing page (issue 12): Overdue, Due today, Upcoming (7 days), each with its count. */
@Component({
  selector: 'app-worklist-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    NoticePanel,
    WorklistTable,
  ],
  templateUrl: './worklist-page.html',
  styleUrl: './worklist-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorklistPage implements OnInit {
  protected readonly store = inject(WorklistStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly regions = REGIONS;
  protected readonly sections: { key: WorklistSectionKey; heading: string; showTime: boolean }[] = [
    { key: 'overdue', heading: 'Overdue', showTime: false },
    { key: 'dueToday', heading: 'Due today', showTime: true },
    { key: 'upcoming', heading: 'Upcoming (7 days)', showTime: false },
  ];

  constructor() {
    const timer = setInterval(() => void this.store.refresh(), inject(WORKLIST_REFRESH_MS));
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  async ngOnInit(): Promise<void> {
    // Back from an entry screen after saving: the row that followed the saved one takes the focus.
    const done = this.route.snapshot.queryParamMap.get('done');
    const next = done ? this.store.nextAfter(done) : null;
    await this.store.load();
    const target = next ?? this.store.rows()[0]?.key;
    if (done && target) {
      setTimeout(() =>
        this.host.nativeElement
          .querySelector<HTMLElement>(`[data-key="${CSS.escape(target)}"]`)
          ?.focus(),
      );
    }
  }

  protected open(row: WorklistRow): void {
    void this.router.navigate(entryLink(row));
  }

  protected filter(providerId: string | null, region: Region | null): void {
    void this.store.filter(providerId, region);
  }

  protected showPage(section: WorklistSectionKey, event: PageEvent): void {
    void this.store.showPage(section, event.pageIndex + 1, event.pageSize);
  }
}
