import { createTestApp, type Signed, type TestApp, uniqueName } from './test-app.ts';

describe('patients', () => {
  let t: TestApp;
  let nurse: Signed;
  let doc: Signed;
  beforeAll(async () => {
    t = await createTestApp();
    await t.createUser('nurse1', 'nurse');
    await t.createUser('doc1', 'physician');
    nurse = await t.login('nurse1');
    doc = await t.login('doc1');
  });
  afterAll(async () => t.close());

  const patient = (over: Record<string, unknown> = {}) => ({
    mrn: uniqueName('MRN-'),
    givenName: 'Zoë',
    familyName: 'Ramírez',
    birthDate: '1988-04-12',
    sex: 'female',
    phone: '+1 555 0100',
    email: 'zoe@example.org',
    runner: true,
    weeklyDistanceKm: 40,
    ...over,
  });
  const register = (body: Record<string, unknown>, as: Signed = nurse) =>
    t.app.inject({ method: 'POST', url: '/api/v1/patients', payload: body, headers: as.write });
  const list = (query: string, as: Signed = nurse) =>
    t.app.inject({ method: 'GET', url: `/api/v1/patients?${query}`, headers: as.read });

  it('registers a patient and audits the write', async () => {
    const res = await register(patient());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual(
      jasmine.objectContaining({
        givenName: 'Zoë',
        familyName: 'Ramírez',
        runner: true,
        weeklyDistanceKm: 40,
        version: 1,
        currentStage: null,
      }),
    );
    const audit = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'patient.create')
      .where('patient_id', '=', body.id)
      .execute();
    expect(audit.length).toBe(1);
    expect(JSON.stringify(audit)).not.toContain('Ramírez');
  });

  it('refuses a duplicate MRN (case-insensitive) with 409 on the mrn field', async () => {
    const mrn = uniqueName('DUP-');
    expect((await register(patient({ mrn }))).statusCode).toBe(201);
    const dup = await register(patient({ mrn: mrn.toLowerCase() }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors).toEqual([
      { path: 'mrn', message: 'This MRN belongs to another patient' },
    ]);
  });

  it('validates every field with a message a nurse can act on', async () => {
    const res = await register({
      mrn: 'bad mrn!',
      givenName: '',
      familyName: 'x'.repeat(101),
      birthDate: '2999-01-01',
      sex: 'f',
      email: 'nope',
      weeklyDistanceKm: -1,
    });
    expect(res.statusCode).toBe(400);
    const byPath = Object.fromEntries(
      res.json().errors.map((e: { path: string; message: string }) => [e.path, e.message]),
    );
    expect(byPath).toEqual(
      jasmine.objectContaining({
        mrn: 'MRN may use letters, digits and dashes only',
        givenName: 'Given name is required',
        familyName: 'Family name must be at most 100 characters',
        birthDate: 'Birth date cannot be in the future',
        email: 'Email must be an address like name@example.org',
        weeklyDistanceKm: 'Weekly distance cannot be negative',
      }),
    );
  });

  it('searches by name or MRN prefix, ignoring case and accents, and pages', async () => {
    const family = uniqueName('Núñez');
    for (const given of ['Ána', 'Anabel', 'Bruno'])
      await register(patient({ givenName: given, familyName: family }));
    const key = family.toLowerCase().replace('ú', 'u').replace('ñ', 'n');
    expect((await list(`q=${encodeURIComponent(key)}`)).json().total).toBe(3);
    expect((await list(`q=${encodeURIComponent(`ana ${key}`)}`)).json().total).toBe(1);
    expect((await list(`q=${encodeURIComponent(`${key}, an`)}`)).json().total).toBe(2);
    const page2 = (await list(`q=${encodeURIComponent(key)}&pageSize=2&page=2&sort=name`)).json();
    expect(page2.items.map((p: { givenName: string }) => p.givenName)).toEqual(['Bruno']);
    const desc = (await list(`q=${encodeURIComponent(key)}&sort=name&dir=desc`)).json();
    expect(desc.items[0].givenName).toBe('Bruno');
  });

  it('finds an MRN by its digits anywhere (3 or more), not by one or two digits', async () => {
    const digits = String(Date.now()).slice(-7);
    const { id } = (await register(patient({ mrn: `DEMO-${digits}` }))).json();
    const found = async (q: string) =>
      (await list(`q=${encodeURIComponent(q)}&pageSize=100`))
        .json()
        .items.map((p: { id: string }) => p.id);
    expect(await found(digits)).toContain(id);
    expect(await found(digits.slice(2))).toContain(id);
    expect(await found(`DEMO-${digits.slice(0, 3)}`)).toContain(id);
    expect(await found(`EMO-${digits}`)).not.toContain(id); // letters still match from the start only
  });

  it("edits with the version read; a stale save gets 409 with the other person's change", async () => {
    const id = (await register(patient())).json().id;
    const first = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/patients/${id}`,
      payload: { version: 1, phone: '+1 555 0199' },
      headers: doc.write,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().runner).withContext('untouched fields stay').toBeTrue();
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/patients/${id}`,
      payload: { version: 1, phone: '+1 555 0111' },
      headers: nurse.write,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.phone).toBe('+1 555 0199');
    const stored = (
      await t.app.inject({ method: 'GET', url: `/api/v1/patients/${id}`, headers: nurse.read })
    ).json();
    expect(stored.phone).toBe('+1 555 0199');
    expect(stored.version).toBe(2);
  });

  it('keeps managers and admins away from identifiable patient data (403)', async () => {
    for (const role of ['manager', 'admin'] as const) {
      const name = uniqueName(role);
      await t.createUser(name, role);
      const s = await t.login(name);
      expect((await list('', s)).statusCode).toBe(403);
      expect((await register(patient(), s)).statusCode).toBe(403);
    }
  });

  it('audits searches with the ids returned and reads of one patient', async () => {
    const id = (await register(patient({ familyName: uniqueName('Audit') }))).json().id;
    await t.app.inject({ method: 'GET', url: `/api/v1/patients/${id}`, headers: doc.read });
    const reads = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('patient_id', '=', id)
      .where('action', '=', 'patient.read')
      .execute();
    expect(reads.length).toBe(1);
    expect(reads[0]!.actor_username).toBe('doc1');
    expect(reads[0]!.entity).toBe('patient');
    expect(reads[0]!.entity_id).toBe(id);
    // The read writes its row in the same statement (a CTE); the sealer chains it like any other.
    await t.app.auditSealer.seal(); // may join a round the timer started before the read
    await t.app.auditSealer.seal();
    const seals = await t.db.kysely
      .selectFrom('audit_seals')
      .select('seq')
      .where('event_id', '=', reads[0]!.id)
      .execute();
    expect(seals.length).toBe(1);
  });

  it('answers 404 for a patient that does not exist and records no read of it', async () => {
    const missing = '987654321';
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/patients/${missing}`,
      headers: doc.read,
    });
    expect(res.statusCode).toBe(404);
    const reads = await t.db.kysely
      .selectFrom('audit_events')
      .select('id')
      .where('entity_id', '=', missing)
      .execute();
    expect(reads).toEqual([]);
  });
});
