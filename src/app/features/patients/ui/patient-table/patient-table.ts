import { DatePipe } from '../../../../shared/format/format-pipes.ts';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { ageOn, type PatientView } from '@domain';
import { StageChip } from '../../../../shared/ui/stage-chip/stage-chip.ts';
import type { PatientSort } from '../../data/patient-list-store.ts';
import { todayLocal } from '../../../../shared/format/date-format.ts';

/** A sort picked in the table header; an empty direction means "back to the default". */
export interface PatientSortChoice {
  sort: PatientSort;
  dir: 'asc' | 'desc' | '';
}

/** One page of patients: name (a link to the patient), MRN, birth date and age, stage, runner. */
@Component({
  selector: 'app-patient-table',
  imports: [DatePipe, RouterLink, MatTableModule, MatSortModule, MatIconModule, StageChip],
  templateUrl: './patient-table.html',
  styleUrl: './patient-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientTable {
  readonly patients = input.required<readonly PatientView[]>();
  /** The server's current sort, shown by the header arrows. */
  readonly sort = input.required<PatientSort>();
  readonly direction = input.required<'asc' | 'desc'>();

  /** Whether the user records diary scores (patients:write): a direct link to each diary then. */
  readonly showDiary = input(false);

  readonly sortChange = output<PatientSortChoice>();

  private readonly columns = ['name', 'mrn', 'birthDate', 'stage', 'runner', 'updated'];
  protected readonly shownColumns = computed(() =>
    this.showDiary() ? [...this.columns, 'diary'] : this.columns,
  );
  private readonly today = todayLocal();

  protected age(patient: PatientView): number {
    return ageOn(patient.birthDate, this.today);
  }

  protected pickSort(sort: Sort): void {
    this.sortChange.emit({ sort: sort.active as PatientSort, dir: sort.direction });
  }
}
