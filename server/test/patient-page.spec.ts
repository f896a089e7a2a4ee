import { sql } from 'kysely';
import { seedPractice } from '../demo/bulk-insert.ts';
import { createTestApp, type Signed, type TestApp, uniqueName } from './test-app.ts';

/**
 * Issue 11: the patient page in one call (GET /patients/:id/page) and one per episode picked after
 * (GET /episodes/:id/page), each piece as its own route gives it, audited as one event.
 */
describe('the patient page in one call', () => {
  let t: TestApp;
  let nurse: Signed;
  let manager: Signed;
  let patientIds: string[];
  beforeAll(async () => {
    t = await createTestApp();
    await t.createUser('page-nurse', 'nurse');
    await t.createUser('page-manager', 'manager');
    nurse = await t.login('page-nurse');
    manager = await t.login('page-manager');
    await seedPractice(t.db.kysely, { patients: 12, seed: 7, until: '2026-06-30', spanDays: 365 });
    // Patients with two episodes or more and procedures on the newest: every piece has something.
    patientIds = (
      await sql<{ id: string }>`
        SELECT p.id::text AS id FROM patients p
        WHERE EXISTS (SELECT 1 FROM procedures pr JOIN episodes e ON e.id = pr.episode_id
          WHERE e.patient_id = p.id
            AND e.id = (SELECT max(id) FROM episodes WHERE patient_id = p.id))
        ORDER BY p.id LIMIT 3`.execute(t.db.kysely)
    ).rows.map((r) => r.id);
  }, 120_000);
  afterAll(async () => t.close());

  const get = async (url: string, as: Signed = nurse) => {
    const res = await t.app.inject({ method: 'GET', url, headers: as.read });
    return { status: res.statusCode, body: res.json() as Record<string, unknown> };
  };
  const ok = async (url: string) => {
    const res = await get(url);
    expect(res.status).withContext(url).toBe(200);
    return res.body;
  };
  const auditRows = async () =>
    (
      await sql<{ action: string; patient_id: string | null; details: Record<string, unknown> }>`
        SELECT action, patient_id::text AS patient_id, details FROM audit_events
        WHERE actor_username = 'page-nurse' ORDER BY id`.execute(t.db.kysely)
    ).rows;

  it('gives what the separate routes give, for the newest episode and for any other', async () => {
    expect(patientIds.length).toBeGreaterThan(0);
    for (const id of patientIds) {
      const page = await ok(`/api/v1/patients/${id}/page`);
      expect(page['patient']).toEqual(await ok(`/api/v1/patients/${id}`));
      const episodes = (await ok(`/api/v1/patients/${id}/episodes`)) as unknown as {
        id: string;
      }[];
      expect(page['episodes']).toEqual(episodes);
      const parts = async (e: string) => ({
        record: await ok(`/api/v1/episodes/${e}/record`),
        checks: await ok(`/api/v1/episodes/${e}/checks`),
        painTimeline: await ok(`/api/v1/episodes/${e}/pain-timeline`),
        plannedProcedures: await ok(`/api/v1/episodes/${e}/planned-procedures`),
        rfaDurability: await ok(`/api/v1/episodes/${e}/rfa-durability`),
      });
      expect(page['newest'])
        .withContext(id)
        .toEqual(await parts(episodes[0]!.id));
      for (const e of episodes.slice(1))
        expect(await ok(`/api/v1/episodes/${e.id}/page`)).toEqual(await parts(e.id));
    }
  });

  it('is audited as one event that names the patient and the episodes shown', async () => {
    const id = patientIds[0]!;
    const before = (await auditRows()).length;
    await ok(`/api/v1/patients/${id}/page`);
    const events = (await auditRows()).slice(before);
    expect(events.map((e) => [e.action, e.patient_id, e.details['page']])).toEqual([
      ['patient.read', id, true],
    ]);
    const episodes = (await ok(`/api/v1/patients/${id}/episodes`)) as unknown as { id: string }[];
    expect(events[0]!.details['episodeIds']).toEqual(episodes.map((e) => e.id));
    const at = (await auditRows()).length;
    await ok(`/api/v1/episodes/${episodes[0]!.id}/page`);
    expect(
      (await auditRows()).slice(at).map((e) => [e.action, e.patient_id, e.details['page']]),
    ).toEqual([['episode.read', id, true]]);
  });

  it('shows a patient without episodes with nothing newest', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/patients',
      headers: nurse.write,
      payload: {
        mrn: uniqueName('PG-'),
        givenName: 'Nia',
        familyName: 'Page',
        birthDate: '1981-02-03',
        sex: 'female',
      },
    });
    expect(created.statusCode).toBe(201);
    const page = await ok(`/api/v1/patients/${created.json().id}/page`);
    expect([page['episodes'], page['newest']]).toEqual([[], null]);
  });

  it('answers 404 for what does not exist, 400 for an id that is no id, 403 to a manager', async () => {
    const before = (await auditRows()).length;
    expect((await get('/api/v1/patients/999999/page')).status).toBe(404);
    expect((await get('/api/v1/episodes/999999/page')).status).toBe(404);
    expect((await get('/api/v1/patients/abc/page')).status).toBe(400);
    expect((await auditRows()).length).toBe(before); // nothing shown, nothing recorded as read
    for (const url of [
      `/api/v1/patients/${patientIds[0]}/page`,
      `/api/v1/episodes/${patientIds[0]}/page`,
    ])
      expect((await get(url, manager)).status)
        .withContext(url)
        .toBe(403);
  });
});
