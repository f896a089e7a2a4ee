import { DatePipe } from '../../../../shared/format/format-pipes.ts';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { type MatSelectChange, MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { type Role, ROLE_LABELS, ROLES, type UserView } from '@domain';

/** A role picked for a user in the table. */
export interface RoleChoice {
  user: UserView;
  role: Role;
  /** Puts the row's select back on the user's current role (the change was cancelled or refused). */
  undo: () => void;
}

/** The users of one page, with a role select and an actions menu per row. */
@Component({
  selector: 'app-user-table',
  imports: [
    DatePipe,
    MatTableModule,
    MatChipsModule,
    MatSelectModule,
    MatFormFieldModule,
    MatMenuModule,
    MatButtonModule,
    MatIconModule,
  ],
  templateUrl: './user-table.html',
  styleUrl: './user-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserTable {
  readonly users = input.required<readonly UserView[]>();
  /** The user whose change is being saved: their controls are disabled meanwhile. */
  readonly busyUserId = input<string | null>(null);
  /** The signed-in admin: their own row offers no deactivation or role change (the server refuses both). */
  readonly currentUserId = input<string | null>(null);

  readonly roleChange = output<RoleChoice>();
  readonly deactivate = output<UserView>();
  readonly reactivate = output<UserView>();
  readonly unlock = output<UserView>();
  readonly resetPassword = output<UserView>();

  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly columns = ['username', 'name', 'role', 'status', 'lastLogin', 'actions'];

  protected pickRole(user: UserView, change: MatSelectChange<Role>): void {
    if (change.value === user.role) return;
    this.roleChange.emit({
      user,
      role: change.value,
      undo: () => (change.source.value = user.role),
    });
  }
}
