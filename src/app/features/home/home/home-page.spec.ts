import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Role } from '@domain';
import { SessionStore } from '../../../core/session-store.ts';
import { sessionFor, settle, specProviders } from '../../../testing/test-fixtures.ts';
import { HOME_ROUTES } from '../home.routes.ts';

describe('HomePage', () => {
  async function openAs(role: Role): Promise<HTMLElement> {
    TestBed.configureTestingModule({ providers: specProviders(HOME_ROUTES) });
    const restored = TestBed.inject(SessionStore).restore();
    TestBed.inject(HttpTestingController).expectOne('/api/v1/auth/me').flush(sessionFor(role));
    await restored;
    const harness = await RouterTestingHarness.create('/');
    await settle(harness.fixture);
    return harness.routeNativeElement!;
  }

  it('tells a nurse their role and what is coming, without admin links', async () => {
    const page = await openAs('nurse');
    expect(page.textContent).toContain('Signed in as Nurse');
    expect(page.textContent).toContain('Worklist');
    expect(page.querySelector('a[href="/admin/users"]')).toBeNull();
    expect(page.querySelector('a[href="/patients"]')).not.toBeNull();
  });

  it('links a physician to the patients list for the timeline', async () => {
    const page = await openAs('physician');
    expect(page.textContent).toContain('Patient timeline');
    expect(page.textContent).not.toContain('Patient timeline (coming next)');
    expect(page.querySelector('a[href="/patients"]')).not.toBeNull();
  });

  // Issue 14: home pages say what each role does now, never "coming next" for what exists.
  for (const role of ['nurse', 'physician', 'admin'] as const) {
    it(`promises nothing "coming next" to a ${role}, and every card leads somewhere`, async () => {
      const page = await openAs(role);
      expect(page.textContent).not.toContain('coming next');
      expect(page.querySelectorAll('mat-card').length).toBe(
        page.querySelectorAll('mat-card-actions a').length,
      );
    });
  }

  it('sends a nurse to the worklist first', async () => {
    const page = await openAs('nurse');
    expect(page.querySelector('mat-card a')?.getAttribute('href')).toBe('/worklist');
  });

  it('links an admin to Users and Audit log', async () => {
    const page = await openAs('admin');
    expect(page.textContent).toContain('Signed in as Administrator');
    expect(page.querySelector('a[href="/admin/users"]')).not.toBeNull();
    expect(page.querySelector('a[href="/admin/audit"]')).not.toBeNull();
  });
});
