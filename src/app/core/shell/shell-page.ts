import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { DemoBanner } from '../../shared/ui/demo-banner/demo-banner.ts';
import { IdleLogoff } from '../idle-logoff.ts';
import { NAV_ITEMS } from '../nav-items.ts';
import { SIGNED_OUT_MESSAGE } from '../session-messages.ts';
import { SessionStore } from '../session-store.ts';

/** Wide enough for the navigation to stay open beside the content (a laptop, a landscape iPad Pro). */
const WIDE_LAYOUT = '(min-width: 1024px)';

/** The frame around every signed-in page: toolbar, navigation, demo banner, idle logoff. */
@Component({
  selector: 'app-shell-page',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatSidenavModule,
    MatListModule,
    MatIconModule,
    MatButtonModule,
    DemoBanner,
  ],
  templateUrl: './shell-page.html',
  styleUrl: './shell-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShellPage {
  protected readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly idleLogoff = inject(IdleLogoff);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected readonly wide = toSignal(
    inject(BreakpointObserver).observe(WIDE_LAYOUT).pipe(map((state) => state.matches)),
    { initialValue: true },
  );
  /** Whether the overlay navigation is open on narrow screens. */
  protected readonly navOpen = signal(false);
  protected readonly navItems = computed(() =>
    this.session.user() ? NAV_ITEMS.filter((item) => !item.permission || this.session.can(item.permission)) : [],
  );

  constructor() {
    effect(() => {
      const minutes = this.session.idleTimeoutMinutes();
      if (this.session.status() === 'signed-in' && minutes) this.idleLogoff.start(minutes);
      else this.idleLogoff.stop();
    });
    inject(DestroyRef).onDestroy(() => this.idleLogoff.stop());
    // Close the overlay navigation once the user has picked a page.
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.navOpen.set(false));
  }

  /** Moves keyboard focus past the toolbar and navigation to the page itself. */
  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  protected toggleNav(): void {
    this.navOpen.update((open) => !open);
  }

  protected async signOut(): Promise<void> {
    await this.session.logout(SIGNED_OUT_MESSAGE);
    await this.router.navigate(['/login']);
  }
}
