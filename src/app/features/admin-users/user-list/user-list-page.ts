import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ROLE_LABELS, roleChangeEffects, type UserView } from '@domain';
import { SessionStore } from '../../../core/session-store.ts';
import { problemMessage } from '../../../core/problem.ts';
import type { WriteResult } from '../../../core/write-result.ts';
import { confirmAction } from '../../../shared/ui/confirm-dialog/confirm-dialog.ts';
import { NoticePanel } from '../../../shared/ui/notice-panel/notice-panel.ts';
import { ListFrame } from '../../../shared/ui/list-frame/list-frame.ts';
import { SearchField } from '../../../shared/ui/search-field/search-field.ts';
import { AdminUsersStore, type UserChange } from '../data/admin-users-store.ts';
import {
  PasswordResetDialog,
  type PasswordResetDialogData,
} from '../ui/password-reset-dialog/password-reset-dialog.ts';
import {
  UserCreateDialog,
  type UserCreateDialogData,
} from '../ui/user-create-dialog/user-create-dialog.ts';
import { type RoleChoice, UserTable } from '../ui/user-table/user-table.ts';

/** Shown when a write lost a race: the store has already put the other admin's change in the list. */
export const USER_CONFLICT_MESSAGE =
  'Someone else changed this user; the list now shows their change.';

/** Users: search, page through, create and change accounts. */
@Component({
  selector: 'app-user-list-page',
  imports: [MatButtonModule, MatIconModule, NoticePanel, SearchField, ListFrame, UserTable],
  templateUrl: './user-list-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserListPage {
  protected readonly store = inject(AdminUsersStore);
  protected readonly session = inject(SessionStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  /** The row whose change is being saved. */
  protected readonly busyUserId = signal<string | null>(null);

  protected openCreateDialog(): void {
    const data: UserCreateDialogData = { save: (body) => this.store.create(body) };
    this.dialog
      .open<UserCreateDialog, UserCreateDialogData, UserView>(UserCreateDialog, {
        data,
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((user) => {
        if (user) this.tell(`${user.name} can now sign in as ${user.username}.`);
      });
  }

  protected openPasswordDialog(user: UserView): void {
    const data: PasswordResetDialogData = {
      user,
      save: async (password) =>
        this.explainConflict(await this.store.resetPassword(user, password)),
    };
    this.dialog
      .open<PasswordResetDialog, PasswordResetDialogData, UserView>(PasswordResetDialog, { data })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) this.tell(`New password set for ${saved.name}.`);
      });
  }

  /** A role change takes effect at once (their sessions end), so it is confirmed with what it changes. */
  protected async changeRole({ user, role, undo }: RoleChoice): Promise<void> {
    const { gains, loses } = roleChangeEffects(user.role, role);
    const sentences = [
      gains.length ? `${user.name} will be able to ${gains.join(', ')}.` : '',
      loses.length ? `${user.name} will no longer be able to ${loses.join(', ')}.` : '',
      'They are signed out everywhere and sign in again with the new role.',
    ];
    const confirmed = await confirmAction(this.dialog, {
      title: `Make ${user.name} ${ROLE_LABELS[role]}?`,
      message: sentences.filter(Boolean).join(' '),
      confirmLabel: `Make ${ROLE_LABELS[role]}`,
    });
    if (
      !confirmed ||
      !(await this.change(user, { role }, `${user.name} is now ${ROLE_LABELS[role]}.`))
    )
      undo();
  }

  protected async deactivate(user: UserView): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: `Deactivate ${user.name}?`,
      message: `${user.username} will no longer be able to sign in. Their records and audit history stay.`,
      confirmLabel: 'Deactivate',
    });
    if (confirmed) await this.change(user, { active: false }, `${user.name} was deactivated.`);
  }

  protected async reactivate(user: UserView): Promise<void> {
    await this.change(user, { active: true }, `${user.name} can sign in again.`);
  }

  protected async unlock(user: UserView): Promise<void> {
    await this.change(user, { unlock: true }, `${user.name} was unlocked.`);
  }

  /** Saves one change and says how it went; true when it was saved. */
  private async change(user: UserView, change: UserChange, done: string): Promise<boolean> {
    this.busyUserId.set(user.id);
    const result = this.explainConflict(await this.store.update(user, change));
    this.busyUserId.set(null);
    if (result.ok) this.tell(done);
    else if (!result.conflict) this.tell(problemMessage(result.problem));
    return result.ok;
  }

  /** A version conflict is told the same way wherever it happens. */
  private explainConflict<T>(result: WriteResult<T>): WriteResult<T> {
    if (!result.ok && result.conflict) this.tell(USER_CONFLICT_MESSAGE);
    return result;
  }

  private tell(message: string): void {
    this.snackBar.open(message, 'OK', { duration: 6000 });
  }
}
