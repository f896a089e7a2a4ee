import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { SessionStore } from '../../../core/session-store.ts';
import { Router } from '@angular/router';
import { type PatientView, type Stage, STAGE_LABELS, STAGES } from '@domain';
import { NoticePanel } from '../../../shared/ui/notice-panel/notice-panel.ts';
import { ListFrame } from '../../../shared/ui/list-frame/list-frame.ts';
import { SearchField } from '../../../shared/ui/search-field/search-field.ts';
import { DistanceUnitStore } from '../data/distance-unit-store.ts';
import { PatientListStore } from '../data/patient-list-store.ts';
import {
  PatientFormDialog,
  type PatientFormDialogData,
} from '../ui/patient-form-dialog/patient-form-dialog.ts';
import { type PatientSortChoice, PatientTable } from '../ui/patient-table/patient-table.ts';

/** Patients: search by name or MRN, filter by stage, sort, page through, register. */
@Component({
  selector: 'app-patient-list-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    NoticePanel,
    SearchField,
    ListFrame,
    PatientTable,
  ],
  templateUrl: './patient-list-page.html',
  styleUrl: './patient-list-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientListPage {
  protected readonly store = inject(PatientListStore);
  private readonly units = inject(DistanceUnitStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly session = inject(SessionStore);
  /** Nurses and physicians record diary scores: search results link straight to each diary. */
  protected readonly canWrite = computed(() => this.session.can('patients:write'));

  protected readonly stages = STAGES;
  protected readonly stageLabels = STAGE_LABELS;

  protected filterByStage(stage: Stage | null): void {
    this.store.filterByStage(stage);
  }

  protected sortBy({ sort, dir }: PatientSortChoice): void {
    this.store.sortBy(sort, dir);
  }

  protected openRegisterDialog(): void {
    const data: PatientFormDialogData = {
      mode: 'register',
      unit: this.units.unit,
      chooseUnit: (unit) => this.units.choose(unit),
      save: (body) => this.store.register(body),
    };
    this.dialog
      .open<PatientFormDialog, PatientFormDialogData, PatientView>(PatientFormDialog, {
        data,
        autoFocus: 'first-tabbable',
        width: '680px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((patient) => {
        if (!patient) return;
        this.snackBar.open(`${patient.givenName} ${patient.familyName} is registered.`, 'OK', {
          duration: 6000,
        });
        void this.router.navigate(['/patients', patient.id]);
      });
  }
}
