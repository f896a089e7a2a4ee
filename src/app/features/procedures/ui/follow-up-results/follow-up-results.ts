import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { DatePipe } from '../../../../shared/format/format-pipes.ts';
import {
  COMPLICATIONS,
  type Complication,
  type DurabilityView,
  type FollowUpView,
  RED_FLAG_LABELS,
} from '@domain';

type Milestones = DurabilityView[number]['milestones'];

/** A procedure's follow-ups for the physician (issue 12): results, red flags first and loud, and an RFA's durability. */
@Component({
  selector: 'app-follow-up-results',
  imports: [DatePipe, MatIconModule],
  template: `
    @for (f of flagged(); track f.id) {
      <p class="red-flag" role="alert">
        <mat-icon aria-hidden="true">warning</mat-icon>
        Red flag at the {{ f.label }} {{ f.kind }}: {{ flagsOf(f) }}
      </p>
    }
    @if (durability(); as milestones) {
      <p class="durability">
        Durability (relief ≥ 50%):
        @for (m of milestones; track m.months) {
          <span class="milestone" [class]="m.status"
            >{{ m.months }} mo: {{ m.status
            }}{{ m.reliefPercent !== null ? ' (' + m.reliefPercent.toFixed(0) + '%)' : '' }}</span
          >
        }
      </p>
    }
    <ul class="list">
      @for (f of followUps(); track f.id) {
        <li>
          <strong>{{ f.label }} {{ f.kind }}</strong> · due {{ f.dueDate | date: 'd MMM y' }} ·
          {{ f.status }}
          @if (f.result; as r) {
            — rest {{ r.painRest ?? '–' }}, activity {{ r.painActivity ?? '–' }}, own relief
            {{ r.reportedReliefPercent ?? '–' }}%
            @if (r.complications.length) {
              · complications: {{ complicationsOf(r.complications) }}
            }
            @if (r.outsideWindow) {
              · <em>outside the window</em>
            }
            @if (r.note) {
              · “{{ r.note }}”
            }
          }
          @if (f.cancelReason) {
            — {{ f.cancelReason }}
          }
        </li>
      } @empty {
        <li>No follow-ups scheduled.</li>
      }
    </ul>
  `,
  styles: `
    .red-flag {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font-weight: 500;
    }
    .milestone {
      margin-left: 8px;
    }
    .milestone.lost {
      color: var(--mat-sys-error);
    }
    .list {
      padding-left: 20px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowUpResults {
  readonly followUps = input.required<FollowUpView[]>();
  /** An RFA's milestones at 3, 6, 12 months; null for other procedures. */
  readonly durability = input<Milestones | null>(null);
  protected readonly flagged = computed(() =>
    this.followUps().filter((f) => (f.result?.redFlags.length ?? 0) > 0),
  );
  protected flagsOf(f: FollowUpView): string {
    return (f.result?.redFlags ?? []).map((k) => RED_FLAG_LABELS[k]).join(', ');
  }
  protected complicationsOf(keys: string[]): string {
    return keys.map((k) => COMPLICATIONS[k as Complication] ?? k).join(', ');
  }
}
