import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { type EpisodeRecord, THERAPY_LABELS } from '@domain';
import type { DistanceUnit } from '../../data/distance-unit-store.ts';
import { RESPONSE_LABELS, RUNNING_STATUS_LABELS } from '../care-labels.ts';
import { dayText, functionScoreText, periodText } from '../care-timeline/timeline-entries.ts';
import { distanceText } from '../patient-form-dialog/patient-fields.ts';

/** Conservative care with its total against the rule set, function scores and return to running. */
@Component({
  selector: 'app-care-sections',
  imports: [MatButtonModule, MatIconModule],
  templateUrl: './care-sections.html',
  styleUrl: './care-sections.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CareSections {
  readonly record = input.required<EpisodeRecord>();
  readonly unit = input.required<DistanceUnit>();
  /** False for roles that may read but not record. */
  readonly canWrite = input(true);

  readonly addTherapy = output();
  readonly addFunctionScore = output();
  readonly addRunningCheck = output();

  protected readonly therapyLabels = THERAPY_LABELS;
  protected readonly responseLabels = RESPONSE_LABELS;
  protected readonly statusLabels = RUNNING_STATUS_LABELS;
  protected readonly periodText = periodText;
  protected readonly dayText = dayText;
  protected readonly functionScoreText = functionScoreText;
  protected readonly distanceText = distanceText;
}
