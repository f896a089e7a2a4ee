import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { EpisodeView } from '@domain';
import { StageChip } from '../../../../shared/ui/stage-chip/stage-chip.ts';
import { REGION_LABELS, SIDE_LABELS } from '../care-labels.ts';
import { dayText } from '../care-timeline/timeline-entries.ts';

/** "Lumbar · bilateral · from 10 Jan 2026": how an episode is named wherever it is listed. */
export function episodeLabel(episode: EpisodeView): string {
  return `${REGION_LABELS[episode.region]} · ${SIDE_LABELS[episode.side]} · from ${dayText(episode.onsetDate)}`;
}

/** Picks which of the patient's episodes (newest first) the page shows, each with its stage chip. */
@Component({
  selector: 'app-episode-switcher',
  imports: [MatFormFieldModule, MatSelectModule, StageChip],
  template: `
    <mat-form-field class="switcher" subscriptSizing="dynamic">
      <mat-label>Episode</mat-label>
      <mat-select [value]="selectedId()" (selectionChange)="selectEpisode.emit($event.value)">
        <mat-select-trigger>
          @if (selected(); as episode) {
            <span class="option"
              >{{ label(episode) }} <app-stage-chip [stage]="episode.stage"
            /></span>
          }
        </mat-select-trigger>
        @for (episode of episodes(); track episode.id) {
          <mat-option [value]="episode.id">
            <span class="option"
              >{{ label(episode) }} <app-stage-chip [stage]="episode.stage"
            /></span>
          </mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
      flex: 1 1 420px;
      max-width: 600px;
    }
    .switcher {
      width: 100%;
    }
    .option {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EpisodeSwitcher {
  readonly episodes = input.required<readonly EpisodeView[]>();
  readonly selectedId = input.required<string | null>();
  readonly selectEpisode = output<string>();

  protected readonly selected = computed(
    () => this.episodes().find((e) => e.id === this.selectedId()) ?? null,
  );
  protected readonly label = episodeLabel;
}
