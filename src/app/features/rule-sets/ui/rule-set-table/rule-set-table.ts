import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { type RuleSetView, thresholdLabel, citedSources } from '@domain';

/** Rule sets with their threshold and status, and the actions an admin may take on each. */
@Component({
  selector: 'app-rule-set-table',
  imports: [MatTableModule, MatButtonModule, MatIconModule],
  templateUrl: './rule-set-table.html',
  styleUrl: './rule-set-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RuleSetTable {
  readonly ruleSets = input.required<readonly RuleSetView[]>();
  /** The rule set whose change is being saved: its buttons are disabled meanwhile. */
  readonly busyId = input<string | null>(null);
  /** A source's citations with their full references (domain.md "Sources"). */
  protected readonly cited = citedSources;

  readonly copyRuleSet = output<RuleSetView>();
  readonly edit = output<RuleSetView>();
  /** Show a rule set's settings without changing them (built-in ones, older versions). */
  readonly view = output<RuleSetView>();
  readonly makeDefault = output<RuleSetView>();

  protected readonly columns = ['name', 'version', 'builtIn', 'threshold', 'status', 'actions'];

  /** "≥ 80%" or "> 50%". */
  protected threshold(ruleSet: RuleSetView): string {
    return thresholdLabel({
      positiveThresholdPercent: ruleSet.positiveThresholdPercent,
      thresholdExclusive: ruleSet.settings.thresholdExclusive,
    });
  }
}
