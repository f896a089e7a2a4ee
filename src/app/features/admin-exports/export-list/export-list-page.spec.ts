import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { BulkExportJob } from '@domain';
import { settle, specProviders } from '../../../testing/test-fixtures.ts';
import { ADMIN_EXPORTS_ROUTES } from '../admin-exports.routes.ts';

const job = (overrides: Partial<BulkExportJob>): BulkExportJob => ({
  id: '3',
  status: 'done',
  startedAt: '2026-12-01T10:00:00Z',
  finishedAt: '2026-12-01T10:01:00Z',
  totalPatients: 4,
  donePatients: 4,
  progressPercent: 100,
  output: [{ type: 'Patient', count: 4, url: '/api/v1/exports/3/files/Patient' }],
  error: null,
  ...overrides,
});

describe('ExportListPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: specProviders([{ path: 'admin/exports', children: ADMIN_EXPORTS_ROUTES }]),
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create('/admin/exports');
    await settle(harness.fixture);
  });

  afterEach(() => http.verify());

  const text = () => (harness.routeNativeElement as HTMLElement).textContent ?? '';

  it('lists finished exports with a download link per file', async () => {
    http.expectOne('/api/v1/exports').flush([job({})]);
    await settle(harness.fixture);
    const link = (harness.routeNativeElement as HTMLElement).querySelector<HTMLAnchorElement>(
      'a[download]',
    )!;
    expect(link.getAttribute('href')).toBe('/api/v1/exports/3/files/Patient');
    expect(link.getAttribute('aria-label')).toMatch(/^Patient \(4\): /);
  });

  it('starts an export, shows progress while it runs and disables a second start', async () => {
    http.expectOne('/api/v1/exports').flush([]);
    await settle(harness.fixture);
    expect(text()).toContain('No export yet');
    (harness.routeNativeElement as HTMLElement).querySelector<HTMLButtonElement>('button')!.click();
    http.expectOne({ method: 'POST', url: '/api/v1/exports' }).flush(
      job({
        status: 'running',
        donePatients: 0,
        progressPercent: 0,
        output: [],
        finishedAt: null,
      }),
    );
    await settle(harness.fixture);
    http.expectOne('/api/v1/exports').flush([
      job({
        status: 'running',
        donePatients: 2,
        progressPercent: 50,
        output: [],
        finishedAt: null,
      }),
    ]);
    await settle(harness.fixture);
    expect(text()).toContain('2 of 4 patients (50%)');
    expect(
      (harness.routeNativeElement as HTMLElement).querySelector<HTMLButtonElement>('button')!
        .disabled,
    ).toBeTrue();
    harness.fixture.destroy(); // stops the progress polling
  });
});
