import { createTestApp, type Signed, type TestApp, uniqueName } from './test-app.ts';

/** Issue 10, defect 11: a refused attempt at patient data leaves who, what, when and from where. */
describe('audit: refused access to patient data', () => {
  let t: TestApp;
  let manager: Signed;
  let nurse: Signed;
  let patientId: string;
  beforeAll(async () => {
    t = await createTestApp();
    await t.createUser('deny-manager', 'manager');
    await t.createUser('deny-nurse', 'nurse');
    manager = await t.login('deny-manager');
    nurse = await t.login('deny-nurse');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/patients',
      headers: nurse.write,
      payload: {
        mrn: uniqueName('D-'),
        givenName: 'Dora',
        familyName: 'Denied',
        birthDate: '1970-01-01',
        sex: 'female',
      },
    });
    patientId = res.json().id;
  });
  afterAll(async () => t.close());

  const denials = () =>
    t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'access.denied')
      .orderBy('id')
      .execute();

  it('a manager opening a patient gets 403 and an audit event naming who, what, when and from where', async () => {
    const before = Date.now();
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/patients/${patientId}`,
      headers: manager.read,
      remoteAddress: '10.1.2.3',
    });
    expect(res.statusCode).toBe(403);
    const event = (await denials()).find(
      (e) => e.patient_id === patientId && e.actor_username === 'deny-manager',
    )!;
    expect(event).withContext('audit event written').toBeDefined();
    expect(event.actor_id).toBe(manager.info.user.id);
    expect(event.ip).toBe('10.1.2.3');
    expect(event.entity_id).toBe(patientId);
    expect(event.details).toEqual(
      jasmine.objectContaining({
        method: 'GET',
        route: '/api/v1/patients/:id',
        role: 'manager',
        code: 'forbidden',
      }),
    );
    expect(new Date(event.at).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('records a refused search without its search terms, and a nurse refused a physician decision', async () => {
    await t.app.inject({ method: 'GET', url: '/api/v1/patients?q=Denied', headers: manager.read });
    const episode = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/patients/${patientId}/episodes`,
        headers: nurse.write,
        payload: { region: 'lumbar', side: 'left', onsetDate: '2026-01-01', indexPain: 'x' },
      })
    ).json();
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/episodes/${episode.id}/stage`,
      headers: nurse.write,
      payload: { version: 1, to: 'discharged', reason: 'Moved away' },
    });
    expect(refused.statusCode).toBe(403);
    const all = await denials();
    expect(JSON.stringify(all)).not.toContain('Denied');
    expect(
      all.some(
        (e) => e.actor_username === 'deny-manager' && e.details['route'] === '/api/v1/patients',
      ),
    ).toBeTrue();
    expect(
      all.some(
        (e) =>
          e.actor_username === 'deny-nurse' &&
          e.entity_id === episode.id &&
          e.details['code'] === 'physician-decision',
      ),
    ).toBeTrue();
  });

  it('does not record refusals of routes without patient data (administration)', async () => {
    const count = (await denials()).length;
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: nurse.read })).statusCode,
    ).toBe(403);
    expect((await denials()).length).toBe(count);
  });
});
