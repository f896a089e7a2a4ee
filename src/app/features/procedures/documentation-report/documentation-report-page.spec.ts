import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { PayerCheckListHarness } from '../../../shared/ui/payer-checks/testing/payer-check-list-harness.ts';
import { problemResponse, settle } from '../../../testing/test-fixtures.ts';
import { EPISODE_REPORT_ROUTES } from '../procedures.routes.ts';
import { episodeReport, pageProviders, signInAs } from '../testing/procedure-fixtures.ts';

describe('DocumentationReportPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: pageProviders([
        { path: 'episodes/:episodeId/report', children: EPISODE_REPORT_ROUTES },
      ]),
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(http, 'physician');
    harness = await RouterTestingHarness.create('/episodes/3/report');
    await settle(harness.fixture);
  });

  afterEach(() => http.verify());

  async function answer(body = episodeReport()): Promise<HTMLElement> {
    http.expectOne('/api/v1/episodes/3/report').flush(body);
    await settle(harness.fixture);
    return harness.routeNativeElement!;
  }
  const text = (element: HTMLElement) => element.textContent!.replace(/\s+/g, ' ');

  it('names the patient and episode, and measures conservative care against the rule set', async () => {
    const page = text(await answer());
    expect(page).toContain('Okafor, Maya');
    expect(page).toContain('DEMO-1001');
    expect(page).toContain('14 Mar 1986');
    expect(page).toContain('Lumbar, bilateral');
    expect(page).toContain('rest 4, activity 8');
    expect(page).toContain('91 days of conservative care; Medicare LCD v1 minimum 42 days: met.');
    expect(page).toContain('29 May 2026');
  });

  it('shows both blocks with their diary tables, readings and the comparison', async () => {
    const page = await answer();
    const diaries = [...page.querySelectorAll('table.diary')];
    expect(diaries.map((t) => t.querySelector('caption')!.textContent!.trim())).toEqual([
      'MBB #1 pain diary',
      'MBB #2 pain diary',
    ]);
    const rows = [...diaries[0]!.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].slice(0, 5).map((td) => td.textContent!.trim()),
    );
    expect(rows).toEqual([
      ['Baseline', 'With activity', 'Both', '8', '—'],
      ['30 min', 'With activity', 'Both', '1', '87.5%'],
      ['2 h', 'With activity', 'Both', '1', '87.5%'],
    ]);
    expect(text(page)).toContain('Until 2 h');
    expect(text(page)).toContain('Signed by Dr. Priya Patel');
    expect(text(page)).toContain('Comparative result: Concordant.');
  });

  it('lists the checks with their evidence, the next step and the signing physician', async () => {
    const page = await answer();
    const checks = await (
      await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(PayerCheckListHarness)
    ).getChecks();
    expect(checks.map((c) => c.status)).toEqual(['Met', 'Met', 'Not assessable', 'Not met']);
    expect(checks[1]!.evidence).toContain('MBB #2 on 28 Oct 2026: peak relief 87.5% (positive)');
    expect(text(page)).toContain('Next step: Eligible for RFA: two MBBs ≥ 80%');
    expect(text(page)).toContain('Physician: Dr. Priya Patel, interpretation signed 27 Oct 2026');
  });

  it('prints with the browser’s print dialog', async () => {
    await answer();
    const print = spyOn(globalThis, 'print');
    await (
      await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(
        MatButtonHarness.with({ text: /Print/ }),
      )
    ).click();
    expect(print).toHaveBeenCalled();
  });

  it('says when the report cannot be loaded', async () => {
    http
      .expectOne('/api/v1/episodes/3/report')
      .flush(
        { status: 404, title: 'Not found', detail: 'The episode was not found.' },
        problemResponse(404, 'Not Found'),
      );
    await settle(harness.fixture);
    expect(text(harness.routeNativeElement!)).toContain('The episode was not found.');
  });
});
