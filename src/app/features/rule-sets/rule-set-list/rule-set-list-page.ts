import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { RuleSetView } from '@domain';
import { problemMessage } from '../../../core/problem.ts';
import { confirmAction } from '../../../shared/ui/confirm-dialog/confirm-dialog.ts';
import { NoticePanel } from '../../../shared/ui/notice-panel/notice-panel.ts';
import { RuleSetsStore } from '../data/rule-sets-store.ts';
import {
  RuleSetCopyDialog,
  type RuleSetCopyDialogData,
} from '../ui/rule-set-copy-dialog/rule-set-copy-dialog.ts';
import {
  RuleSetEditDialog,
  type RuleSetEditDialogData,
} from '../ui/rule-set-edit-dialog/rule-set-edit-dialog.ts';
import { PracticeTimeZoneForm } from '../ui/practice-time-zone-form/practice-time-zone-form.ts';
import { RuleSetTable } from '../ui/rule-set-table/rule-set-table.ts';

/** Rule sets (admins): the built-in ones and the practice's copies, versions, and the default. */
@Component({
  selector: 'app-rule-set-list-page',
  imports: [MatButtonModule, MatProgressBarModule, NoticePanel, PracticeTimeZoneForm, RuleSetTable],
  template: `
    <div class="page">
      <header class="page-header">
        <h1>Rule sets</h1>
      </header>
      <p class="intro">
        A rule set decides when a block is positive and which payer checks apply. Built-in rule sets
        cannot be changed: copy one to make the practice's own. Every edit is a new version; the
        default applies to new episodes.
      </p>

      <div class="progress-slot">
        @if (store.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading rule sets" />
        }
      </div>

      @if (store.loadError(); as error) {
        <app-notice-panel
          icon="error"
          heading="The rule sets could not be loaded"
          [message]="error"
          tone="error"
        >
          <button mat-stroked-button type="button" (click)="store.load()">Try again</button>
        </app-notice-panel>
      } @else if (!store.loading() && store.ruleSets().length === 0) {
        <app-notice-panel
          icon="rule"
          heading="No rule sets"
          message="The built-in rule sets appear once the server has started."
        />
      } @else {
        <app-rule-set-table
          [ruleSets]="store.ruleSets()"
          [busyId]="busyId()"
          (copyRuleSet)="openCopyDialog($event)"
          (edit)="openEditDialog($event)"
          (view)="openViewDialog($event)"
          (makeDefault)="makeDefault($event)"
        />
      }

      <app-practice-time-zone-form
        [settings]="store.practiceSettings()"
        [saving]="store.savingTimeZone()"
        (save)="saveTimeZone($event)"
      />
    </div>
  `,
  styles: `
    .intro {
      max-width: 72ch;
      margin: 0;
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .progress-slot {
      height: 4px;
      margin: 8px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RuleSetListPage {
  protected readonly store = inject(RuleSetsStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  /** The rule set whose change is being saved. */
  protected readonly busyId = signal<string | null>(null);

  protected openCopyDialog(from: RuleSetView): void {
    const data: RuleSetCopyDialogData = { from, save: (name) => this.store.copy(from, name) };
    this.dialog
      .open<RuleSetCopyDialog, RuleSetCopyDialogData, RuleSetView>(RuleSetCopyDialog, {
        data,
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((copy) => {
        if (copy) this.tell(`${copy.name} was created; edit it to change its settings.`);
      });
  }

  /** Every setting of a rule set that cannot be edited, with its full source. */
  protected openViewDialog(ruleSet: RuleSetView): void {
    const data: RuleSetEditDialogData = {
      ruleSet,
      readOnly: true,
      save: (settings) => this.store.saveVersion(ruleSet, settings),
    };
    this.dialog.open<RuleSetEditDialog, RuleSetEditDialogData, RuleSetView>(RuleSetEditDialog, {
      data,
      autoFocus: 'dialog',
      maxWidth: '95vw',
    });
  }

  protected openEditDialog(ruleSet: RuleSetView): void {
    const data: RuleSetEditDialogData = {
      ruleSet,
      save: (settings) => this.store.saveVersion(ruleSet, settings),
    };
    this.dialog
      .open<RuleSetEditDialog, RuleSetEditDialogData, RuleSetView>(RuleSetEditDialog, {
        data,
        autoFocus: 'first-tabbable',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) this.tell(`${saved.name} version ${saved.version} was saved.`);
      });
  }

  protected async makeDefault(ruleSet: RuleSetView): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: `Make ${ruleSet.name} v${ruleSet.version} the default?`,
      message: 'New episodes will be assessed under it. Existing episodes keep their rule set.',
      confirmLabel: 'Make default',
    });
    if (!confirmed) return;
    this.busyId.set(ruleSet.id);
    const result = await this.store.makeDefault(ruleSet);
    this.busyId.set(null);
    this.tell(
      result.ok
        ? `${ruleSet.name} v${ruleSet.version} is now the default.`
        : problemMessage(result.problem),
    );
  }

  protected async saveTimeZone(timeZone: string): Promise<void> {
    const result = await this.store.saveTimeZone(timeZone);
    this.tell(
      result.ok ? `The practice time zone is now ${timeZone}.` : problemMessage(result.problem),
    );
  }

  private tell(message: string): void {
    this.snackBar.open(message, 'OK', { duration: 6000 });
  }
}
