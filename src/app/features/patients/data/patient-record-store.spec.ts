import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { nextRequest, problemResponse, specProviders } from '../../../testing/test-fixtures.ts';
import { episode, flushEpisode, patient, record } from './patient-fixtures.ts';
import { PatientRecordStore } from './patient-record-store.ts';

describe('PatientRecordStore', () => {
  let http: HttpTestingController;
  let store: InstanceType<typeof PatientRecordStore>;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [...specProviders(), PatientRecordStore] });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(PatientRecordStore);
    const opened = store.open('5');
    http.expectOne('/api/v1/patients/5').flush(patient());
    http.expectOne('/api/v1/patients/5/episodes').flush([episode()]);
    await flushEpisode(http, '11');
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

  it('still shows the record when the checks cannot be loaded', async () => {
    const reloaded = store.reloadRecord();
    (await nextRequest(http, '/api/v1/episodes/11/record')).flush(record());
    (await nextRequest(http, '/api/v1/episodes/11/checks')).flush(
      { status: 500, title: 'Server error', detail: 'The checks are unavailable.' },
      problemResponse(500, 'Server Error'),
    );
    (await nextRequest(http, '/api/v1/episodes/11/pain-timeline')).flush(
      { status: 500, title: 'Server error', detail: 'No timeline.' },
      problemResponse(500, 'Server Error'),
    );
    await reloaded;
    expect(store.record()).not.toBeNull();
    expect(store.checks()).toBeNull();
    expect(store.checksError()).toBe('The checks are unavailable.');
    expect(store.timelineError()).toBe('No timeline.');
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
