import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Role } from '@domain';
import { SessionStore } from '../../../core/session-store.ts';
import { ChartFigureHarness } from '../../../shared/ui/chart/testing/chart-figure-harness.ts';
import { PayerCheckListHarness } from '../../../shared/ui/payer-checks/testing/payer-check-list-harness.ts';
import { sessionFor, settle, specProviders } from '../../../testing/test-fixtures.ts';
import { By } from '@angular/platform-browser';
import {
  episode,
  flushEpisode,
  flushPatientPage,
  painTimeline,
  record,
} from '../data/patient-fixtures.ts';
import { EpisodeSwitcher } from '../ui/episode-switcher/episode-switcher.ts';
import { PATIENTS_ROUTES } from '../patients.routes.ts';

describe('PatientRecordPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function openAs(
    role: Role,
    timeline = painTimeline(),
    bookings: Parameters<typeof flushPatientPage>[2] = {},
  ): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: specProviders([{ path: 'patients', children: PATIENTS_ROUTES }]),
    });
    http = TestBed.inject(HttpTestingController);
    const restored = TestBed.inject(SessionStore).restore();
    http.expectOne('/api/v1/auth/me').flush(sessionFor(role));
    await restored;
    harness = await RouterTestingHarness.create('/patients/5');
    await settle(harness.fixture);
    await flushPatientPage(http, '5', { timeline, ...bookings });
    await settle(harness.fixture);
    return harness.routeNativeElement!;
  }

  afterEach(() => http.verify());

  const text = (element: HTMLElement) => element.textContent!.replace(/\s+/g, ' ');
  const links = (element: HTMLElement) =>
    [...element.querySelectorAll<HTMLAnchorElement>('.episode-links a')].map((a) => [
      a.textContent!.trim(),
      a.getAttribute('href'),
    ]);

  it('states the next step prominently, under the episode’s rule set', async () => {
    const page = await openAs('physician');
    const callout = page.querySelector('app-next-step-callout')!;
    expect(callout.querySelector('h2')!.textContent).toBe('Next step');
    expect(callout.querySelector('.message')!.textContent).toBe(
      'Eligible for RFA: two MBBs ≥ 80% (MBB #1 87.5% on 14 Oct 2026, MBB #2 87.5% on 28 Oct 2026).',
    );
    expect(callout.querySelector('.rule-set')!.textContent).toBe('Under Medicare LCD v1');
  });

  it('shows each payer-rule check with its status in words, naming the rule set and version', async () => {
    const page = await openAs('physician');
    expect(text(page)).toContain('Checked against Medicare LCD, version 1');
    const checks = await (
      await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(PayerCheckListHarness)
    ).getChecks();
    expect(checks.map((c) => `${c.title}: ${c.status}`)).toEqual([
      'Indication: Met',
      'Initial RFA: Met',
      'Repeat RFA: Not assessable',
      'Frequency per 12 months: Not met',
    ]);
  });

  it('links a physician to the procedures, recording one, and the documentation report', async () => {
    const page = await openAs('physician');
    expect(links(page)).toEqual([
      ['vaccines Procedures', '/episodes/11/procedures'],
      ['add Record procedure', '/episodes/11/procedures/new'],
      ['description Documentation report', '/episodes/11/report'],
    ]);
  });

  it('gives a nurse no shortcut to record a procedure', async () => {
    const page = await openAs('nurse');
    expect(links(page).map(([label]) => label)).toEqual([
      'vaccines Procedures',
      'description Documentation report',
    ]);
  });

  it('draws the pain timeline and lists the procedures in the care timeline, linked to their pages', async () => {
    const page = await openAs('physician');
    const chart = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(
      ChartFigureHarness,
    );
    expect(await chart.getCaption()).toContain('Pain timeline');
    expect((await chart.getRows()).length).toBe(7);
    const procedureLinks = [...page.querySelectorAll<HTMLAnchorElement>('app-care-timeline h3 a')];
    expect(procedureLinks.map((a) => [a.textContent!.trim(), a.getAttribute('href')])).toEqual([
      ['MBB #2', '/procedures/42'],
      ['MBB #1', '/procedures/41'],
    ]);
  });

  it('says so when there are no pain scores yet', async () => {
    const page = await openAs('physician', painTimeline({ scores: [], procedures: [] }));
    expect(text(page)).toContain('No pain scores yet');
  });

  it('shows the episode’s bookings with their payer checks and history, and each RFA’s durability', async () => {
    const page = await openAs('physician', painTimeline(), {
      bookings: [
        {
          id: '70',
          episodeId: '11',
          patientId: '5',
          region: 'lumbar',
          kind: 'mbb',
          intent: 'diagnostic',
          plannedDate: '2026-12-03',
          levels: ['L4-L5'],
          side: 'left',
          performerId: '7',
          performerName: 'Dr. Priya Patel',
          notes: null,
          status: 'planned',
          procedureId: null,
          cancelReason: null,
          baselines: [],
          checks: [{ id: 'frequency', status: 'not-met', message: 'Third block in 12 months.' }],
          history: [
            {
              at: '2026-12-01T09:00:00Z',
              byName: 'Nora',
              action: 'booked',
              detail: 'For 2026-12-02',
            },
            {
              at: '2026-12-01T10:00:00Z',
              byName: 'Nora',
              action: 'rescheduled',
              detail: '2026-12-02 to 2026-12-03: patient asked',
            },
          ],
          version: 2,
        },
      ],
      durability: [
        {
          procedureId: '43',
          label: 'RFA #1',
          performedOn: '2026-01-10',
          milestones: [
            { months: 3, status: 'held', reliefPercent: 75, date: '2026-04-10' },
            { months: 6, status: 'lost', reliefPercent: 20, date: '2026-07-10' },
            { months: 12, status: 'pending', reliefPercent: null, date: null },
          ],
        },
      ],
    });
    const panel = text(page.querySelector('app-episode-bookings')!);
    expect(panel).toContain('Thu 3 Dec 2026MBB L4-L5 (left, diagnostic)Dr. Priya PatelBooked');
    expect(panel).toContain('Third block in 12 months.');
    expect(panel).toContain('rescheduled: 02/12/2026 to 03/12/2026: patient asked');
    const cells = [...page.querySelectorAll('.durability tbody td')].map((td) =>
      td.textContent!.trim(),
    );
    expect(cells).toEqual(['relief held (75%)', 'relief lost (20%)', 'not yet due']);
    expect(panel).toContain('Record as performed');
  });

  it('shows another episode from its one page call, the bookings panel included (no call of its own)', async () => {
    const older = episode({ id: '9', region: 'cervical', onsetDate: '2024-01-10' });
    const page = await openAs('nurse', painTimeline(), { episodes: [episode(), older] });
    expect(page.querySelector('app-episode-bookings')).not.toBeNull();
    const switcher = harness.fixture.debugElement.query(By.directive(EpisodeSwitcher));
    (switcher.componentInstance as EpisodeSwitcher).selectEpisode.emit('9');
    await settle(harness.fixture);
    // Until the episode's page has come, no bookings panel (it would fetch or show the other episode's).
    expect(page.querySelector('app-episode-bookings')).toBeNull();
    await flushEpisode(http, '9', { record: record({ episode: older }) });
    await settle(harness.fixture);
    expect(page.querySelector('app-episode-bookings')).not.toBeNull();
    expect(text(page)).toContain('No procedure booked for this episode.');
    // afterEach's http.verify(): no planned-procedures or rfa-durability request was made.
  });
});
