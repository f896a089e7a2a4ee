import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  output,
} from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { DiaryTimePoint } from '@domain';
import { TIME_POINT_DISPLAY, timePointLabel } from '../procedure-labels.ts';

/**
 * The diary's time points with their status in words and icon (done, due now, overdue, upcoming);
 * picking one chooses the point the next score describes. Upcoming points cannot be picked yet.
 */
@Component({
  selector: 'app-diary-schedule',
  imports: [MatIconModule],
  template: `
    <ul class="points" [attr.aria-label]="label()">
      @for (point of schedule(); track point.minutesAfter) {
        <li>
          <button
            type="button"
            class="point"
            [class]="'status-' + point.status"
            [class.selected]="point.minutesAfter === selected()"
            [attr.aria-pressed]="point.minutesAfter === selected()"
            [disabled]="point.status === 'upcoming'"
            (click)="pick.emit(point.minutesAfter)"
          >
            <span class="time">{{ timeLabel(point.minutesAfter) }}</span>
            <span class="status">
              <mat-icon aria-hidden="true">{{ display[point.status].icon }}</mat-icon>
              {{ display[point.status].label }}
            </span>
          </button>
        </li>
      }
    </ul>
  `,
  styles: `
    /* One strip that scrolls sideways: 28 points in a grid pushed Save below the fold at 1280 x 800. */
    .points {
      list-style: none;
      margin: 0;
      padding: 2px 2px 8px;
      display: flex;
      gap: 6px;
      overflow-x: auto;
      scroll-padding-inline: 48px;
    }
    li {
      flex: 0 0 auto;
    }
    .point {
      min-width: 96px;
      min-height: 48px;
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 2px;
      padding: 4px 10px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-medium);
      text-align: left;
      cursor: pointer;
    }
    .time {
      font: var(--mat-sys-title-small);
    }
    .status {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      font: var(--mat-sys-body-small);
    }
    .status mat-icon {
      font-size: 16px;
      width: 16px;
      height: 16px;
    }
    .status-done {
      background: var(--mat-sys-surface-container);
    }
    .status-due {
      border-color: var(--mat-sys-primary);
    }
    .status-overdue {
      border-color: var(--mat-sys-error);
    }
    .status-overdue .status {
      color: var(--mat-sys-error);
    }
    .point:disabled {
      cursor: default;
      color: var(--mat-sys-on-surface-variant);
      background: transparent;
      border-style: dashed;
    }
    .selected {
      border: 3px solid var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DiarySchedule {
  readonly schedule = input.required<readonly DiaryTimePoint[]>();
  /** Minutes after the block of the chosen point, or null. */
  readonly selected = input<number | null>(null);
  /** The list's accessible name. */
  readonly label = input('Diary time points');
  /** A point was picked: its minutes after the block. */
  readonly pick = output<number>();

  protected readonly display = TIME_POINT_DISPLAY;
  protected readonly timeLabel = timePointLabel;

  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    // The chosen point scrolls into the strip's view (a late point sits far to the right).
    afterRenderEffect(() => {
      this.selected();
      this.schedule();
      host.querySelector('.selected')?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    });
  }
}
