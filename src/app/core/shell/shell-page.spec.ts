import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatNavListHarness } from '@angular/material/list/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Role, SessionInfo } from '@domain';
import { sessionFor, settle, specProviders } from '../../testing/test-fixtures.ts';
import { formatDate } from '../../shared/format/date-format.ts';
import { IdleLogoff } from '../idle-logoff.ts';
import { SessionStore } from '../session-store.ts';
import { ShellPage } from './shell-page.ts';

@Component({ selector: 'app-shell-spec-stub', template: '<h1>Content</h1>' })
class StubPage {}

@Component({
  selector: 'app-shell-spec-other',
  template: '<h1>Other page</h1><button type="button">Act</button>',
})
class OtherStubPage {}

describe('ShellPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;

  async function openShellAs(role: Role, overrides: Partial<SessionInfo> = {}): Promise<void> {
    const session = TestBed.inject(SessionStore);
    const restored = session.restore();
    http.expectOne('/api/v1/auth/me').flush(sessionFor(role, overrides));
    await restored;
    harness = await RouterTestingHarness.create('/');
    await settle(harness.fixture);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
  }

  async function navLabels(): Promise<string[]> {
    const list = await loader.getHarness(MatNavListHarness);
    return Promise.all((await list.getItems()).map((item) => item.getTitle()));
  }

  const text = () => harness.fixture.nativeElement.textContent as string;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: specProviders([
        { path: 'login', component: StubPage },
        {
          path: '',
          component: ShellPage,
          children: [
            { path: '', component: StubPage },
            { path: 'other', component: OtherStubPage },
          ],
        },
      ]),
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    TestBed.inject(IdleLogoff).stop();
    http.verify();
  });

  it("shows moments on the practice's clock while the staff shell is open, the browser's after", async () => {
    await openShellAs('nurse', { timeZone: 'Asia/Kolkata' });
    expect(formatDate('2026-12-03T00:00:00Z', 'HH:mm')).toBe('05:30');
    harness.fixture.destroy();
    const local = new Date('2026-12-03T00:00:00Z');
    const browser = [local.getHours(), local.getMinutes()]
      .map((n) => String(n).padStart(2, '0'))
      .join(':');
    expect(formatDate('2026-12-03T00:00:00Z', 'HH:mm')).toBe(browser);
  });

  it('shows the overdue digest, Users, Audit log, Rule sets and Practice export to an admin', async () => {
    await openShellAs('admin');
    expect(await navLabels()).toEqual([
      'Home',
      'Overdue digest',
      'Users',
      'Audit log',
      'Rule sets',
      'Practice export',
    ]);
  });

  it('shows Home, the worklist and Patients to a nurse', async () => {
    await openShellAs('nurse');
    expect(await navLabels()).toEqual(['Home', 'Worklist', 'Patients']);
  });

  it('hides Patients from a practice manager', async () => {
    await openShellAs('manager');
    expect(await navLabels()).toEqual(['Home', 'Dashboard']);
  });

  it('shows the user’s name and role label in the toolbar', async () => {
    await openShellAs('physician');
    expect(text()).toContain('Test physician');
    expect(text()).toContain('Physician');
  });

  it('shows the demo banner only in demo mode', async () => {
    await openShellAs('nurse', { demoMode: true });
    expect(text()).toContain('Demo mode — sample data, not for patient care');
  });

  it('hides the demo banner outside demo mode', async () => {
    await openShellAs('nurse', { demoMode: false });
    expect(text()).not.toContain('Demo mode');
  });

  it('starts the idle logoff with the server’s timeout', async () => {
    const start = spyOn(TestBed.inject(IdleLogoff), 'start').and.callThrough();
    await openShellAs('nurse', { idleTimeoutMinutes: 20 });
    expect(start).toHaveBeenCalledWith(20);
  });

  it('signs out on the server and goes to the login page', async () => {
    await openShellAs('nurse');
    const signOut = await loader.getHarness(MatButtonHarness.with({ text: /Sign out/ }));
    const click = signOut.click();
    await settle(harness.fixture);
    http.expectOne('/api/v1/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await click;
    await settle(harness.fixture);

    expect(TestBed.inject(Router).url).toBe('/login');
    expect(TestBed.inject(SessionStore).signOutReason()).toBe('You have signed out.');
  });

  it('keeps the brand, the user and the demo notice inside the banner landmark (axe: region)', async () => {
    await openShellAs('nurse', { demoMode: true });
    const banner = harness.fixture.nativeElement.querySelector('header') as HTMLElement;
    expect(banner.querySelector('.brand')).not.toBeNull();
    expect(banner.textContent).toContain('Test nurse');
    expect(banner.textContent).toContain('Demo mode');
  });

  it('moves focus to the new page’s main heading after a navigation', async () => {
    await openShellAs('nurse');
    await harness.navigateByUrl('/other');
    await settle(harness.fixture);
    expect(document.activeElement?.textContent).toBe('Other page');
    expect(document.activeElement?.tagName).toBe('H1');
  });

  it('has a skip link that moves focus to the main content', async () => {
    await openShellAs('nurse');
    const skip = harness.fixture.nativeElement.querySelector('.skip-link') as HTMLAnchorElement;
    skip.click();
    expect(document.activeElement?.id).toBe('main-content');
  });
});
