import { LowerCasePipe, TitleCasePipe } from '../../../shared/format/format-pipes.ts';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { SessionStore } from '../../../core/session-store.ts';
import { NoticePanel } from '../../../shared/ui/notice-panel/notice-panel.ts';
import { ListFrame } from '../../../shared/ui/list-frame/list-frame.ts';
import { StageChip } from '../../../shared/ui/stage-chip/stage-chip.ts';
import { EpisodeProceduresStore } from '../data/episode-procedures-store.ts';
import { SIDE_LABELS } from '../ui/procedure-labels.ts';
import { BlockComparison, diagnosticPair } from '../ui/block-comparison/block-comparison.ts';
import { ProcedureTable } from '../ui/procedure-table/procedure-table.ts';

/** An episode's procedures: what was done, each verdict, and (physicians) recording a new one. */
@Component({
  selector: 'app-procedure-list-page',
  imports: [
    LowerCasePipe,
    TitleCasePipe,
    MatButtonModule,
    MatIconModule,
    RouterLink,
    NoticePanel,
    ListFrame,
    StageChip,
    ProcedureTable,
    BlockComparison,
  ],
  templateUrl: './procedure-list-page.html',
  styleUrl: './procedure-list-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProcedureListPage {
  /** From the route: /episodes/:episodeId/procedures. */
  readonly episodeId = input.required<string>();

  protected readonly store = inject(EpisodeProceduresStore);
  protected readonly session = inject(SessionStore);
  protected readonly sideLabels = SIDE_LABELS;
  /** Block 1 and block 2 of the episode, for the side-by-side card. */
  protected readonly blockPair = computed(() =>
    diagnosticPair(this.store.procedures(), this.store.assessments()),
  );

  constructor() {
    effect(() => {
      const id = this.episodeId();
      untracked(() => void this.store.load(id));
    });
  }

  protected reload(): void {
    void this.store.load(this.episodeId());
  }
}
