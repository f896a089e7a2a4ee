import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Page, PatientView } from '@domain';
import { problemResponse, specProviders } from '../../../testing/test-fixtures.ts';
import { patient } from './patient-fixtures.ts';
import { PatientListStore } from './patient-list-store.ts';

describe('PatientListStore', () => {
  let http: HttpTestingController;
  let store: InstanceType<typeof PatientListStore>;
  const isList = (req: { url: string; method: string }) => req.method === 'GET' && req.url === '/api/v1/patients';
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
    expect(req.request.params.keys().sort()).toEqual(['dir', 'page', 'pageSize', 'sort']);
    expect(req.request.params.get('sort')).toBe('name');
    expect(req.request.params.get('dir')).toBe('asc');
    req.flush(page([patient()]));
    expect(store.patients().length).toBe(1);
  });

  it('sends search, stage and sort to the server and starts again at page 1', () => {
    http.expectOne(isList).flush(page([]));
    store.showPage(3, 25);
    TestBed.tick();
    expect(http.expectOne(isList).request.params.get('page')).toBe('3');

    store.search('mara');
    store.filterByStage('diagnostic-blocks');
    store.sortBy('birthDate', 'desc');
    TestBed.tick();
    const req = http.expectOne(isList);
    expect(req.request.params.get('q')).toBe('mara');
    expect(req.request.params.get('stage')).toBe('diagnostic-blocks');
    expect(req.request.params.get('sort')).toBe('birthDate');
    expect(req.request.params.get('dir')).toBe('desc');
    expect(req.request.params.get('page')).toBe('1');
    req.flush(page([]));
  });

  it('goes back to sorting by name when a sort is cleared', () => {
    http.expectOne(isList).flush(page([]));
    store.sortBy('mrn', '');
    TestBed.tick();
    const req = http.expectOne(isList);
    expect(req.request.params.get('sort')).toBe('name');
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
