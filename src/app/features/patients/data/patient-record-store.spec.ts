import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { nextRequest, problemResponse, specProviders } from '../../../testing/test-fixtures.ts';
import { episode, flushEpisode, flushPatientPage, patient, record } from './patient-fixtures.ts';
import { PatientRecordStore } from './patient-record-store.ts';

describe('PatientRecordStore', () => {
  let http: HttpTestingController;
  let store: InstanceType<typeof PatientRecordStore>;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [...specProviders(), PatientRecordStore] });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(PatientRecordStore);
    const opened = store.open('5');
    await flushPatientPage(http, '5');
    await opened;
  });

  afterEach(() => http.verify());

  it('opens the patient with the newest episode and its record', () => {
    expect(store.patient()?.mrn).toBe('MRN-1001');
    expect(store.selectedEpisode()?.id).toBe('11');
    expect(store.record()?.conservativeCare.days).toBe(30);
    expect(store.currentStage()).toBe('conservative-care');
  });

  it('loads the episode’s payer-rule checks and pain timeline with its record', () => {
    expect(store.checks()?.nextStep.id).toBe('rfa');
    expect(store.timeline()?.procedures.map((p) => p.label)).toEqual(['MBB #1', 'MBB #2']);
  });

  it('opens the patient and the newest episode in one call, the bookings with them', () => {
    // beforeEach answered one request; http.verify() in afterEach finds no other.
    expect(store.bookings()).toEqual({ episodeId: '11', plannedProcedures: [], rfaDurability: [] });
  });

  it('keeps the patient and says why where each part would show when the episode cannot be read', async () => {
    const reloaded = store.reloadRecord();
    (await nextRequest(http, '/api/v1/episodes/11/page')).flush(
      { status: 500, title: 'Server error', detail: 'The episode is unavailable.' },
      problemResponse(500, 'Server Error'),
    );
    await reloaded;
    expect(store.patient()?.mrn).toBe('MRN-1001');
    expect([store.recordError(), store.checksError(), store.timelineError()]).toEqual([
      'The episode is unavailable.',
      'The episode is unavailable.',
      'The episode is unavailable.',
    ]);
    expect(store.recordLoading()).toBeFalse();
  });

  it('shows a patient without episodes with no record to load', async () => {
    const opened = store.open('6');
    await flushPatientPage(http, '6', { patient: patient({ id: '6' }), episodes: [] });
    await opened;
    expect([store.patient()?.id, store.selectedEpisodeId(), store.record()]).toEqual(['6', null, null]);
  });

  it('saves an edit with the version the form started from', async () => {
    const saved = store.updatePatient({ phone: '555-0100' }, 2);
    const req = http.expectOne((r) => r.method === 'PATCH' && r.url === '/api/v1/patients/5');
    expect(req.request.body).toEqual({ phone: '555-0100', version: 2 });
    req.flush(patient({ phone: '555-0100', version: 3 }));
    const result = await saved;
    expect(result.ok).toBeTrue();
    expect(store.patient()?.version).toBe(3);
  });

  it('on a version conflict returns the other person’s patient and shows it, without re-sending', async () => {
    const theirs = patient({ familyName: 'Marathon-Smith', version: 3 });
    const saved = store.updatePatient({ givenName: 'Renata' }, 2);
    http
      .expectOne((r) => r.method === 'PATCH')
      .flush({ status: 409, title: 'Version conflict', code: 'version-conflict', current: theirs }, problemResponse(409, 'Conflict'));
    const result = await saved;

    expect(result.ok).toBeFalse();
    if (!result.ok) {
      expect(result.conflict).toBeTrue();
      expect(result.current).toEqual(theirs);
    }
    expect(store.patient()?.familyName).toBe('Marathon-Smith');
  });

  it('moves the stage with the episode version and reloads the record', async () => {
    const moved = store.moveStage('intake', 'Referral was incomplete');
    const req = http.expectOne('/api/v1/episodes/11/stage');
    expect(req.request.body).toEqual({ version: 3, to: 'intake', reason: 'Referral was incomplete' });
    req.flush(episode({ stage: 'intake', version: 4 }));
    await flushEpisode(http, '11', { record: record({ episode: episode({ stage: 'intake', version: 4 }) }) });
    expect((await moved).ok).toBeTrue();
    expect(store.selectedEpisode()?.stage).toBe('intake');
  });

  it('marks a therapy entered in error with its version and reason', async () => {
    const marked = store.markEnteredInError('therapies', { id: '21', version: 1 }, 'Wrong patient');
    const req = http.expectOne('/api/v1/therapies/21/entered-in-error');
    expect(req.request.body).toEqual({ version: 1, reason: 'Wrong patient' });
    req.flush(null, { status: 204, statusText: 'No Content' });
    await flushEpisode(http, '11');
    expect((await marked).ok).toBeTrue();
  });
});
