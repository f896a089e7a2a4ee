import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Page, PatientView } from '@domain';
import { problemResponse, specProviders } from '../../../testing/test-fixtures.ts';
import { patient } from './patient-fixtures.ts';
import { PatientListStore } from './patient-list-store.ts';

describe('PatientListStore', () => {
  let http: HttpTestingController;
  let store: InstanceType<typeof PatientListStore>;
  // Issue 10, defect 10: the list searches by POST, so names travel in the body, never in the URL.
  const isList = (req: { url: string; method: string }) => req.method === 'POST' && req.url === '/api/v1/patients/search';
  /** A search parameter as the URL would have carried it. */
  const param = (req: { request: { body: unknown } }, key: string) => {
    const value = (req.request.body as Record<string, unknown>)[key];
    return value === undefined ? null : String(value);
  };
  const page = (items: PatientView[]): Page<PatientView> => ({ items, total: items.length, page: 1, pageSize: 25 });

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [...specProviders(), PatientListStore] });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(PatientListStore);
    TestBed.tick();
  });

  afterEach(() => http.verify());

  it('asks for the first page sorted by name, without empty filters', () => {
    const req = http.expectOne(isList);
    expect(Object.keys(req.request.body as object).sort()).toEqual(['dir', 'page', 'pageSize', 'sort']);
    expect(param(req, 'sort')).toBe('name');
    expect(param(req, 'dir')).toBe('asc');
    req.flush(page([patient()]));
    expect(store.items().length).toBe(1);
  });

  it('sends search, stage and sort to the server and starts again at page 1', () => {
    http.expectOne(isList).flush(page([]));
    store.showPage(3, 25);
    TestBed.tick();
    expect(param(http.expectOne(isList), 'page')).toBe('3');

    store.search('mara');
    store.filterByStage('diagnostic-blocks');
    store.sortBy('birthDate', 'desc');
    TestBed.tick();
    const req = http.expectOne(isList);
    expect(param(req, 'q')).toBe('mara');
    expect(param(req, 'stage')).toBe('diagnostic-blocks');
    expect(param(req, 'sort')).toBe('birthDate');
    expect(param(req, 'dir')).toBe('desc');
    expect(param(req, 'page')).toBe('1');
    req.flush(page([]));
  });

  it('goes back to sorting by name when a sort is cleared', () => {
    http.expectOne(isList).flush(page([]));
    store.sortBy('mrn', '');
    TestBed.tick();
    const req = http.expectOne(isList);
    expect(param(req, 'sort')).toBe('name');
    req.flush(page([]));
  });

  it('keeps the reason a load failed, for the page to show', () => {
    http.expectOne(isList).flush({ status: 500, title: 'Server error', detail: 'Try later.' }, problemResponse(500, 'Error'));
    expect(store.loadError()).toBe('Try later.');
    expect(store.loading()).toBeFalse();
  });

  it('returns a taken MRN as a problem instead of throwing', async () => {
    http.expectOne(isList).flush(page([]));
    const result = store.register({ mrn: 'MRN-1001', givenName: 'A', familyName: 'B', birthDate: '1990-01-01', sex: 'male' });
    http.expectOne((r) => r.method === 'POST' && r.url === '/api/v1/patients').flush(
      { status: 409, title: 'MRN already registered', code: 'mrn-taken', errors: [{ path: 'mrn', message: 'This MRN belongs to another patient' }] },
      problemResponse(409, 'Conflict'),
    );
    const outcome = await result;
    expect(outcome.ok).toBeFalse();
    if (!outcome.ok) {
      expect(outcome.conflict).toBeFalse();
      expect(outcome.problem.code).toBe('mrn-taken');
    }
  });
});
