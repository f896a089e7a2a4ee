import { DatePipe } from '../../../../shared/format/format-pipes.ts';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import {
  type Complication,
  COMPLICATIONS,
  PROCEDURE_LABELS,
  type ProcedureView,
  sedationConfounds,
} from '@domain';
import {
  AGENT_LABELS,
  GUIDANCE_LABELS,
  INTENT_LABELS,
  SEDATION_LABELS,
  SIDE_LABELS,
} from '../procedure-labels.ts';

/** What was done: kind, levels, side, drugs, guidance, sedation, complications, who and when. */
@Component({
  selector: 'app-procedure-summary',
  imports: [DatePipe],
  template: `
    @let p = procedure();
    <dl class="summary" [class.dense]="dense()">
      @if (!dense()) {
        <div>
          <dt>Procedure</dt>
          <dd>{{ kindLabels[p.kind] }}, {{ intentLabels[p.intent].toLowerCase() }}</dd>
        </div>
      }
      <div>
        <dt>Performed</dt>
        <dd>{{ p.performedAt | date: 'd MMM y, HH:mm' }}</dd>
      </div>
      <div>
        <dt>Levels</dt>
        <dd>{{ p.levels.join(', ') }}</dd>
      </div>
      <div>
        <dt>Side</dt>
        <dd>{{ sideLabels[p.side] }}</dd>
      </div>
      <div>
        <dt>Anesthetic</dt>
        <dd>
          {{ agentLabels[p.anesthetic.agent] }} {{ p.anesthetic.concentrationPercent }}%,
          {{ p.anesthetic.volumeMl }} mL
        </dd>
      </div>
      <div>
        <dt>Steroid</dt>
        <dd>{{ p.steroid ? p.steroid.name + ' ' + p.steroid.doseMg + ' mg' : 'None' }}</dd>
      </div>
      <div>
        <dt>Guidance</dt>
        <dd>{{ guidanceLabels[p.guidance] }}</dd>
      </div>
      <div>
        <dt>Sedation</dt>
        <dd>
          {{ sedationLabels[p.sedation] }}
          @if (confounds()) {
            <span class="warn">(confounds a diagnostic block)</span>
          }
        </dd>
      </div>
      <div>
        <dt>Complications</dt>
        <dd>{{ complications() }}</dd>
      </div>
      <div>
        <dt>Performed by</dt>
        <dd>{{ p.performerName ?? '—' }}</dd>
      </div>
      <div>
        <dt>Recorded by</dt>
        <dd>{{ p.recordedByName }}, {{ p.recordedAt | date: 'd MMM y, HH:mm' }}</dd>
      </div>
      @if (p.notes) {
        <div class="wide">
          <dt>Notes</dt>
          <dd class="notes">{{ p.notes }}</dd>
        </div>
      }
      <!-- Documented reasons stay beside the procedure, not only in the printed report (issue 14). -->
      @if (!dense()) {
        @for (reason of reasons(); track reason.label) {
          <div class="wide reason" [attr.data-reason]="reason.key">
            <dt>{{ reason.label }}</dt>
            <dd class="notes">{{ reason.text }}</dd>
          </div>
        }
      }
    </dl>
  `,
  styles: `
    .summary {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
      gap: 12px 16px;
      margin: 0;
    }
    dt {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      font: var(--mat-sys-body-large);
    }
    .wide {
      grid-column: 1 / -1;
    }
    // Dense: for the printed report, where the heading already names the procedure.
    .dense {
      grid-template-columns: repeat(auto-fill, minmax(140px, 1fr));
      gap: 4px 12px;
    }
    .dense dt {
      font: var(--mat-sys-label-small);
    }
    .dense dd {
      font: var(--mat-sys-body-small);
    }
    .notes {
      white-space: pre-wrap;
    }
    .reason {
      border-left: 4px solid var(--mat-sys-tertiary);
      padding-left: 12px;
    }
    .warn {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProcedureSummary {
  /** The reasons documented with the procedure: payer-rule override, interval exception, sedation, RFA not possible. */
  protected readonly reasons = computed(() => {
    const p = this.procedure();
    const all = [
      { key: 'override', label: 'Payer-rule override', text: p.overrideReason },
      { key: 'interval', label: 'Interval exception', text: p.intervalExceptionReason },
      { key: 'sedation', label: 'Reason for sedation', text: p.sedationReason },
      { key: 'rfa-not-possible', label: 'Why RFA is not possible', text: p.rfaNotPossibleReason },
    ];
    return all.filter((r): r is typeof r & { text: string } => !!r.text);
  });

  readonly procedure = input.required<ProcedureView>();
  /** Smaller type and no kind row (the printed report's heading names it). */
  readonly dense = input(false);

  protected readonly kindLabels = PROCEDURE_LABELS;
  protected readonly intentLabels = INTENT_LABELS;
  protected readonly sideLabels = SIDE_LABELS;
  protected readonly agentLabels = AGENT_LABELS;
  protected readonly guidanceLabels = GUIDANCE_LABELS;
  protected readonly sedationLabels = SEDATION_LABELS;
  protected readonly confounds = computed(
    () => this.procedure().intent === 'diagnostic' && sedationConfounds(this.procedure().sedation),
  );
  protected readonly complications = computed(() => {
    const list = this.procedure().complications.map((c) => COMPLICATIONS[c as Complication] ?? c);
    return list.length ? list.join(', ') : 'None';
  });
}
