import { formatDate } from '../../../../shared/format/date-format.ts';
import { ChangeDetectionStrategy, Component, computed, input, linkedSignal } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type PainTimeline } from '@domain';
import { ChartFigure } from '../../../../shared/ui/chart/chart-figure.ts';
import { NoticePanel } from '../../../../shared/ui/notice-panel/notice-panel.ts';
import {
  type DateWindow,
  painTimelineConfig,
  painTimelineDescription,
  painTimelineTable,
  presetWindow,
  type TimelinePreset,
} from './pain-timeline-config.ts';
import { blockPanels } from './block-panels-config.ts';
import { timelineReferenceKey } from './reference-key.ts';
import { formatDateText, parseDateText } from '../../../../shared/forms/date-text.ts';
import { todayLocal } from '../../../../shared/format/date-format.ts';

/** The episode's pain over months, zoomable to a date range, with the values as a table. */
@Component({
  selector: 'app-pain-timeline-chart',
  imports: [MatButtonToggleModule, MatFormFieldModule, MatInputModule, ChartFigure, NoticePanel],
  template: `
    @if (timeline().scores.length === 0) {
      <app-notice-panel
        icon="show_chart"
        heading="No pain scores yet"
        message="Scores from each procedure's pain diary appear here over the months of the episode."
      />
    } @else {
      <div class="zoom" role="group" aria-label="Dates shown">
        <mat-button-toggle-group
          aria-label="Preset range"
          hideSingleSelectionIndicator
          [value]="preset()"
          (change)="choose($event.value)"
        >
          <mat-button-toggle value="episode">Whole episode</mat-button-toggle>
          <mat-button-toggle value="last-90-days">Last 90 days</mat-button-toggle>
          <mat-button-toggle value="around-blocks" [disabled]="!timeline().procedures.length"
            >Around blocks</mat-button-toggle
          >
        </mat-button-toggle-group>
        @if (preset() !== 'around-blocks') {
          <div class="dates">
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>From</mat-label>
              <input
                matInput
                [value]="dateText(window().from)"
                placeholder="DD/MM/YYYY"
                inputmode="numeric"
                autocomplete="off"
                (change)="setFrom($event)"
              />
            </mat-form-field>
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>To</mat-label>
              <input
                matInput
                [value]="dateText(window().to)"
                placeholder="DD/MM/YYYY"
                inputmode="numeric"
                autocomplete="off"
                (change)="setTo($event)"
              />
            </mat-form-field>
          </div>
        }
      </div>
      @if (preset() === 'around-blocks') {
        <p class="panels-note">
          Each block on its own time scale: the first hours and the days after, spaced by a log
          scale.
        </p>
        <div class="panels">
          @for (panel of panels(); track panel.id) {
            <app-chart-figure
              class="block-chart"
              [caption]="panel.caption"
              [description]="panel.description"
              [config]="panel.config"
              [table]="panel.table"
              [tableOpen]="false"
            />
          } @empty {
            <p>No diary scores around the blocks yet.</p>
          }
        </div>
      } @else {
        <app-chart-figure
          class="timeline-chart"
          caption="Pain timeline: NRS over the episode, with procedures and stages"
          [description]="description()"
          [config]="config()"
          [table]="table()"
          [tableOpen]="false"
        />
      }
      @if (referenceKey().length) {
        <ul class="reference-key" aria-label="Reference lines">
          @for (entry of referenceKey(); track entry.id) {
            <li>
              <svg width="32" height="12" aria-hidden="true" focusable="false">
                @if (entry.band) {
                  <rect
                    x="1"
                    y="1"
                    width="30"
                    height="10"
                    class="band"
                    [attr.stroke]="entry.color"
                  />
                } @else {
                  <line
                    x1="0"
                    y1="6"
                    x2="32"
                    y2="6"
                    stroke-width="2"
                    [attr.stroke]="entry.color"
                    [attr.stroke-dasharray]="entry.dash"
                  />
                }
              </svg>
              {{ entry.text }}
            </li>
          }
        </ul>
      }
    }
    @if (blockVerdicts().length) {
      <h3 class="verdicts-title">Block verdicts, each side</h3>
      <ul class="verdicts" aria-label="Block verdicts per side">
        @for (p of blockVerdicts(); track p.id) {
          <li>
            <strong>{{ p.label }}</strong> ({{ dayText(p.performedAt) }}): {{ p.sideSummary }}
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .zoom {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px 24px;
      margin-bottom: 12px;
    }
    mat-button-toggle-group {
      --mat-button-toggle-height: 44px;
    }
    .dates {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
    }
    .dates mat-form-field {
      width: 170px;
    }
    .timeline-chart {
      --chart-height: 380px;
    }
    .panels {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(420px, 1fr));
      gap: 16px 24px;
    }
    .block-chart {
      --chart-height: 300px;
    }
    .panels-note {
      margin: 0 0 8px;
      font: var(--mat-sys-body-medium);
    }
    .reference-key {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 20px;
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
      font: var(--mat-sys-body-medium);
    }
    .reference-key li {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .reference-key .band {
      fill: rgba(91, 62, 150, 0.14);
      stroke-dasharray: 1 2;
    }
    .verdicts {
      margin: 4px 0 0;
      padding-left: 20px;
      font: var(--mat-sys-body-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PainTimelineChart {
  readonly timeline = input.required<PainTimeline>();
  /** Today (YYYY-MM-DD), for the presets; specs pin it. */
  readonly today = input(todayLocal());

  /** The preset shown; null once the user typed dates of their own. Resets with a new episode. */
  protected readonly preset = linkedSignal<PainTimeline, TimelinePreset | null>({
    source: this.timeline,
    computation: (timeline, previous) =>
      previous && previous.source.episode.id === timeline.episode.id ? previous.value : 'episode',
  });
  protected readonly window = linkedSignal<
    { timeline: PainTimeline; preset: TimelinePreset | null },
    DateWindow
  >({
    source: () => ({ timeline: this.timeline(), preset: this.preset() }),
    computation: ({ timeline, preset }, previous) =>
      preset
        ? presetWindow(timeline, preset, this.today())
        : (previous?.value ?? presetWindow(timeline, 'episode', this.today())),
  });

  protected readonly config = computed(() => painTimelineConfig(this.timeline(), this.window()));
  protected readonly table = computed(() => painTimelineTable(this.timeline()));
  protected readonly panels = computed(() => blockPanels(this.timeline()));
  /** The key to the lines drawn: the block panels draw no meaningful-change band. */
  protected readonly referenceKey = computed(() =>
    timelineReferenceKey(this.timeline()).filter(
      (entry) => this.preset() !== 'around-blocks' || !entry.band,
    ),
  );
  protected readonly description = computed(() => painTimelineDescription(this.timeline()));
  /** Diagnostic blocks with a verdict per side in words (left and right are rated separately). */
  protected readonly blockVerdicts = computed(() =>
    this.timeline().procedures.filter((p) => p.intent === 'diagnostic' && p.sideSummary),
  );

  protected choose(preset: TimelinePreset): void {
    this.preset.set(preset);
  }

  /** Dates typed and shown day first, as everywhere (shared/forms/date-text.ts). */
  protected readonly dateText = formatDateText;
  /** "2 Nov 2026", in the practice's day-first style. */
  protected readonly dayText = (iso: string) => formatDate(iso, 'd MMM y');

  protected setFrom(event: Event): void {
    const from = parseDateText((event.target as HTMLInputElement).value) ?? '';
    if (from && from <= this.window().to) this.custom({ ...this.window(), from });
  }

  protected setTo(event: Event): void {
    const to = parseDateText((event.target as HTMLInputElement).value) ?? '';
    if (to && to >= this.window().from) this.custom({ ...this.window(), to });
  }

  private custom(window: DateWindow): void {
    this.preset.set(null);
    this.window.set(window);
  }
}
