import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { FollowUpView, Role } from '@domain';
import { ChartFigureHarness } from '../../../shared/ui/chart/testing/chart-figure-harness.ts';
import { settle } from '../../../testing/test-fixtures.ts';
import { PROCEDURE_ROUTES } from '../procedures.routes.ts';
import {
  assessmentView,
  painDiary,
  pageProviders,
  procedureView,
  signInAs,
} from '../testing/procedure-fixtures.ts';

describe('ProcedureDetailPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;

  async function openAs(role: Role): Promise<void> {
    TestBed.configureTestingModule({
      providers: pageProviders([{ path: 'procedures/:id', children: PROCEDURE_ROUTES }]),
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(http, role);
    harness = await RouterTestingHarness.create('/procedures/11');
    await settle(harness.fixture);
    http.expectOne('/api/v1/procedures/11').flush(procedureView());
    http.expectOne('/api/v1/procedures/11/pain-scores').flush(painDiary());
    http.expectOne('/api/v1/procedures/11/diary-links').flush([]);
    await settle(harness.fixture);
    // The assessment carries its threshold: no rule-set list is fetched to draw the line.
    http.expectOne('/api/v1/procedures/11/assessment').flush(assessmentView());
    http.expectOne('/api/v1/procedures/11/follow-ups').flush(followUps);
    await settle(harness.fixture);
    await settle(harness.fixture);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
  }

  afterEach(() => http.verify());
  let followUps: FollowUpView[] = [];
  beforeEach(() => (followUps = []));

  it("shows a follow-up's red flags prominently to the physician (issue 12)", async () => {
    followUps = [
      {
        id: '5',
        procedureId: '11',
        patientId: '2',
        label: '1 day',
        dueDate: '2026-03-02',
        windowDays: 3,
        kind: 'call',
        status: 'done',
        attempts: 1,
        maxAttempts: 3,
        doneAt: '2026-03-02T10:00:00Z',
        doneByName: 'Nora',
        cancelReason: null,
        version: 2,
        history: [],
        result: {
          painRest: 2,
          painActivity: 3,
          reportedReliefPercent: 60,
          reliefRestPercent: null,
          reliefActivityPercent: null,
          functionScore: null,
          running: null,
          complications: ['numbness'],
          redFlags: ['fever', 'drainage'],
          note: null,
          outsideWindow: false,
        },
      },
    ];
    await openAs('physician');
    const alert = harness.routeNativeElement!.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain(
      'Red flag at the 1 day call: Fever above 100.4 °F twice, 4 h apart, Drainage at the site',
    );
    expect(harness.routeNativeElement!.textContent).toContain('complications: Numbness');
    expect(harness.routeNativeElement!.textContent).toContain('due 2 Mar 2026'); // day first, not ISO
  });

  it('shows the diary chart with its table and the verdict under the episode’s rule set', async () => {
    await openAs('physician');
    const chart = await loader.getHarness(ChartFigureHarness);
    expect(await chart.getCaption()).toContain('NRS by hours since the block');
    expect((await chart.getRows()).map((row) => row[0])).toEqual(['Baseline', '15 min']);
    const text = harness.routeNativeElement!.textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('Positive');
    expect(text).toContain('Medicare LCD, version 1 (positive at ≥ 80% relief)');
  });

  /** The confirmation that signing opens, answered with its Sign or Cancel button. */
  async function answerSignDialog(button: 'Sign' | 'Cancel'): Promise<string> {
    const root = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
    const dialog = await root.getHarness(MatDialogHarness);
    const words = await dialog.getText();
    await (await dialog.getHarness(MatButtonHarness.with({ text: button }))).click();
    await settle(harness.fixture);
    return words;
  }

  it('asks before signing, and signs nothing when the physician cancels', async () => {
    await openAs('physician');
    await (
      await loader.getHarness(MatInputHarness.with({ selector: 'textarea' }))
    ).setValue('Positive MBB; plan second block.');
    await (await loader.getHarness(MatButtonHarness.with({ text: /Sign interpretation/ }))).click();
    expect(await answerSignDialog('Cancel')).toContain('signed under your name');
    http.expectNone((r) => r.method === 'POST');
  });

  it('lets a physician sign, then shows the signed version with who and when', async () => {
    await openAs('physician');
    await (
      await loader.getHarness(MatInputHarness.with({ selector: 'textarea' }))
    ).setValue('Positive MBB; plan second block.');
    await (await loader.getHarness(MatButtonHarness.with({ text: /Sign interpretation/ }))).click();
    expect(await answerSignDialog('Sign')).toContain('Sign this interpretation?');
    const sign = http.expectOne(
      (r) => r.method === 'POST' && r.url === '/api/v1/procedures/11/interpretation',
    );
    expect(sign.request.body).toEqual({ text: 'Positive MBB; plan second block.' });
    sign.flush(
      procedureView({
        interpretation: {
          version: 1,
          text: 'Positive MBB; plan second block.',
          verdict: 'positive',
          signedAt: '2026-11-25T10:00:00Z',
          signedByName: 'Dr. Priya Patel',
        },
      }),
    );
    await settle(harness.fixture);
    const text = harness.routeNativeElement!.textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('Version 1, signed by Dr. Priya Patel');
    expect(
      await loader.getHarness(MatButtonHarness.with({ text: /Sign new version/ })),
    ).toBeTruthy();
  });

  it('asks for a text before signing', async () => {
    await openAs('physician');
    await (await loader.getHarness(MatButtonHarness.with({ text: /Sign interpretation/ }))).click();
    http.expectNone((r) => r.method === 'POST');
    expect(harness.routeNativeElement!.textContent).toContain('Interpretation is required');
  });

  it('shows a nurse no Sign button, but a way to the diary', async () => {
    await openAs('nurse');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: /Sign/ }))).toHaveSize(0);
    expect(
      await loader.getHarness(MatButtonHarness.with({ text: /Enter diary scores/ })),
    ).toBeTruthy();
  });

  it('lets a nurse hand over a diary link: the sheet shows the address once, in English or Spanish, and the link can be revoked', async () => {
    await openAs('nurse');
    await (await loader.getHarness(MatButtonHarness.with({ text: /Create diary link/ }))).click();
    const created = {
      id: '5',
      url: 'http://clinic.example/diary/' + 'T'.repeat(43),
      expiresAt: '2026-12-11T08:00:00Z',
    };
    http
      .expectOne((r) => r.method === 'POST' && r.url === '/api/v1/procedures/11/diary-links')
      .flush(created);
    await settle(harness.fixture);
    http.expectOne('/api/v1/patients/2').flush({ id: '2', givenName: 'Lucía' });
    await settle(harness.fixture);
    const link = {
      id: '5',
      createdAt: '2026-11-25T09:00:00Z',
      createdByName: 'Nora Nurse',
      expiresAt: created.expiresAt,
      revokedAt: null,
      status: 'active',
    };
    http.expectOne('/api/v1/procedures/11/diary-links').flush([link]);
    await settle(harness.fixture);
    const sheet = () =>
      harness
        .routeNativeElement!.querySelector('.handover-sheet')!
        .textContent!.replace(/\s+/g, ' ');
    expect(sheet()).toContain('Pain diary for Lucía');
    expect(sheet()).toContain(created.url);
    expect(sheet()).toContain('do not take pain medication and do not nap');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Español' }))).click();
    expect(sheet()).toContain('Diario del dolor de Lucía');
    expect(sheet()).toContain('no tome analgésicos y no duerma la siesta');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Revoke' }))).click();
    http
      .expectOne((r) => r.method === 'DELETE' && r.url === '/api/v1/diary-links/5')
      .flush({ ...link, status: 'revoked', revokedAt: '2026-11-25T10:00:00Z' });
    await settle(harness.fixture);
    http.expectOne('/api/v1/procedures/11/diary-links').flush([{ ...link, status: 'revoked' }]);
    await settle(harness.fixture);
    expect(harness.routeNativeElement!.querySelector('.handover-sheet'))
      .withContext('a revoked sheet is no longer shown')
      .toBeNull();
  });
});
