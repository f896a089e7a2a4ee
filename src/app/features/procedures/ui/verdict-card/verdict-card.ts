import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { AssessmentView } from '@domain';
import type { ThresholdSettings } from '../../data/procedure-store.ts';
import {
  CONTEXT_LABELS,
  percentText,
  reliefDurationText,
  SIDE_LABELS,
  thresholdText,
  VERDICT_DISPLAY,
} from '../procedure-labels.ts';
import { VerdictChip } from '../verdict-chip/verdict-chip.ts';

/**
 * The block's verdict under its rule set: the verdict in words, peak relief beside the patient's own
 * figure, how long relief lasted, the reasons, sedation and comparative readings, and per-series results.
 */
@Component({
  selector: 'app-verdict-card',
  imports: [MatCardModule, MatIconModule, RouterLink, VerdictChip],
  templateUrl: './verdict-card.html',
  styleUrl: './verdict-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VerdictCard {
  readonly assessment = input.required<AssessmentView>();
  /** The rule set's threshold, when known. */
  readonly threshold = input<ThresholdSettings | null>(null);

  protected readonly meaning = computed(() => VERDICT_DISPLAY[this.assessment().verdict].meaning);
  protected readonly thresholdLabel = computed(() => {
    // The assessment carries the threshold it was read against (domain thresholdLabel).
    const threshold = this.threshold();
    return `positive at ${threshold ? thresholdText(threshold) : this.assessment().threshold.label} relief`;
  });
  protected readonly primaryLabel = computed(() => {
    const primary = this.assessment().primary;
    return primary ? this.seriesLabel(primary).toLowerCase() : null;
  });
  protected readonly percent = percentText;

  protected readonly duration = reliefDurationText;

  protected sideLabel(side: 'left' | 'right'): string {
    return SIDE_LABELS[side];
  }

  protected seriesLabel(series: {
    context: 'rest' | 'activity';
    side: 'left' | 'right' | null;
  }): string {
    return `${CONTEXT_LABELS[series.context]}${series.side ? `, ${SIDE_LABELS[series.side].toLowerCase()}` : ''}`;
  }
}
