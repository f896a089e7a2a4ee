import { DatePipe } from '../../../../shared/format/format-pipes.ts';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { ageOn, type PatientView, type Stage } from '@domain';
import { StageChip } from '../../../../shared/ui/stage-chip/stage-chip.ts';
import type { DistanceUnit } from '../../data/distance-unit-store.ts';
import { distanceText, SEX_LABELS } from '../patient-form-dialog/patient-fields.ts';
import { todayLocal } from '../../../../shared/format/date-format.ts';

/** Who the patient is: name, MRN, age, sex, current stage, runner and weekly distance; with Edit. */
@Component({
  selector: 'app-patient-header',
  imports: [DatePipe, MatButtonModule, MatIconModule, StageChip],
  template: `
    @let p = patient();
    <header class="patient-header">
      <div class="identity">
        <h1>{{ p.givenName }} {{ p.familyName }}</h1>
        <dl class="facts">
          <div>
            <dt>MRN</dt>
            <dd>{{ p.mrn }}</dd>
          </div>
          <div>
            <dt>Age</dt>
            <dd>
              {{ age() }}
              <span class="muted">(born {{ p.birthDate | date: 'd MMM y' : 'UTC' }})</span>
            </dd>
          </div>
          <div>
            <dt>Sex</dt>
            <dd>{{ sexLabels[p.sex] }}</dd>
          </div>
          <div>
            <dt>Stage</dt>
            <dd>
              @if (stage(); as s) {
                <app-stage-chip [stage]="s" />
              } @else {
                No episode yet
              }
            </dd>
          </div>
          <div>
            <dt>Runner</dt>
            <dd class="runner">
              @if (p.runner) {
                <mat-icon aria-hidden="true">directions_run</mat-icon>
                Yes{{ distance() ? ', ' + distance() + ' a week' : '' }}
              } @else {
                No
              }
            </dd>
          </div>
        </dl>
      </div>
      @if (canEdit()) {
        <button mat-stroked-button type="button" (click)="edit.emit()">
          <mat-icon>edit</mat-icon>
          Edit
        </button>
      }
    </header>
  `,
  styles: `
    .patient-header {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      justify-content: space-between;
      gap: 16px;
      margin-bottom: 16px;
    }
    h1 {
      margin: 0 0 8px;
      font: var(--mat-sys-headline-medium);
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 24px;
      margin: 0;
    }
    dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 2px 0 0;
      font: var(--mat-sys-body-large);
    }
    .runner {
      display: flex;
      align-items: center;
      gap: 4px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientHeader {
  readonly patient = input.required<PatientView>();
  readonly stage = input.required<Stage | null>();
  readonly unit = input.required<DistanceUnit>();
  readonly canEdit = input(true);
  readonly edit = output();

  protected readonly sexLabels = SEX_LABELS;
  protected readonly age = computed(() => ageOn(this.patient().birthDate, todayLocal()));
  protected readonly distance = computed(() =>
    distanceText(this.patient().weeklyDistanceKm, this.unit()),
  );
}
