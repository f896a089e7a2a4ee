import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { WorklistRow, WorklistView } from '@domain';
import { apiInterceptor } from '../../../core/api-interceptor.ts';
import { SessionStore } from '../../../core/session-store.ts';
import { sessionFor, settle } from '../../../testing/test-fixtures.ts';
import { WorklistStore } from '../data/worklist-store.ts';
import { WORKLIST_ROUTES } from '../worklist.routes.ts';
import { WORKLIST_REFRESH_MS } from './worklist-page.ts';

const row = (n: number, over: Partial<WorklistRow> = {}): WorklistRow => ({
  key: `follow-up:${n}`,
  kind: 'follow-up',
  patientId: String(100 + n),
  patientName: `Runner, Rita${n}`,
  mrn: `M-${n}`,
  dueAt: '2026-03-16T04:00:00.000Z',
  dueDate: '2026-03-16',
  what: '2 weeks call after RFA',
  region: 'lumbar',
  providerId: '7',
  providerName: 'Dr. Patel',
  procedureId: '11',
  followUpId: String(n),
  plannedProcedureId: null,
  episodeId: '3',
  followUpKind: 'call',
  attempts: 0,
  ...over,
});
const view = (over: Partial<WorklistView> = {}): WorklistView => ({
  date: '2026-03-16',
  timeZone: 'America/New_York',
  overdue: [row(1)],
  dueToday: [row(2), row(3)],
  upcoming: [],
  totals: { overdue: 1, dueToday: 2, upcoming: 0 },
  pageSize: 25,
  pages: { overdue: 1, dueToday: 1, upcoming: 1 },
  providers: [{ id: '7', name: 'Dr. Patel' }],
  ...over,
});

describe('WorklistPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(url = '/worklist', refreshMs = 3_600_000): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'worklist', children: WORKLIST_ROUTES },
            { path: '**', children: [] },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: WORKLIST_REFRESH_MS, useValue: refreshMs },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const restored = TestBed.inject(SessionStore).restore();
    http.expectOne('/api/v1/auth/me').flush(sessionFor('nurse'));
    await restored;
    harness = await RouterTestingHarness.create(url);
    await settle(harness.fixture);
  }
  const text = () => harness.routeNativeElement!.textContent!.replace(/\s+/g, ' ');
  afterEach(() => http.verify());

  it('shows the three sections with their counts, and says so when a section is empty', async () => {
    await open();
    http.expectOne((r) => r.url === '/api/v1/worklist').flush(view());
    await settle(harness.fixture);
    const headings = [...harness.routeNativeElement!.querySelectorAll('h2')].map((h) =>
      h.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(headings).toEqual(['Overdue 1', 'Due today 2', 'Upcoming (7 days) 0']);
    expect(text()).toContain('Nothing in the next 7 days.');
    expect(harness.routeNativeElement!.querySelectorAll('[data-row]').length).toBe(3);
  });

  it('refreshes itself while open, quietly, so scores patients enter at home show up', async () => {
    await open('/worklist', 200);
    http.expectOne((r) => r.url === '/api/v1/worklist').flush(view());
    await settle(harness.fixture);
    await new Promise((resolve) => setTimeout(resolve, 260));
    const refreshes = http.match((r) => r.url === '/api/v1/worklist');
    expect(refreshes.length).toBeGreaterThan(0);
    for (const r of refreshes)
      r.flush(view({ dueToday: [row(2)], totals: { overdue: 1, dueToday: 1, upcoming: 0 } }));
    await settle(harness.fixture);
    expect(harness.routeNativeElement!.querySelectorAll('[data-row]').length).toBe(2);
    expect(harness.routeNativeElement!.querySelector('mat-progress-bar')).toBeNull();
    harness.fixture.destroy(); // stops the timer with the page
    for (const late of http.match((r) => r.url === '/api/v1/worklist')) late.flush(view());
  });

  it('says the day is clear when nothing is open', async () => {
    await open();
    http
      .expectOne((r) => r.url === '/api/v1/worklist')
      .flush(view({ overdue: [], dueToday: [], totals: { overdue: 0, dueToday: 0, upcoming: 0 } }));
    await settle(harness.fixture);
    expect(text()).toContain('The day is clear');
  });

  it('opens a row with Enter and moves between rows with the arrow keys', async () => {
    await open();
    http.expectOne((r) => r.url === '/api/v1/worklist').flush(view());
    await settle(harness.fixture);
    const rows = [...harness.routeNativeElement!.querySelectorAll<HTMLElement>('[data-row]')];
    rows[0]!.focus();
    rows[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(document.activeElement).toBe(rows[1]!);
    const navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
    rows[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(navigate).toHaveBeenCalledWith(['/worklist', 'follow-ups', '2']);
  });

  it('asks the server for the filtered page', async () => {
    await open();
    http.expectOne((r) => r.url === '/api/v1/worklist').flush(view());
    await settle(harness.fixture);
    void harness.routeDebugElement!.injector.get(WorklistStore).filter('7', 'cervical');
    const req = http.expectOne(
      (r) =>
        r.url === '/api/v1/worklist' &&
        r.params.get('region') === 'cervical' &&
        r.params.get('providerId') === '7',
    );
    expect(req.request.params.get('pageSize')).toBe('25');
    req.flush(view());
  });
});
