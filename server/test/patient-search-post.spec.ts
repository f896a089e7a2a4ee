import { createTestApp, type Signed, type TestApp, uniqueName } from './test-app.ts';

/** Issue 10, defect 10: search by POST keeps patient names out of URLs; GET ?q= still works for scripts. */
describe('patients: search by POST', () => {
  let t: TestApp;
  let nurse: Signed;
  let family: string;
  beforeAll(async () => {
    t = await createTestApp();
    await t.createUser('search-nurse', 'nurse');
    await t.createUser('search-manager', 'manager');
    nurse = await t.login('search-nurse');
    family = uniqueName('Searchley');
    for (const given of ['Ana', 'Bea', 'Cai']) {
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/patients',
        headers: nurse.write,
        payload: {
          mrn: uniqueName('S-'),
          givenName: given,
          familyName: family,
          birthDate: '1970-01-01',
          sex: 'female',
        },
      });
    }
  });
  afterAll(async () => t.close());

  const search = (body: unknown, as: Signed = nurse) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/patients/search',
      headers: as.write,
      payload: body as object,
    });

  it('answers the same page as GET ?q= for the same parameters', async () => {
    const post = await search({ q: family, sort: 'name', dir: 'desc', page: 1, pageSize: 2 });
    expect(post.statusCode).toBe(200);
    const get = await t.app.inject({
      method: 'GET',
      url: `/api/v1/patients?q=${encodeURIComponent(family)}&sort=name&dir=desc&page=1&pageSize=2`,
      headers: nurse.read,
    });
    expect(get.statusCode).toBe(200);
    expect(post.json()).toEqual(get.json());
    expect(post.json().total).toBe(3);
    expect(post.json().items.map((p: { givenName: string }) => p.givenName)).toEqual([
      'Cai',
      'Bea',
    ]);
  });

  it('audits the search like the GET, validates the body, and needs the CSRF token and the role', async () => {
    await search({ q: family });
    const audit = await t.db.kysely
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'patient.search')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect((audit.details['patientIds'] as string[]).length).toBe(3);
    expect(JSON.stringify(audit)).not.toContain(family);
    const bad = await search({ q: 'x'.repeat(101), pageSize: 1000 });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['pageSize', 'q']);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/patients/search',
          headers: nurse.read,
          payload: {},
        })
      ).statusCode,
    ).toBe(403);
    expect((await search({}, await t.login('search-manager'))).statusCode).toBe(403);
  });
});
