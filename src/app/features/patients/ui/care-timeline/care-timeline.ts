import { DatePipe } from '../../../../shared/format/format-pipes.ts';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { DistanceUnit } from '../../data/distance-unit-store.ts';
import { dayText, type TimelineEntry, timelineEntries } from './timeline-entries.ts';
import type { EpisodeRecord, PainTimeline } from '@domain';

/** The episode's timeline, newest first; corrected entries stay, struck through, with who, when and why. */
@Component({
  selector: 'app-care-timeline',
  imports: [DatePipe, MatButtonModule, MatIconModule, RouterLink],
  template: `
    <ol class="timeline" aria-label="Timeline, newest first">
      @for (entry of entries(); track entry.key) {
        <li class="entry" [class.in-error]="entry.enteredInError">
          <mat-icon class="marker" aria-hidden="true">{{ entry.icon }}</mat-icon>
          <div class="body">
            <div class="when">{{ dayText(entry.on) }}</div>
            <div class="content">
              <h3 class="title">
                @if (entry.enteredInError) {
                  <span class="visually-hidden">Entered in error: </span>
                }
                @if (entry.link) {
                  <a [routerLink]="entry.link">{{ entry.title }}</a>
                } @else {
                  {{ entry.title }}
                }
              </h3>
              @for (detail of entry.details; track $index) {
                <p class="detail">{{ detail }}</p>
              }
            </div>
            @if (entry.byName) {
              <p class="by">
                Recorded by {{ entry.byName }}, {{ entry.recordedAt | date: 'd MMM y, HH:mm' }}
              </p>
            }
            @if (entry.enteredInError; as mark) {
              <p class="error-mark">
                <mat-icon aria-hidden="true">report</mat-icon>
                Entered in error by {{ mark.byName }}, {{ mark.at | date: 'd MMM y, HH:mm' }}:
                {{ mark.reason }}
              </p>
            } @else if (entry.correction) {
              <button
                mat-button
                type="button"
                class="mark-button"
                [attr.aria-label]="'Mark ' + entry.title + ' entered in error'"
                (click)="markInError.emit(entry)"
              >
                <mat-icon>edit_off</mat-icon>
                Entered in error
              </button>
            }
          </div>
        </li>
      } @empty {
        <li class="empty">Nothing recorded yet.</li>
      }
    </ol>
  `,
  styles: `
    .timeline {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .entry {
      display: flex;
      gap: 12px;
      position: relative;
      padding-bottom: 16px;
    }
    // The vertical line joining the markers.
    .entry:not(:last-child)::before {
      content: '';
      position: absolute;
      left: 19px;
      top: 40px;
      bottom: 0;
      border-left: 2px solid var(--mat-sys-outline-variant);
    }
    .marker {
      flex: none;
      box-sizing: content-box;
      padding: 8px;
      border-radius: 50%;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .body {
      flex: 1;
      min-width: 0;
    }
    .when {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
      padding-top: 10px;
    }
    .title {
      margin: 2px 0;
      font: var(--mat-sys-title-small);
    }
    .detail,
    .by,
    .error-mark {
      margin: 0;
      font: var(--mat-sys-body-medium);
    }
    .by {
      color: var(--mat-sys-on-surface-variant);
    }
    .in-error .content {
      text-decoration: line-through;
      color: var(--mat-sys-on-surface-variant);
    }
    .error-mark {
      display: flex;
      align-items: flex-start;
      gap: 4px;
      color: var(--mat-sys-error);
    }
    .error-mark mat-icon {
      flex: none;
    }
    .mark-button {
      min-height: 44px;
      margin-left: -12px;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CareTimeline {
  readonly record = input.required<EpisodeRecord>();
  readonly unit = input.required<DistanceUnit>();
  /** The episode's procedures (from its pain timeline), shown among the care they follow. */
  readonly procedures = input<PainTimeline['procedures']>([]);
  /** The user asked to mark an entry entered in error (the page confirms and asks for the reason). */
  readonly markInError = output<TimelineEntry>();

  protected readonly entries = computed(() =>
    timelineEntries(this.record(), this.unit(), this.procedures()),
  );
  protected readonly dayText = dayText;
}
