import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { DISTANCE_UNIT_LABELS, type DistanceUnit } from '../../data/distance-unit-store.ts';

/** The small km / miles switch beside a distance field; the choice is the user's setting. */
@Component({
  selector: 'app-distance-unit-toggle',
  imports: [MatButtonToggleModule],
  template: `
    <mat-button-toggle-group
      class="unit-toggle"
      aria-label="Distance unit"
      hideSingleSelectionIndicator
      [value]="unit()"
      (change)="unitChange.emit($event.value)"
    >
      @for (option of units; track option) {
        <mat-button-toggle [value]="option">{{ labels[option] }}</mat-button-toggle>
      }
    </mat-button-toggle-group>
  `,
  styles: `
    .unit-toggle {
      --mat-button-toggle-height: 48px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DistanceUnitToggle {
  readonly unit = input.required<DistanceUnit>();
  readonly unitChange = output<DistanceUnit>();

  protected readonly units: readonly DistanceUnit[] = ['km', 'mi'];
  protected readonly labels = DISTANCE_UNIT_LABELS;
}
