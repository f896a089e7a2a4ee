import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { AuditEventView, AuditVerifyResult, Page } from '@domain';
import { settle, specProviders } from '../../../testing/test-fixtures.ts';
import { AUDIT_LOG_ROUTES } from '../audit-log.routes.ts';

const LOGIN_EVENT: AuditEventView = {
  id: '41',
  at: '2026-01-05T09:00:00Z',
  actorId: '1',
  actorUsername: 'admin1',
  action: 'auth.login',
  entity: null,
  entityId: null,
  patientId: null,
  ip: '127.0.0.1',
  details: {},
};

const UPDATE_EVENT: AuditEventView = {
  ...LOGIN_EVENT,
  id: '42',
  action: 'user.update',
  entity: 'user',
  entityId: '7',
  details: { role: 'physician' },
};

describe('AuditEventListPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;

  const isEvents = (req: { url: string }) => req.url === '/api/v1/audit/events/search';
  const pageOf = (items: AuditEventView[]): Page<AuditEventView> => ({
    items,
    total: items.length,
    page: 1,
    pageSize: 25,
  });
  const statusText = () =>
    (
      harness.routeNativeElement?.querySelector('app-integrity-panel [role="status"]')
        ?.textContent ?? ''
    ).trim();

  async function openPage(): Promise<void> {
    harness = await RouterTestingHarness.create('/admin/audit');
    await settle(harness.fixture);
    http.expectOne(isEvents).flush(pageOf([UPDATE_EVENT, LOGIN_EVENT]));
    await settle(harness.fixture);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
  }

  async function checkIntegrity(answer: AuditVerifyResult): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: /Check integrity/ }))).click();
    http.expectOne('/api/v1/audit/verify').flush(answer);
    await settle(harness.fixture);
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: specProviders([{ path: 'admin/audit', children: AUDIT_LOG_ROUTES }]),
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists the events of the first page', async () => {
    await openPage();
    const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();

    expect(rows['action'].text).toEqual(['Updated user', 'Signed in']); // issue 14: actions in words
    expect(rows['entity'].text).toEqual(['user #7', '—']);
    expect(rows['details'].text[0]).toBe('Role: physician');
  });

  it('reports an intact chain', async () => {
    await openPage();
    await checkIntegrity({ ok: true, checked: 1234 });
    expect(statusText()).toContain('Chain intact: 1234 events checked');
  });

  it('reports where the chain is broken and why', async () => {
    await openPage();
    await checkIntegrity({ ok: false, checked: 40, firstBrokenId: '41', reason: 'hash mismatch' });
    expect(statusText()).toContain('Chain broken at event #41: hash mismatch');
  });

  it('runs a full check chunk by chunk with a progress bar, and reports the first break', async () => {
    await openPage();
    await (await loader.getHarness(MatButtonHarness.with({ text: /Full check/ }))).click();
    const isFull =
      (from: string) => (req: { url: string; params: { get(k: string): string | null } }) =>
        req.url === '/api/v1/audit/verify' &&
        req.params.get('mode') === 'full' &&
        req.params.get('from') === from;
    http.expectOne(isFull('0')).flush({ ok: true, checked: 50, nextSeq: '50', total: 100 });
    await settle(harness.fixture);
    const bar = harness.routeNativeElement?.querySelector(
      'mat-progress-bar[aria-label="Full check progress"]',
    );
    expect(bar?.getAttribute('aria-valuenow')).toBe('50');
    http.expectOne(isFull('50')).flush({
      ok: false,
      checked: 50,
      nextSeq: null,
      total: 100,
      firstBrokenId: '77',
      reason: 'The event was altered after it was written.',
    });
    await settle(harness.fixture);
    expect(statusText()).toContain('Chain broken at event #77');
    expect(
      harness.routeNativeElement?.querySelector(
        'mat-progress-bar[aria-label="Full check progress"]',
      ),
    ).toBeNull();
  });

  it('sends the filters by username and MRN or name in a POST body, starting again at page 1', async () => {
    await openPage();
    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="patient"]' }))
    ).setValue(' Ibáñez ');
    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="username"]' }))
    ).setValue('nurse');
    const action = await loader.getHarness(MatSelectHarness);
    await action.open();
    await action.clickOptions({ text: 'Read patient' });
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Apply filters' }))).click();
    await settle(harness.fixture);

    const req = http.expectOne(isEvents);
    expect(req.request.method).toBe('POST');
    expect(req.request.urlWithParams).toBe('/api/v1/audit/events/search');
    expect(req.request.body).toEqual(
      jasmine.objectContaining({
        patient: 'Ibáñez',
        username: 'nurse',
        action: 'patient.read',
        page: 1,
      }),
    );
    expect('userId' in req.request.body).toBeFalse();
    req.flush(pageOf([]));
    await settle(harness.fixture);
    expect(harness.routeNativeElement?.textContent).toContain('No events match these filters');
  });

  it('refuses a "to" date before the "from" date with the schema’s message', async () => {
    await openPage();
    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="from"]' }))
    ).setValue('2026-02-01');
    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="to"]' }))
    ).setValue('2026-01-01');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Apply filters' }))).click();

    const to = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'To' }));
    expect(await to.getTextErrors()).toEqual(['The "to" date must be on or after the "from" date']);
    http.expectNone(isEvents);
  });
});
