import { DatePipe } from '../../../../shared/format/format-pipes.ts';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { type AssessmentView, type ComparativeResult, type ProcedureView } from '@domain';
import { AGENT_LABELS, percentText, reliefDurationText } from '../procedure-labels.ts';
import { VerdictChip } from '../verdict-chip/verdict-chip.ts';

/** A diagnostic block with its assessment (null while loading or when it could not be read). */
export interface ComparedBlock {
  procedure: ProcedureView;
  assessment: AssessmentView | null;
}

const COMPARATIVE_LABELS: Readonly<Record<ComparativeResult, string>> = {
  concordant: 'Concordant',
  discordant: 'Discordant',
  'not-assessable': 'Not assessable',
  'not-comparable': 'Not comparable',
};

/** The episode's first two live diagnostic blocks, oldest first: the pair payers compare. */
export function diagnosticPair(
  procedures: readonly ProcedureView[],
  assessments: Readonly<Record<string, AssessmentView>>,
): ComparedBlock[] {
  return procedures
    .filter((p) => p.intent === 'diagnostic' && !p.enteredInError)
    .sort((a, b) => a.performedAt.localeCompare(b.performedAt))
    .slice(0, 2)
    .map((procedure) => ({ procedure, assessment: assessments[procedure.id] ?? null }));
}

/**
 * Block 1 beside block 2: agent and concentration, peak relief (NRS-derived and reported), how long
 * relief lasted, each verdict, and the comparative reading from the second block's assessment.
 */
@Component({
  selector: 'app-block-comparison',
  imports: [DatePipe, RouterLink, VerdictChip],
  template: `
    <section class="comparison" aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">Diagnostic blocks side by side</h2>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">
            Block 1 and block 2 compared
          </caption>
          <thead>
            <tr>
              <td></td>
              @for (block of blocks(); track block.procedure.id; let i = $index) {
                <th scope="col">
                  Block {{ i + 1 }}:
                  <a class="table-link" [routerLink]="['/procedures', block.procedure.id]">{{
                    block.procedure.label
                  }}</a>
                  <span class="date">{{ block.procedure.performedAt | date: 'd MMM y' }}</span>
                </th>
              }
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Agent</th>
              @for (block of blocks(); track block.procedure.id) {
                <td>
                  {{ agentLabels[block.procedure.anesthetic.agent] }}
                  {{ block.procedure.anesthetic.concentrationPercent }}%
                </td>
              }
            </tr>
            <tr>
              <th scope="row">Levels</th>
              @for (block of blocks(); track block.procedure.id) {
                <td>{{ block.procedure.levels.join(', ') }}</td>
              }
            </tr>
            <tr>
              <th scope="row">Peak relief (from NRS)</th>
              @for (block of blocks(); track block.procedure.id) {
                <td class="number">{{ percent(block.assessment?.peakReliefPercent) }}</td>
              }
            </tr>
            <tr>
              <th scope="row">Reported peak relief</th>
              @for (block of blocks(); track block.procedure.id) {
                <td class="number">{{ percent(block.assessment?.reportedPeakReliefPercent) }}</td>
              }
            </tr>
            <tr>
              <th scope="row">Duration of relief</th>
              @for (block of blocks(); track block.procedure.id) {
                <td>{{ duration(block.assessment) }}</td>
              }
            </tr>
            <tr>
              <th scope="row">Verdict</th>
              @for (block of blocks(); track block.procedure.id) {
                <td>
                  @if (block.assessment; as assessment) {
                    <app-verdict-chip [verdict]="assessment.verdict" />
                  } @else {
                    —
                  }
                </td>
              }
            </tr>
          </tbody>
        </table>
      </div>
      @if (comparative(); as c) {
        <p class="comparative">
          <strong>Comparative result: {{ comparativeLabels[c.result] }}.</strong>
          {{ c.reason }}
        </p>
      } @else if (blocks().length < 2) {
        <p class="comparative">No second diagnostic block yet.</p>
      }
    </section>
  `,
  styles: `
    .comparison {
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      break-inside: avoid;
    }
    h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .table-scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font: var(--mat-sys-body-medium);
    }
    th,
    td {
      text-align: left;
      padding: 8px 12px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: middle;
    }
    thead th {
      font: var(--mat-sys-title-small);
    }
    tbody th {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
      white-space: nowrap;
    }
    .date {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .number {
      font-variant-numeric: tabular-nums;
    }
    .comparative {
      margin: 12px 0 0;
      font: var(--mat-sys-body-medium);
    }
    @media print {
      .comparison {
        padding: 4px 0;
        border: 0;
      }
      th,
      td {
        padding: 2px 8px;
        font-size: 9pt;
      }
      .comparative {
        margin-top: 4px;
        font-size: 9pt;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BlockComparison {
  /** Block 1 and block 2 (see diagnosticPair). */
  readonly blocks = input.required<readonly ComparedBlock[]>();

  /** The comparative reading lives on the second block's assessment. */
  protected readonly comparative = computed(
    () => this.blocks()[1]?.assessment?.comparative ?? null,
  );
  protected readonly agentLabels = AGENT_LABELS;
  protected readonly comparativeLabels = COMPARATIVE_LABELS;
  protected readonly percent = percentText;

  protected duration(assessment: AssessmentView | null): string {
    if (!assessment) return '—';
    return reliefDurationText(assessment.reliefDurationMinutes, assessment.peakReliefPercent);
  }
}
