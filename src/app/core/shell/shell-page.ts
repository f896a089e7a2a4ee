import { BreakpointObserver } from '@angular/cdk/layout';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
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
import { setDisplayTimeZone } from '../../shared/format/display-zone.ts';
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
  private readonly injector = inject(Injector);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected readonly wide = toSignal(
    inject(BreakpointObserver)
      .observe(WIDE_LAYOUT)
      .pipe(map((state) => state.matches)),
    { initialValue: true },
  );
  /** Whether the overlay navigation is open on narrow screens. */
  protected readonly navOpen = signal(false);
  protected readonly navItems = computed(() =>
    this.session.user()
      ? NAV_ITEMS.filter((item) => !item.permission || this.session.can(item.permission))
      : [],
  );

  constructor() {
    effect(() => {
      const minutes = this.session.idleTimeoutMinutes();
      if (this.session.status() === 'signed-in' && minutes) this.idleLogoff.start(minutes);
      else this.idleLogoff.stop();
    });
    // Staff pages show moments on the practice's clock (display-zone.ts); the login page and the
    // patient's diary, outside this shell, on the device's. The zone comes with the session, which
    // the auth guard has restored before the shell is built, and a new sign-in builds a new shell.
    setDisplayTimeZone(this.session.session()?.timeZone);
    inject(DestroyRef).onDestroy(() => {
      this.idleLogoff.stop();
      setDisplayTimeZone(undefined);
    });
    // Close the overlay navigation once the user has picked a page.
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        this.navOpen.set(false);
        afterNextRender(() => this.focusHeading(), { injector: this.injector });
      });
  }

  /**
   * After a navigation, keyboard and screen-reader users start at the new page's main heading rather
   * than back at the top of the toolbar. A page that already moved focus into itself (the diary's
   * score picker) keeps it.
   */
  private focusHeading(): void {
    const main = this.main().nativeElement;
    const active = document.activeElement;
    if (active && active !== main && active !== document.body && main.contains(active)) return;
    const heading = main.querySelector<HTMLElement>('h1');
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
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
