import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog, type MatDialogConfig } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import {
  type EpisodeChecks,
  type EpisodeView,
  FACET_SIGNS,
  monthsBetween,
  STAGE_LABELS,
  SUSPECTED_CAUSES,
} from '@domain';
import { problemMessage } from '../../../core/problem.ts';
import { SessionStore } from '../../../core/session-store.ts';
import {
  type DownloadLink,
  DownloadLinks,
} from '../../../shared/ui/download-links/download-links.ts';
import { NoticePanel } from '../../../shared/ui/notice-panel/notice-panel.ts';
import { NextStepCallout } from '../../../shared/ui/payer-checks/next-step-callout.ts';
import { PayerCheckList } from '../../../shared/ui/payer-checks/payer-check-list.ts';
import { ReasonDialog, type ReasonDialogData } from '../../../core/reason-dialog/reason-dialog.ts';
import { StageChip } from '../../../shared/ui/stage-chip/stage-chip.ts';
import { DistanceUnitStore } from '../data/distance-unit-store.ts';
import { PatientRecordStore } from '../data/patient-record-store.ts';
import type { WriteResult } from '../../../core/write-result.ts';
import { CareSections } from '../ui/care-sections/care-sections.ts';
import { CareTimeline } from '../ui/care-timeline/care-timeline.ts';
import { dayText, type TimelineEntry } from '../ui/care-timeline/timeline-entries.ts';
import { REGION_LABELS, SIDE_LABELS } from '../ui/care-labels.ts';
import {
  EpisodeFormDialog,
  type EpisodeFormDialogData,
} from '../ui/episode-form-dialog/episode-form-dialog.ts';
import { EpisodeSwitcher } from '../ui/episode-switcher/episode-switcher.ts';
import { EpisodeBookings } from '../ui/episode-bookings/episode-bookings.ts';
import {
  FunctionScoreDialog,
  type FunctionScoreDialogData,
} from '../ui/function-score-dialog/function-score-dialog.ts';
import {
  PatientFormDialog,
  type PatientFormDialogData,
} from '../ui/patient-form-dialog/patient-form-dialog.ts';
import { PainTimelineChart } from '../ui/pain-timeline-chart/pain-timeline-chart.ts';
import { PatientHeader } from '../ui/patient-header/patient-header.ts';
import {
  RunningCheckDialog,
  type RunningCheckDialogData,
} from '../ui/running-check-dialog/running-check-dialog.ts';
import {
  StageMoveDialog,
  type StageMoveDialogData,
} from '../ui/stage-move-dialog/stage-move-dialog.ts';
import { TherapyDialog, type TherapyDialogData } from '../ui/therapy-dialog/therapy-dialog.ts';
import { todayLocal } from '../../../shared/format/date-format.ts';

/** Said when a record changed under the user; the page already shows the current state. */
export const RECORD_CONFLICT_MESSAGE =
  'Someone else changed this episode; the page now shows their change.';

/** Dialog sizes that suit a tablet held either way and a desktop. */
const DIALOG_SIZE: MatDialogConfig = {
  width: '720px',
  maxWidth: '95vw',
  autoFocus: 'first-tabbable',
};

/** One patient: who they are, their episodes, and the care, scores and stage changes of the one shown. */
@Component({
  selector: 'app-patient-record-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    NoticePanel,
    DownloadLinks,
    StageChip,
    PatientHeader,
    EpisodeSwitcher,
    EpisodeBookings,
    CareSections,
    CareTimeline,
    NextStepCallout,
    PayerCheckList,
    PainTimelineChart,
  ],
  templateUrl: './patient-record-page.html',
  styleUrl: './patient-record-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientRecordPage {
  protected readonly store = inject(PatientRecordStore);
  protected readonly units = inject(DistanceUnitStore);
  private readonly session = inject(SessionStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly canWrite = computed(
    () => this.session.user() !== null && this.session.can('patients:write'),
  );
  /** Physicians record procedures; the shortcut is hidden from everyone else (the server decides too). */
  protected readonly canRecordProcedure = computed(
    () => this.session.user() !== null && this.session.can('procedures:write'),
  );
  /** Exports of this record: the FHIR Bundle for physicians and admins, the pain scores as CSV (the server checks both). */
  protected readonly downloads = computed((): DownloadLink[] => {
    const id = this.store.patient()?.id;
    if (!id || !this.session.user()) return [];
    return [
      ...(this.session.can('patients:export')
        ? [
            {
              label: 'FHIR record',
              icon: 'download',
              href: `/api/v1/patients/${id}/fhir`,
              description: 'Download the patient record as a FHIR R4 Bundle (JSON)',
            },
          ]
        : []),
      {
        label: 'Pain scores CSV',
        icon: 'table_view',
        href: `/api/v1/patients/${id}/pain-scores.csv`,
        description: "Download the patient's pain scores as CSV",
      },
    ];
  });
  protected readonly regionLabels = REGION_LABELS;
  protected readonly sideLabels = SIDE_LABELS;
  protected readonly stageLabels = STAGE_LABELS;
  protected readonly dayText = dayText;
  protected readonly signLabels: Readonly<Record<string, string>> = FACET_SIGNS;
  protected readonly causeLabels: Readonly<Record<string, string>> = SUSPECTED_CAUSES;

  /** How long the selected episode's pain has lasted, from its onset date. */
  protected readonly painMonths = computed(() => {
    const episode = this.store.selectedEpisode();
    return episode ? monthsBetween(episode.onsetDate, todayLocal()) : null;
  });

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(
        map((params) => params.get('id')),
        takeUntilDestroyed(),
      )
      .subscribe((id) => {
        if (id) void this.store.open(id);
      });
  }

  protected ruleSetName(checks: EpisodeChecks): string {
    return `${checks.ruleSet.name} v${checks.ruleSet.version}`;
  }

  protected reload(): void {
    const patient = this.store.patient();
    if (patient) void this.store.open(patient.id);
  }

  protected openEditDialog(): void {
    const patient = this.store.patient();
    if (!patient) return;
    const data: PatientFormDialogData = {
      mode: 'edit',
      patient,
      unit: this.units.unit,
      chooseUnit: (unit) => this.units.choose(unit),
      save: (change, version) => this.store.updatePatient(change, version),
    };
    this.open(PatientFormDialog, data, 'Patient details saved.');
  }

  protected openEpisodeDialog(): void {
    const data: EpisodeFormDialogData = { save: (body) => this.store.openEpisode(body) };
    this.open(EpisodeFormDialog, data, 'Episode opened.');
  }

  protected openStageMoveDialog(): void {
    const episode = this.store.selectedEpisode();
    if (!episode) return;
    const data: StageMoveDialogData = {
      from: episode.stage,
      canClose: this.session.can('episodes:close'),
      save: async (to, reason) => this.explainConflict(await this.store.moveStage(to, reason)),
    };
    this.open<StageMoveDialogData, EpisodeView>(
      StageMoveDialog,
      data,
      null,
      (moved) => `Episode moved to ${STAGE_LABELS[moved.stage]}.`,
    );
  }

  protected openTherapyDialog(): void {
    const data: TherapyDialogData = { save: (body) => this.store.addTherapy(body) };
    this.open(TherapyDialog, data, 'Therapy recorded.');
  }

  protected openFunctionScoreDialog(): void {
    const episode = this.store.selectedEpisode();
    if (!episode) return;
    const data: FunctionScoreDialogData = {
      region: episode.region,
      save: (body) => this.store.addFunctionScore(body),
    };
    this.open(FunctionScoreDialog, data, 'Function score recorded.');
  }

  protected openRunningCheckDialog(): void {
    const data: RunningCheckDialogData = {
      unit: this.units.unit,
      chooseUnit: (unit) => this.units.choose(unit),
      save: (body) => this.store.addRunningCheck(body),
    };
    this.open(RunningCheckDialog, data, 'Return to running recorded.');
  }

  protected confirmEnteredInError(entry: TimelineEntry): void {
    const correction = entry.correction;
    if (!correction) return;
    const data: ReasonDialogData = {
      title: 'Mark as entered in error?',
      message: `${correction.what} stays on the record, struck through with your reason, and no longer counts in totals.`,
      confirmLabel: 'Mark entered in error',
      save: async (reason) =>
        this.explainConflict(
          await this.store.markEnteredInError(correction.kind, correction, reason),
        ),
    };
    this.open(ReasonDialog, data, 'Marked as entered in error.');
  }

  /** Opens a care dialog; when it closes with a saved value, says so. */
  private open<D, R>(
    component: new (...args: never[]) => unknown,
    data: D,
    done: string | null,
    doneFor?: (value: R) => string,
  ): void {
    this.dialog
      .open<unknown, D, R>(component, { ...DIALOG_SIZE, data })
      .afterClosed()
      .subscribe((value) => {
        if (value) this.tell(doneFor ? doneFor(value) : (done ?? ''));
      });
  }

  /** A version conflict is told the same way wherever it happens (the store has reloaded). */
  private explainConflict<T>(result: WriteResult<T>): WriteResult<T> {
    if (!result.ok && result.conflict) this.tell(RECORD_CONFLICT_MESSAGE);
    else if (!result.ok && result.problem.status === 0) this.tell(problemMessage(result.problem));
    return result;
  }

  private tell(message: string): void {
    this.snackBar.open(message, 'OK', { duration: 6000 });
  }
}
