import { DatePipe, TitleCasePipe, UpperCasePipe } from '../../../shared/format/format-pipes.ts';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { type EpisodeReport, type PainScoreView, PROCEDURE_LABELS, THERAPY_LABELS } from '@domain';
import { NoticePanel } from '../../../shared/ui/notice-panel/notice-panel.ts';
import { PayerCheckList } from '../../../shared/ui/payer-checks/payer-check-list.ts';
import { EpisodeReportStore } from '../data/episode-report-store.ts';
import { BlockComparison, diagnosticPair } from '../ui/block-comparison/block-comparison.ts';
import { ProcedureSummary } from '../ui/procedure-summary/procedure-summary.ts';
import {
  INTENT_LABELS,
  percentText,
  reliefDurationText,
  SIDE_LABELS,
} from '../ui/procedure-labels.ts';
import { scoreCells, scoreColumns } from '../ui/score-cells.ts';
import { VerdictChip } from '../ui/verdict-chip/verdict-chip.ts';

import { DOCUMENT } from '@angular/common';
import type { ThresholdSettings } from '../data/procedure-store.ts';
import { ReliefChart } from '../ui/relief-chart/relief-chart.ts';
import { printMarginsCss } from './print-margins.ts';

type ReportBlock = EpisodeReport['blocks'][number];

/**
 * The payer documentation report of an episode, laid out to print on one to three pages: patient and
 * episode, conservative care against the rule set, function scores, each procedure with its diary and
 * reading, the payer-rule checks with their evidence, the next step and the signing physician.
 */
@Component({
  selector: 'app-documentation-report-page',
  imports: [
    DatePipe,
    TitleCasePipe,
    UpperCasePipe,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    NoticePanel,
    PayerCheckList,
    BlockComparison,
    ProcedureSummary,
    VerdictChip,
    ReliefChart,
  ],
  templateUrl: './documentation-report-page.html',
  styleUrl: './documentation-report-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentationReportPage {
  /** From the route: /episodes/:episodeId/report. */
  readonly episodeId = input.required<string>();

  protected readonly store = inject(EpisodeReportStore);
  protected readonly kindLabels = PROCEDURE_LABELS;
  protected readonly intentLabels = INTENT_LABELS;
  protected readonly sideLabels = SIDE_LABELS;
  protected readonly therapyLabels = THERAPY_LABELS;
  protected readonly percent = percentText;
  protected readonly duration = reliefDurationText;

  /** Block 1 and block 2, for the side-by-side comparison. */
  protected readonly blockPair = computed(() => {
    const report = this.store.report();
    if (!report) return [];
    return diagnosticPair(
      report.blocks.map((b) => b.procedure),
      Object.fromEntries(report.blocks.map((b) => [b.procedure.id, b.assessment])),
    );
  });
  /** The latest signed interpretation: the physician who signs the report. */
  protected readonly signature = computed(() => {
    const signed = (this.store.report()?.blocks ?? []).flatMap((b) =>
      b.procedure.interpretation ? [b.procedure.interpretation] : [],
    );
    return signed.sort((a, b) => a.signedAt.localeCompare(b.signedAt)).at(-1) ?? null;
  });

  /** Each block's threshold, as the diary chart draws it (one object per block, not per render). */
  protected readonly thresholds = computed(
    () =>
      new Map<string, ThresholdSettings>(
        (this.store.report()?.blocks ?? []).map((b) => [
          b.procedure.id,
          {
            positiveThresholdPercent: b.assessment.threshold.percent,
            thresholdExclusive: b.assessment.threshold.exclusive,
          },
        ]),
      ),
  );

  constructor() {
    effect(() => {
      const id = this.episodeId();
      untracked(() => void this.store.load(id));
    });
    // The running header and footer carry this patient on every printed page (print-margins.ts).
    const document = inject(DOCUMENT);
    const sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    effect(() => {
      const report = this.store.report();
      sheet.replaceSync(
        report ? printMarginsCss(report.patient, 'Facet joint intervention documentation') : '',
      );
    });
    inject(DestroyRef).onDestroy(() => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    });
  }

  protected diaryColumns(block: ReportBlock): string[] {
    return scoreColumns(block.procedure.side === 'bilateral');
  }

  protected diaryCells(score: PainScoreView, block: ReportBlock): string[] {
    return scoreCells(score, block.procedure.side === 'bilateral');
  }

  protected print(): void {
    globalThis.print();
  }

  protected reload(): void {
    void this.store.load(this.episodeId());
  }
}
