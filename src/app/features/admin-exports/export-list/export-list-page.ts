import { DatePipe } from '../../../shared/format/format-pipes.ts';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DownloadLinks } from '../../../shared/ui/download-links/download-links.ts';
import { NoticePanel } from '../../../shared/ui/notice-panel/notice-panel.ts';
import { ExportsStore } from '../data/exports-store.ts';

/** Practice export (admins): FHIR NDJSON for a registry or data warehouse, run in the background. */
@Component({
  selector: 'app-export-list-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    DownloadLinks,
    NoticePanel,
  ],
  template: `
    <div class="page">
      <header class="page-header">
        <h1>Practice export</h1>
        <button
          mat-flat-button
          type="button"
          [disabled]="!!store.running()"
          (click)="store.start()"
        >
          <mat-icon aria-hidden="true">cloud_download</mat-icon>
          Start export
        </button>
      </header>
      <p class="intro">
        Every patient's record as FHIR R4, one NDJSON file per resource type (the FHIR Bulk Data
        layout), for a registry or a data warehouse. The export runs in the background; each file
        can be downloaded when it is done. Every export and download is recorded in the audit log.
      </p>

      @if (store.startError(); as error) {
        <app-notice-panel
          icon="error"
          heading="The export could not start"
          [message]="error"
          tone="error"
        />
      }
      @if (store.loadError(); as error) {
        <app-notice-panel
          icon="error"
          heading="The exports could not be loaded"
          [message]="error"
          tone="error"
        >
          <button mat-stroked-button type="button" (click)="store.load()">Try again</button>
        </app-notice-panel>
      } @else if (store.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading exports" />
      } @else if (store.jobs().length === 0) {
        <app-notice-panel
          icon="cloud_download"
          heading="No export yet"
          message="Start one to write every patient's record as FHIR NDJSON."
        />
      } @else {
        <ul class="jobs">
          @for (job of store.jobs(); track job.id) {
            <li class="job">
              <h2>Export {{ job.id }}, started {{ job.startedAt | date: 'd MMM y, HH:mm' }}</h2>
              @switch (job.status) {
                @case ('running') {
                  <p role="status">
                    {{ job.donePatients }} of {{ job.totalPatients }} patients ({{
                      job.progressPercent
                    }}%)
                  </p>
                  <mat-progress-bar
                    mode="determinate"
                    [value]="job.progressPercent"
                    [attr.aria-label]="'Export ' + job.id + ' progress'"
                  />
                }
                @case ('done') {
                  <p>
                    {{ job.totalPatients }} patients, finished
                    {{ job.finishedAt | date: 'd MMM y, HH:mm' }}
                  </p>
                  <app-download-links
                    [links]="linksOf(job.output)"
                    [label]="'Files of export ' + job.id"
                  />
                }
                @case ('failed') {
                  <p class="failed">{{ job.error }}</p>
                }
              }
            </li>
          }
        </ul>
      }
    </div>
  `,
  styles: `
    .jobs {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 16px;
    }
    .job h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 4px;
    }
    .failed {
      color: var(--mat-sys-error);
    }
    .intro {
      max-width: 72ch;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExportListPage {
  protected readonly store = inject(ExportsStore);

  protected linksOf(output: readonly { type: string; count: number; url: string }[]) {
    return output.map((o) => ({
      label: `${o.type} (${o.count})`,
      href: o.url,
      icon: 'download',
      description: `Download ${o.type}, ${o.count} resources, as NDJSON`,
    }));
  }
}
