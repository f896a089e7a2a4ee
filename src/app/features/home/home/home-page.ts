import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { SessionStore } from '../../../core/session-store.ts';
import { HOME_CARDS } from './home-cards.ts';

/** A role-aware welcome: who is signed in and what this role will find here. */
@Component({
  selector: 'app-home-page',
  imports: [RouterLink, MatCardModule, MatIconModule, MatButtonModule],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  protected readonly session = inject(SessionStore);
  protected readonly cards = computed(() => {
    const role = this.session.user()?.role;
    return role ? HOME_CARDS[role] : [];
  });
}
